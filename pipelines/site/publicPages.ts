/**
 * The public site's other pages: what changed since the last publication, the contracts' public figures,
 * the reports, how to read the figures (statuses and disclosure control), the accessibility statement,
 * and the kept publications with their own dated addresses.
 */
import type { KpiEntry, KpisJson } from '../../schemas/outputs.ts';
import { formatValue, seriesLabel, statusWord } from '../core/describe.ts';
import { periodLabel } from '../core/vega.ts';
import { t } from '../i18n/index.ts';
import { kindOf } from '../kinds/index.ts';
import { escapeHtml, statusCell } from '../report/html.ts';
import { A11Y_CHECKS, A11Y_LIMITS } from './a11y.ts';
import type { HistoryEntry } from './history.ts';
import { kpiPath, type SiteInput } from './model.ts';

const li = (items: string[]) => `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
const key = (k: Pick<KpiEntry, 'id' | 'municipality'>, p: KpiEntry['series'][number]) =>
  `${k.id}|${k.municipality}|${p.period}|${JSON.stringify(p.breakdown ?? {})}`;

/** New periods, restatements and held-back KPIs against the previous publication. */
export function changesPage(kpis: KpisJson, previous: KpisJson | undefined): string {
  if (!previous) return `<p class="lead">${escapeHtml(t('site.changes.first'))}</p>`;
  const before = new Set(previous.kpis.flatMap((k) => k.series.map((p) => key(k, p))));
  const link = (k: KpiEntry) => `<a href="${kpiPath(k.id)}">${escapeHtml(k.title)}</a>`;
  const fresh = kpis.kpis.flatMap((k) => {
    const periods = [
      ...new Set(k.series.filter((p) => !before.has(key(k, p))).map((p) => periodLabel(p.period))),
    ];
    return periods.length ? [`${link(k)}: ${escapeHtml(periods.join(', '))}`] : [];
  });
  const restated = kpis.kpis.flatMap((k) =>
    k.restatements.map(
      (r) =>
        `${link(k)}, ${escapeHtml(periodLabel(r.period))}${r.breakdown ? ` (${escapeHtml(seriesLabel(r))})` : ''}: ${escapeHtml(t('site.changes.restated', { from: formatValue(k.unit, r.previousValue), to: formatValue(k.unit, r.value) }))}`,
    ),
  );
  const held = kpis.kpis
    .filter((k) => k.heldBack)
    .map((k) => `${link(k)}: ${escapeHtml(k.heldBack!.reason)}`);
  const part = (title: string, items: string[], none: string) =>
    `<h2>${escapeHtml(title)}</h2>${items.length ? li(items) : `<p>${escapeHtml(none)}</p>`}`;
  return `<p class="lead">${escapeHtml(t('site.changes.since', { asOf: previous.asOf, runId: previous.runId }))}</p>
${part(t('site.changes.newPeriods'), fresh, t('site.changes.none'))}
${part(t('site.changes.restatements'), restated, t('site.changes.none'))}
${part(t('site.changes.heldBack'), held, t('site.changes.none'))}`;
}

/** Each configured contract's public figures: its KPIs' latest shares and statuses; no money. */
export function contractsPage(input: SiteInput): string {
  if (input.contracts.length === 0) return `<p>${escapeHtml(t('site.contracts.none'))}</p>`;
  const sections = input.contracts.map((c) => {
    const ids = (kindOf(c.kind).kpis?.(c as never) ?? []).map((k) => k.id);
    const rows = input.kpis.kpis
      .filter((k) => ids.includes(k.id))
      .map(
        (k) =>
          `<tr><th scope="row"><a href="${kpiPath(k.id)}">${escapeHtml(k.title)}</a></th><td>${escapeHtml(k.latest ? periodLabel(k.latest.period) : '–')}</td><td class="num">${escapeHtml(formatValue(k.unit, k.latest?.value))}</td><td class="num">${escapeHtml(formatValue(k.unit, k.latest?.target))}</td>${statusCell(k.status)}</tr>`,
      );
    const head = [
      'report.col.kpi',
      'report.col.latest',
      'report.col.value',
      'report.col.target',
      'report.col.status',
    ] as const;
    const table = rows.length
      ? `<table><thead><tr>${head.map((h) => `<th scope="col">${escapeHtml(t(h))}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`
      : `<p>${escapeHtml(t('site.contracts.noKpis'))}</p>`;
    return `<h2>${escapeHtml(c.title)}</h2>${table}`;
  });
  return `<p class="lead">${escapeHtml(t('site.contracts.intro'))}</p>${sections.join('\n')}`;
}

/** The public reports and their PDFs, published beside the site. */
export function reportsPage(input: SiteInput): string {
  const items = input.reports
    .filter((r) => r.audience === 'public')
    .map(
      (r) =>
        `<a href="../reports/${encodeURIComponent(r.name)}.html">${escapeHtml(r.title)}</a>${r.pdf ? ` (<a href="../reports/${encodeURIComponent(r.name)}.pdf">${escapeHtml(t('site.reports.pdf'))}</a>)` : ''}`,
    );
  const data = ['kpis.csv', 'kpis.xlsx', 'kpis.json', 'kpis.parquet'].map(
    (f) => `<a href="../${f}">${f}</a>`,
  );
  return `${items.length ? li(items) : `<p>${escapeHtml(t('site.reports.none'))}</p>`}<h2>${escapeHtml(t('site.reports.data'))}</h2>${li(data)}`;
}

/** How to read the figures: each status, a running period, and disclosure control with its rule. */
export function aboutPage(kpis: KpisJson): string {
  const statuses = ['on_track', 'off_track', 'incomplete', 'no_target', 'no_data', 'no_baseline'].map(
    (s) =>
      `<strong>${escapeHtml(statusWord(s))}</strong>: ${escapeHtml(t(`site.about.status.${s}` as never))}`,
  );
  return `<h2>${escapeHtml(t('site.about.statuses'))}</h2>${li(statuses)}
<h2 id="disclosure">${escapeHtml(t('site.disclosureRule'))}</h2><p>${escapeHtml(t('site.about.disclosure', { minCell: kpis.minCell }))}</p>
<h2>${escapeHtml(t('site.about.heldBackTitle'))}</h2><p>${escapeHtml(t('site.about.heldBack'))}</p>`;
}

/** The statement the law asks of a public body's site, from the checks the tests make. */
export function accessibilityPage(municipality: string, asOf: string): string {
  return `<p class="lead">${escapeHtml(t('site.a11y.intro', { municipality }))}</p>
<h2>${escapeHtml(t('site.a11y.status'))}</h2><p>${escapeHtml(t('site.a11y.partly'))}</p>
<h2>${escapeHtml(t('site.a11y.checked'))}</h2>${li(A11Y_CHECKS.map((c) => escapeHtml(t(c))))}
<h2>${escapeHtml(t('site.a11y.limits'))}</h2>${li(A11Y_LIMITS.map((c) => escapeHtml(t(c))))}
<h2>${escapeHtml(t('site.a11y.contact'))}</h2><p>${escapeHtml(t('site.a11y.contactText', { municipality }))}</p>
<p class="meta">${escapeHtml(t('site.a11y.date', { asOf }))}</p>`;
}

/** The kept publications, newest first, each with its own dated site (docs/outputs.md). */
export function publicationsPage(current: string, kept: HistoryEntry[]): string {
  const rows = [...kept].reverse().map((h) => {
    const href =
      h.runId === current
        ? 'index.html'
        : `../../.runs/${encodeURIComponent(h.runId)}/public/site/index.html`;
    const label = h.runId === current ? t('site.publications.current') : t('site.publications.open');
    return `<tr><th scope="row">${escapeHtml(h.asOf)}</th><td>${escapeHtml(h.finishedAt.slice(0, 10))}</td><td>${escapeHtml(h.runId)}</td><td><a href="${href}">${escapeHtml(label)}</a></td></tr>`;
  });
  const head = [
    'site.publications.asOf',
    'site.publications.published',
    'site.publications.run',
    'site.publications.site',
  ] as const;
  return `<p class="lead">${escapeHtml(t('site.publications.intro'))}</p><table><thead><tr>${head.map((h) => `<th scope="col">${escapeHtml(t(h))}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
