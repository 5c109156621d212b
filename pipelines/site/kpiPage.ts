/**
 * One page per KPI and initiative: for each municipality its status in a sentence, the interactive chart
 * (series to switch on and off, the target line, the running periods marked), the table of every period
 * with suppressed cells marked and footnoted; then the definition, the rule and its source with the
 * quotation, the downloads and the lineage.
 */
import type { KpiEntry } from '../../schemas/outputs.ts';
import { formatValue, ruleText, seriesLabel, statusWord, unitText } from '../core/describe.ts';
import { municipalityName } from '../core/municipalities.ts';
import { periodLabel, withLineStyles } from '../core/vega.ts';
import { lang, t } from '../i18n/index.ts';
import type { KpiDefinition } from '../kpis/catalogue.ts';
import { kpiChartAlt, kpiChartSpec } from '../report/charts.ts';
import { escapeHtml, statusBadge, statusCell } from '../report/html.ts';
import { statusSentence } from '../report/sentence.ts';
import { type Lineage, lineageFigure } from './lineage.ts';

/** A value as a cell: a suppressed one is "<5" with a footnote mark that links the rule. */
export function valueCell(k: KpiEntry, p: KpiEntry['series'][number], minCell: number, root: string): string {
  if (p.suppressed)
    return `<td class="num"><abbr title="${escapeHtml(t('site.suppressedTitle', { minCell }))}">&lt;${minCell}</abbr><sup class="sup"><a href="${root}about.html#disclosure" aria-label="${escapeHtml(t('site.footnote'))}">*</a></sup></td>`;
  return `<td class="num">${escapeHtml(formatValue(k.unit, p.value))}</td>`;
}

function periodTable(k: KpiEntry, minCell: number, root: string, caption: string): string {
  const breakdowns = k.series.some((s) => s.breakdown);
  const rows = [...k.series]
    .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0))
    .map(
      (p) =>
        `<tr><th scope="row">${escapeHtml(periodLabel(p.period))}</th>${breakdowns ? `<td>${escapeHtml(seriesLabel(p))}</td>` : ''}${valueCell(k, p, minCell, root)}<td class="num">${escapeHtml(formatValue(k.unit, p.target))}</td>${statusCell(p.status)}</tr>`,
    );
  const head = [
    t('report.col.period'),
    ...(breakdowns ? [t('report.col.series')] : []),
    t('report.col.value'),
    t('report.col.target'),
    t('report.col.status'),
  ];
  const note = k.series.some((p) => p.suppressed)
    ? `<p class="meta">* ${escapeHtml(t('site.suppressedNote', { minCell }))} <a href="${root}about.html#disclosure">${escapeHtml(t('site.disclosureRule'))}</a></p>`
    : '';
  return `<div class="wide" tabindex="0" role="region" aria-label="${escapeHtml(caption)}"><table><caption>${escapeHtml(caption)}</caption><thead><tr>${head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div>${note}`;
}

/** The chart's place, its series toggles, and its spec for the page's JSON. */
function chartBlock(k: KpiEntry, minCell: number, asOf: string, id: string): { html: string; spec?: object } {
  if (k.series.every((p) => p.value === null && !p.suppressed))
    return { html: `<p class="empty">${escapeHtml(t('report.noChartData'))}</p>` };
  const alt = kpiChartAlt(k);
  const spec = { ...withLineStyles(kpiChartSpec(k, minCell, asOf)), description: alt };
  const series = [...new Set(k.series.map((p) => (p.breakdown ? seriesLabel(p) : t('word.total'))))];
  const toggles =
    series.length > 1
      ? `<fieldset class="toggles" data-chart="${id}"><legend>${escapeHtml(t('site.showSeries'))}</legend>${series
          .map(
            (s, i) =>
              `<label><input type="checkbox" value="${escapeHtml(s)}" checked id="${id}-s${i}"> ${escapeHtml(s)}</label>`,
          )
          .join('')}</fieldset>`
      : '';
  return {
    html: `${toggles}<div class="chart" id="${id}" data-spec="${id}-spec" role="img" aria-label="${escapeHtml(alt)}" data-alt="${escapeHtml(alt)}"></div>`,
    spec,
  };
}

function heldAndSuppressed(k: KpiEntry, minCell: number): string {
  const parts: string[] = [];
  if (k.heldBack)
    parts.push(
      `<div class="held-back"><p>${escapeHtml(t('site.heldBack', { files: k.heldBack.files.join(', ') }))}</p><p class="meta">${escapeHtml(k.heldBack.reason)}</p></div>`,
    );
  if (k.latest === null && k.series.some((p) => p.suppressed))
    parts.push(`<p>${escapeHtml(t('site.allSuppressed', { minCell }))}</p>`);
  return parts.join('');
}

export interface KpiPageParts {
  body: string;
  data: Record<string, unknown>;
}

/** The page's sections, one per municipality, then what the KPI is and where it comes from. */
export function kpiPage(
  entries: KpiEntry[],
  def: KpiDefinition | undefined,
  ctx: { minCell: number; asOf: string; lineage: Lineage | undefined; root: string },
): KpiPageParts {
  const several = entries.length > 1;
  const data: Record<string, unknown> = {};
  const sections = entries.map((k, i) => {
    const name = municipalityName(k.municipality) ?? k.municipality;
    const chart = chartBlock(k, ctx.minCell, ctx.asOf, `chart-${i + 1}`);
    if (chart.spec) data[`chart-${i + 1}-spec`] = chart.spec;
    const heading = several ? `<h2>${escapeHtml(name)}</h2>` : `<h2>${escapeHtml(t('site.kpi.trend'))}</h2>`;
    return `<section data-municipality="${escapeHtml(k.municipality)}" aria-label="${escapeHtml(name)}">${heading}
<p class="lead">${escapeHtml(statusSentence(k, ctx.minCell))} ${statusBadge(k.status)}</p>
${heldAndSuppressed(k, ctx.minCell)}${chart.html}
${periodTable(k, ctx.minCell, ctx.root, t('site.kpi.table', { title: k.title, municipality: name }))}</section>`;
  });
  const select = several
    ? `<p><label for="municipality">${escapeHtml(t('site.municipality'))}</label> <select id="municipality">${entries
        .map(
          (k) =>
            `<option value="${escapeHtml(k.municipality)}">${escapeHtml(municipalityName(k.municipality) ?? k.municipality)}</option>`,
        )
        .join('')}</select></p>`
    : '';
  return { body: `${select}${sections.join('\n')}${about(entries[0]!, def, ctx)}`, data };
}

/** What the KPI is, its rule and source (the Danish source quoted as Danish), downloads and lineage. */
function about(
  k: KpiEntry,
  def: KpiDefinition | undefined,
  ctx: { lineage: Lineage | undefined; root: string },
): string {
  const id = encodeURIComponent(k.id);
  const quote = def?.passage
    ? `<blockquote class="quote" lang="da"><p>${escapeHtml(def.passage)}</p></blockquote>`
    : '';
  const source = lang() === 'da' ? escapeHtml(k.source) : `<q lang="da">${escapeHtml(k.source)}</q>`;
  const baseline =
    k.baseline?.value != null
      ? `<p>${escapeHtml(t('site.kpi.baseline', { period: periodLabel(k.baseline.period), value: formatValue(k.unit, k.baseline.value) }))}</p>`
      : '';
  return `<h2>${escapeHtml(t('site.kpi.about'))}</h2>
${def ? `<p>${escapeHtml(def.definition)}</p>` : ''}
<p>${escapeHtml(unitText(k))}</p>
<p>${escapeHtml(t('site.kpi.rule', { rule: ruleText(k.target, k.unit) }))}</p>${baseline}
<p>${escapeHtml(t('site.kpi.source'))} ${source}</p>${quote}
<p>${escapeHtml(t('site.kpi.status', { status: statusWord(k.status) }))}</p>
<h2>${escapeHtml(t('site.kpi.downloads'))}</h2>
<ul class="downloads">
<li><a href="${ctx.root}data/${id}.csv" download>${escapeHtml(t('site.download.csv'))}</a></li>
<li><a href="${ctx.root}data/${id}.xlsx" download>${escapeHtml(t('site.download.xlsx'))}</a></li>
<li><a href="${ctx.root}data/${id}.json" download>${escapeHtml(t('site.download.json'))}</a></li>
</ul>
<p class="meta">${escapeHtml(t('site.download.note'))} <a href="${ctx.root}about.html#disclosure">${escapeHtml(t('site.disclosureRule'))}</a></p>
<h2>${escapeHtml(t('site.kpi.lineage'))}</h2>
${ctx.lineage ? lineageFigure(ctx.lineage) : `<p>${escapeHtml(t('site.lineage.none'))}</p>`}`;
}
