/**
 * The public front page: every KPI as a card (latest value, target, status, a sparkline of its trend,
 * the period), grouped by strategy area and theme, with held-back and suppressed states said in words;
 * and the search box over every KPI, initiative and theme.
 */
import type { KpiEntry, KpisJson } from '../../schemas/outputs.ts';
import { formatValue } from '../core/describe.ts';
import { municipalityName } from '../core/municipalities.ts';
import { periodLabel } from '../core/vega.ts';
import { t } from '../i18n/index.ts';
import type { KpiDefinition } from '../kpis/catalogue.ts';
import { escapeHtml, statusBadge } from '../report/html.ts';
import { byId, groupOf, kpiPath, slug } from './model.ts';

/** The total's trend as a small line; the card's words say the figures, so it is decoration. */
export function sparkline(k: KpiEntry): string {
  const points = k.series
    .filter((p) => !p.breakdown && p.value !== null)
    .sort((a, b) => (a.period < b.period ? -1 : 1));
  if (points.length < 2) return '';
  const values = points.map((p) => p.value as number);
  const [lo, hi] = [Math.min(...values), Math.max(...values)];
  const span = hi - lo || 1;
  const xy = values.map(
    (v, i) =>
      `${((i / (values.length - 1)) * 196 + 2).toFixed(1)},${(34 - ((v - lo) / span) * 30).toFixed(1)}`,
  );
  return `<svg class="spark" viewBox="0 0 200 36" preserveAspectRatio="none" aria-hidden="true" focusable="false"><polyline points="${xy.join(' ')}" fill="none" stroke="#1f4e79" stroke-width="2"/></svg>`;
}

function cardNote(k: KpiEntry, minCell: number): string {
  if (k.heldBack) return `<p class="note held">${escapeHtml(t('site.card.heldBack'))}</p>`;
  if (!k.latest && k.series.some((p) => p.suppressed))
    return `<p class="note">${escapeHtml(t('site.card.suppressed', { minCell }))}</p>`;
  if (!k.latest) return `<p class="note">${escapeHtml(t('site.card.noData'))}</p>`;
  return '';
}

function card(k: KpiEntry, minCell: number, several: boolean): string {
  const latest = k.latest;
  const value = latest ? formatValue(k.unit, latest.value) : '–';
  const target =
    latest && latest.target !== null
      ? t('site.card.target', { target: formatValue(k.unit, latest.target) })
      : t('site.card.noTarget');
  const title = several ? `${k.title} – ${municipalityName(k.municipality) ?? k.municipality}` : k.title;
  return `<li class="card" data-kpi="${escapeHtml(k.id)}"><h3><a href="${kpiPath(k.id)}">${escapeHtml(title)}</a></h3>
<span class="value">${escapeHtml(value)}</span>
<p class="note">${escapeHtml(latest ? t('site.card.period', { period: periodLabel(latest.period) }) : t('site.card.noPeriod'))} · ${escapeHtml(target)}</p>
<p>${statusBadge(k.status)}</p>${sparkline(k)}${cardNote(k, minCell)}</li>`;
}

/** The cards by group, in the publication's order within each. */
export function frontPage(kpis: KpisJson, defs: KpiDefinition[]): string {
  const several = new Set(kpis.kpis.map((k) => k.municipality)).size > 1;
  const groups = new Map<string, string[]>();
  for (const [id, entries] of byId(kpis)) {
    const g = groupOf(defs.find((d) => d.id === id));
    groups.set(g, [...(groups.get(g) ?? []), ...entries.map((k) => card(k, kpis.minCell, several))]);
  }
  const held = kpis.kpis.filter((k) => k.heldBack).length;
  const intro = `<p class="lead">${escapeHtml(t('site.front.intro', { n: byId(kpis).size }))}</p>${
    held > 0 ? `<p class="held-back">${escapeHtml(t('site.front.held', { n: held }))}</p>` : ''
  }<p class="meta">${escapeHtml(t('site.front.states', { minCell: kpis.minCell }))} <a href="about.html">${escapeHtml(t('site.about.title'))}</a></p>`;
  const search = `<form class="search" role="search" action="index.html"><label for="q">${escapeHtml(t('site.search.label'))}</label><br><input id="q" name="q" type="search" autocomplete="off"><button type="submit">${escapeHtml(t('site.search.button'))}</button><div id="search-results" class="search-results" aria-live="polite" data-found="${escapeHtml(t('site.search.found'))}"></div></form>`;
  const sections = [...groups]
    .map(
      ([g, cards]) =>
        `<section aria-labelledby="${slug(g)}"><h2 id="${slug(g)}">${escapeHtml(g)}</h2><ul class="cards">${cards.join('')}</ul></section>`,
    )
    .join('\n');
  return `${intro}${search}${sections}`;
}

/** The search index: every KPI and initiative by its title, definition and themes, and each theme. */
export function searchIndex(
  kpis: KpisJson,
  defs: KpiDefinition[],
): { title: string; text: string; href: string; kind: string }[] {
  const entries: { title: string; text: string; href: string; kind: string }[] = [];
  const themes = new Map<string, string[]>();
  for (const [id, list] of byId(kpis)) {
    const def = defs.find((d) => d.id === id);
    const k = list[0]!;
    const group = groupOf(def);
    entries.push({
      title: k.title,
      text: [def?.definition ?? '', group, ...(def?.initiative?.themes ?? [])].join(' '),
      href: kpiPath(id),
      kind: t(def?.initiative ? 'site.search.initiative' : 'site.search.kpi'),
    });
    for (const theme of def?.initiative?.themes ?? [group])
      themes.set(theme, [...(themes.get(theme) ?? []), k.title]);
  }
  for (const [theme, titles] of themes)
    entries.push({
      title: theme,
      text: titles.join(' '),
      href: `index.html#${slug(theme)}`,
      kind: t('site.search.theme'),
    });
  return entries;
}
