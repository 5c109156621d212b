/**
 * The follow-up of the configured initiatives (the `initiatives` block of notebooks/opfoelgning.md):
 * Kolding's initiative catalogue follows every initiative up each half-year against its baseline. The
 * initiatives are grouped by theme, in the configured order of the themes (or the order the initiatives
 * first name them); each theme gets a table of its initiatives' status, trend, baseline and target, and
 * each initiative a card with its owner, description and follow-up, once, after the themes.
 */
import type { KpiEntry, KpisJson } from '../../schemas/outputs.ts';
import { formatValue, ruleText, statusWord } from '../core/describe.ts';
import { periodLabel } from '../core/vega.ts';
import { t } from '../i18n/index.ts';
import { escapeHtml, htmlTable, statusCell } from './html.ts';
import { statusSentence } from './sentence.ts';

type Initiative = KpiEntry & { initiative: NonNullable<KpiEntry['initiative']> };

/** The judged points of the total series (complete, with a value), oldest first. */
function judged(k: KpiEntry): { period: string; value: number }[] {
  return k.series
    .filter((p) => !p.breakdown && p.value !== null && p.status !== 'incomplete' && !p.suppressed)
    .map((p) => ({ period: p.period, value: p.value! }))
    .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
}

/**
 * The latest change between two judged periods, in words: "stigende (bedre)", "faldende (dårligere)",
 * "uændret"; "–" with fewer than two.
 */
export function trendText(k: KpiEntry): string {
  const points = judged(k);
  if (points.length < 2) return '–';
  const before = points.at(-2)!;
  const now = points.at(-1)!;
  if (now.value === before.value) return t('trend.flat');
  const up = now.value > before.value;
  const word = t(up ? 'trend.up' : 'trend.down');
  if (k.direction === 'none') return word;
  const better = (k.direction === 'increase') === up;
  return `${word} ${t(better ? 'trend.better' : 'trend.worse')}`;
}

function baselineText(k: KpiEntry): string {
  if (!k.baseline || k.baseline.value === null) return '–';
  return `${formatValue(k.unit, k.baseline.value)} (${periodLabel(k.baseline.period)})`;
}

function row(k: Initiative, minCell: number): string {
  const latest = k.latest ?? null;
  const value = latest
    ? latest.value === null
      ? `&lt;${minCell}`
      : escapeHtml(formatValue(k.unit, latest.value))
    : '–';
  const target =
    latest?.target !== null && latest?.target !== undefined
      ? formatValue(k.unit, latest.target)
      : k.target.rule === 'none'
        ? '–'
        : ruleText(k.target, k.unit);
  return `<tr><td>${escapeHtml(k.title)}</td><td>${escapeHtml(k.initiative.owner ?? '–')}</td><td>${escapeHtml(latest ? periodLabel(latest.period) : '–')}</td><td class="num">${value}</td><td class="num">${escapeHtml(baselineText(k))}</td><td class="num">${escapeHtml(target)}</td><td>${escapeHtml(trendText(k))}</td>${statusCell(k.status)}</tr>`;
}

/** The themes in their order: the configured list, else as the initiatives first name them. */
function themeOrder(initiatives: Initiative[], configured: string[]): string[] {
  const named = [...new Set(initiatives.flatMap((k) => k.initiative.themes))];
  return configured.length > 0 ? configured.filter((th) => named.includes(th)) : named;
}

function card(k: Initiative, minCell: number): string {
  const c = k.initiative;
  const facts = [
    t('report.initiative.owner', { owner: c.owner ?? '–' }),
    t('report.initiative.followUp', { followUp: t(`followUp.${c.followUp}`) }),
    t('report.initiative.themes', { themes: c.themes.join(', ') || t('report.initiative.noTheme') }),
  ].join(' · ');
  const description = c.description ? `<p>${escapeHtml(c.description)}</p>` : '';
  return `<section class="kpi initiative" data-kpi="${escapeHtml(k.id)}"><h3>${escapeHtml(k.title)}</h3><p class="meta">${escapeHtml(facts)}</p>${description}<p class="sentence">${escapeHtml(statusSentence(k, minCell))} ${escapeHtml(t('report.initiative.status', { status: statusWord(k.status) }))}</p></section>`;
}

export function initiativesSection(kpis: KpisJson, themes: string[] = []): string {
  const initiatives = kpis.kpis.filter((k): k is Initiative => k.initiative !== undefined);
  if (initiatives.length === 0) return `<p class="empty">${escapeHtml(t('report.initiative.none'))}</p>`;
  const head = [
    t('report.col.initiative'),
    t('report.col.owner'),
    t('report.col.latest'),
    t('report.col.value'),
    t('report.col.baseline'),
    t('report.col.target'),
    t('report.col.trend'),
    t('report.col.status'),
  ];
  const groups = themeOrder(initiatives, themes).map((th) => ({
    title: th,
    items: initiatives.filter((k) => k.initiative.themes.includes(th)),
  }));
  const loose = initiatives.filter((k) => k.initiative.themes.length === 0);
  if (loose.length > 0) groups.push({ title: t('report.initiative.noTheme'), items: loose });
  const parts = groups.map(
    (g) =>
      `<section class="theme"><h2>${escapeHtml(g.title)}</h2>${htmlTable(
        'initiatives',
        head,
        g.items.map((k) => row(k, kpis.minCell)),
      )}</section>`,
  );
  parts.push(`<h2>${escapeHtml(t('report.initiative.cards'))}</h2>`);
  parts.push(...initiatives.map((k) => card(k, kpis.minCell)));
  return parts.join('\n');
}
