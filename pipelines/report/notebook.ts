/**
 * Notebooks (notebooks/*.md) rendered to self-contained HTML: vega, vega-lite and vega-embed are inlined
 * from node_modules, so a report works offline, on an intranet, or printed.
 *
 * A notebook is Markdown with front matter and three kinds of fenced blocks:
 *   ```sql name            runs against the report's database; the result is available as `name`
 *   ```vega-lite           a chart; `"data": {"name": "x"}` takes the rows of the sql block `x`
 *   ```kpi id              a result-target section: a Danish status sentence, the chart and a table
 *   ```kpis                one such section for every published KPI
 *   ```initiatives         the configured initiatives by theme: status, trend, baseline, target
 * `{{municipality}}`, `{{asOf}}` and `{{runId}}` in the text are replaced; SQL may use status_da(status).
 *
 * `audience: public` notebooks (public/reports/) see only the published, disclosure-controlled tables:
 * `kpis` (kpis.parquet) and `tariff_alerts`. `audience: restricted` notebooks (restricted/reports/) also
 * see the warehouse (attached read-only as `warehouse`) and the contract tables.
 */
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { marked } from 'marked';
import type { ContractConfig } from '../../schemas/contracts.ts';
import type { KpiEntry, KpisJson, Manifest } from '../../schemas/outputs.ts';
import { formatValue, seriesLabel } from '../core/describe.ts';
import { municipalityName } from '../core/municipalities.ts';
import { quoteIdent, sqlString } from '../core/sql.ts';
import { baseConfig, chartLocale, periodLabel, type VegaLiteSpec, withLineStyles } from '../core/vega.ts';
import { inlineScript, vendorCode } from '../core/vendor.ts';
import { Db } from '../duckdb.ts';
import { ConfigError, RunError } from '../errors.ts';
import { lang, type MessageKey, num, t } from '../i18n/index.ts';
import { kindOf, kindOfResult } from '../kinds/index.ts';
import { lockDown, refuseSelect } from '../sandbox.ts';
import { kpiChartAlt, kpiChartSpec } from './charts.ts';
import { contractSection, sectionRows } from './contractSection.ts';
import { escapeHtml, statusCell } from './html.ts';
import { initiativesSection } from './initiatives.ts';
import { statusSentence } from './sentence.ts';

export { statusSentence };

type HoldBack = Manifest['heldBack'][number];

export const NOTEBOOK_DIR = new URL('../../notebooks/', import.meta.url);

export interface ReportContext {
  kpis: KpisJson;
  municipalityName: string;
  /** public/ of the run being published (kpis.parquet, tariff_alerts.json). */
  publicDir: string;
  /** restricted/ of the run (warehouse.duckdb, contracts/*.json). */
  restrictedDir: string;
  workDir: string;
  /** What this run held back at its previous values (a banner at the top of every report). */
  heldBack?: HoldBack[];
  /** The configuration's themes, in the order the follow-up shows them (config `themes`). */
  themes?: string[];
  /** The configured contracts, which the finance report explains (config `contracts`). */
  contracts?: ContractConfig[];
}

interface Block {
  kind:
    | 'markdown'
    | 'sql'
    | 'vega-lite'
    | 'kpi'
    | 'kpis'
    | 'overview'
    | 'contract'
    | 'contracts'
    | 'initiatives';
  arg: string;
  body: string;
  /** 1-based number among the notebook's fenced blocks, for error messages. */
  number: number;
}

const BLOCK_KINDS = ['sql', 'vega-lite', 'kpi', 'kpis', 'overview', 'contract', 'contracts', 'initiatives'];

export function parseNotebook(text: string): { meta: Record<string, string>; blocks: Block[] } {
  const meta: Record<string, string> = {};
  let rest = text;
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (fm) {
    for (const line of fm[1]!.split('\n')) {
      const m = /^(\w+):\s*(.*)$/.exec(line.trim());
      if (m) meta[m[1]!] = m[2]!.trim();
    }
    rest = text.slice(fm[0].length);
  }
  const blocks: Block[] = [];
  const fence = /^```([\w-]+)?[ \t]*(.*)\n([\s\S]*?)^```[ \t]*$/gm;
  let last = 0;
  let number = 0;
  for (let m = fence.exec(rest); m; m = fence.exec(rest)) {
    const kind = m[1] ?? '';
    if (!BLOCK_KINDS.includes(kind)) continue; // other code blocks stay Markdown
    blocks.push({ kind: 'markdown', arg: '', body: rest.slice(last, m.index), number: 0 });
    blocks.push({ kind: kind as Block['kind'], arg: m[2]!.trim(), body: m[3]!, number: ++number });
    last = m.index + m[0].length;
  }
  blocks.push({ kind: 'markdown', arg: '', body: rest.slice(last), number: 0 });
  return { meta, blocks };
}

function kpiTable(k: KpiEntry, minCell: number): string {
  const breakdowns = k.series.some((s) => s.breakdown);
  const rows = k.series.map((p) => {
    const series = seriesLabel(p);
    const value = p.suppressed ? `&lt;${minCell}` : formatValue(k.unit, p.value);
    return `<tr><td>${escapeHtml(periodLabel(p.period))}</td>${breakdowns ? `<td>${escapeHtml(series ?? '')}</td>` : ''}<td class="num">${value}</td><td class="num">${formatValue(k.unit, p.target)}</td>${statusCell(p.status)}</tr>`;
  });
  const head: MessageKey[] = [
    'report.col.period',
    ...(breakdowns ? (['report.col.series'] as const) : []),
    'report.col.value',
    'report.col.target',
    'report.col.status',
  ];
  return `<table class="kpi-table"><thead><tr>${head.map((h) => `<th>${escapeHtml(t(h))}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/**
 * Every result target in the catalogue's order: its title, latest complete period, value, target and
 * status (the `overview` block). Breakdown KPIs such as the surveys are listed too.
 */
/**
 * A KPI entry's heading: its title, and where the publication is for several municipalities
 * (`municipalities`), the municipality's name, so that each one's sections read as its own.
 */
function entryTitle(k: KpiEntry, kpis: KpisJson): string {
  const several = new Set(kpis.kpis.map((e) => e.municipality)).size > 1;
  return several ? `${k.title} – ${municipalityName(k.municipality) ?? k.municipality}` : k.title;
}

function overviewTable(kpis: KpisJson): string {
  const rows = kpis.kpis.map((k) => {
    const latest = k.latest;
    const value = latest
      ? latest.value === null
        ? `&lt;${kpis.minCell}`
        : formatValue(k.unit, latest.value)
      : '–';
    return `<tr><td>${escapeHtml(entryTitle(k, kpis))}</td><td>${escapeHtml(latest ? periodLabel(latest.period) : '–')}</td><td class="num">${value}</td><td class="num">${escapeHtml(formatValue(k.unit, latest?.target))}</td>${statusCell(k.status)}</tr>`;
  });
  const head = (
    [
      'report.col.kpi',
      'report.col.latest',
      'report.col.value',
      'report.col.target',
      'report.col.status',
    ] as const
  )
    .map((h) => `<th>${escapeHtml(t(h))}</th>`)
    .join('');
  return `<table class="overview"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** Whether a result column holds years (År, year, …): they are written without a thousands separator. */
const YEAR_COLUMN = /(^|[^a-zæøå])(år|aar|year|periode|period)([^a-zæøå]|$)/i;

/**
 * A value that is a figure as text (`1.275.923,08 kr.`, `45,0 %`, `2024-H2`, `maj 2027`): right-aligned
 * and never broken across lines, as a number is.
 */
const FIGURE = /^(-?[\d.,]+( kr\.| %)?|–|\d{4}(-H[12]|-\d{2})?|[1-2]\. halvår \d{4}|H[12] \d{4}|\S+ \d{4})$/;

/** Columns from which a table is wide: it gets a landscape page of its own in print. */
const WIDE_FROM = 8;

function resultTable(rows: Record<string, unknown>[]): string {
  if (rows.length === 0) return `<p class="empty">${escapeHtml(t('report.noRows'))}</p>`;
  const cols = Object.keys(rows[0]!);
  const cell = (col: string, v: unknown) =>
    typeof v === 'number'
      ? `<td class="num">${escapeHtml(YEAR_COLUMN.test(col) && Number.isInteger(v) ? String(v) : num(v, Number.isInteger(v) ? 0 : undefined))}</td>`
      : typeof v === 'string' && FIGURE.test(v)
        ? `<td class="num">${escapeHtml(v)}</td>`
        : `<td>${escapeHtml(v === null || v === undefined ? '' : String(v))}</td>`;
  const table = `<table><thead><tr>${cols.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${cols.map((c) => cell(c, r[c])).join('')}</tr>`)
    .join('')}</tbody></table>`;
  // A scrolling box is reachable by keyboard, and says what it holds (WCAG 2.1, 2.1.1).
  return cols.length >= WIDE_FROM
    ? `<div class="wide" tabindex="0" role="region" aria-label="${escapeHtml(t('report.wideTable', { columns: cols.slice(0, 3).join(', ') }))}">${table}</div>`
    : table;
}

/**
 * SQL helpers for notebooks, in the report's language: status_da(status) and requirement_da(status)
 * give the words, period_label('2027-05') 'maj 2027', pct(0.5) '50 %', kr(12345.6) '12.345,60 kr.'.
 */
async function createHelpers(db: Db): Promise<void> {
  const words = (prefix: string, ids: string[]) =>
    `CASE s ${ids.map((id) => `WHEN ${sqlString(id)} THEN ${sqlString(t(`${prefix}.${id}` as MessageKey))}`).join(' ')} ELSE s END`;
  await db.run(
    `CREATE MACRO status_da(s) AS ${words('status', ['on_track', 'off_track', 'incomplete', 'no_target', 'no_data', 'no_baseline'])}`,
  );
  await db.run(`CREATE MACRO requirement_da(s) AS ${words('requirement', ['met', 'not_met', 'pending'])}`);
  await db.run(`CREATE MACRO measurement_da(s) AS ${words('measurement', ['final', 'provisional'])}`);
  const months = chartLocale().time.shortMonths.map(sqlString).join(', ');
  await db.run(`CREATE MACRO period_label(p) AS CASE WHEN regexp_full_match(CAST(p AS VARCHAR), '\\d{4}-\\d{2}')
    THEN [${months}][CAST(substr(CAST(p AS VARCHAR), 6, 2) AS INTEGER)] || ' ' || substr(CAST(p AS VARCHAR), 1, 4)
    ELSE CAST(p AS VARCHAR) END`);
  const [decimal, thousands] = lang() === 'da' ? [',', '.'] : ['.', ','];
  // Formatted by DuckDB with a ',' grouping and '.' decimal, then swapped into the language's marks.
  const localise = (x: string) =>
    `replace(replace(replace(${x}, ',', '\u0001'), '.', ${sqlString(decimal)}), '\u0001', ${sqlString(thousands)})`;
  await db.run(
    `CREATE MACRO pct(x) AS CASE WHEN x IS NULL THEN '–' ELSE ${localise("rtrim(rtrim(printf('%.1f', CAST(x AS DOUBLE) * 100), '0'), '.')")} || ' %' END`,
  );
  await db.run(
    `CREATE MACRO kr(x) AS CASE WHEN x IS NULL THEN '–' ELSE ${localise("format('{:,.2f}', CAST(x AS DOUBLE))")} || ' kr.' END`,
  );
}

async function openReportDb(ctx: ReportContext, audience: string): Promise<Db> {
  const db = await Db.open(':memory:');
  await createHelpers(db);
  await db.run(
    `CREATE TABLE kpis AS SELECT * FROM read_parquet(${sqlString(join(ctx.publicDir, 'kpis.parquet'))})`,
  );
  const alerts = JSON.parse(await readFile(join(ctx.publicDir, 'tariff_alerts.json'), 'utf8')) as {
    alerts: unknown[];
  };
  const alertsFile = join(ctx.workDir, 'report_tariff_alerts.json');
  await writeFile(alertsFile, JSON.stringify(alerts.alerts));
  await db.run(
    alerts.alerts.length
      ? `CREATE TABLE tariff_alerts AS SELECT * FROM read_json_auto(${sqlString(alertsFile)})`
      : 'CREATE TABLE tariff_alerts (municipality VARCHAR, "providerId" VARCHAR, "providerName" VARCHAR, ownership VARCHAR, service VARCHAR, year INTEGER, "previousRate" DOUBLE, rate DOUBLE, increase DOUBLE, threshold DOUBLE)',
  );
  if (audience === 'restricted') {
    await db.run(`ATTACH ${sqlString(join(ctx.restrictedDir, 'warehouse.duckdb'))} AS warehouse (READ_ONLY)`);
    const dir = join(ctx.restrictedDir, 'contracts');
    for (const f of (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json'))) {
      const id = basename(f, '.json');
      const c = JSON.parse(await readFile(join(dir, f), 'utf8')) as Record<string, unknown>;
      // Every table of the contract's kind is made, with the documented columns even when the file has
      // no rows or no figures (a contract held back before it was ever published), so a notebook's
      // query runs and shows "(ingen rækker)".
      const parts = (kindOfResult(c) ?? kindOf(String(c.kind))).tables;
      for (const [part, shape] of Object.entries(parts)) {
        const value = c[part];
        const rows = (Array.isArray(value) ? value : value ? [value] : []) as unknown[];
        const template = Object.fromEntries(Object.keys(shape.shape).map((k) => [k, null]));
        const file = join(ctx.workDir, `report_${id}_${part}.json`);
        // Every documented column, also in a file written before a column was added.
        const full = rows.map((row) => ({ ...template, ...(row as object) }));
        await writeFile(file, JSON.stringify(full.length ? full : [template]));
        await db.run(
          `CREATE TABLE ${quoteIdent(`${id}_${part}`)} AS SELECT * FROM read_json_auto(${sqlString(file)})${rows.length ? '' : ' WHERE false'}`,
        );
      }
    }
  }
  // Everything the notebooks read is in place: from here on the instance reads and writes no file.
  await lockDown(db);
  return db;
}

/** The published contract files of the run (restricted/contracts/<id>.json), by id. */
async function contractFiles(ctx: ReportContext): Promise<[string, Record<string, unknown>][]> {
  const dir = join(ctx.restrictedDir, 'contracts');
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json')).sort();
  const out: [string, Record<string, unknown>][] = [];
  for (const f of names) out.push([basename(f, '.json'), JSON.parse(await readFile(join(dir, f), 'utf8'))]);
  return out;
}

/**
 * The banner that names what this run held back, the files behind it and what to do. A public report
 * names the KPIs and lists (the contracts are restricted).
 */
export function heldBackBanner(holds: HoldBack[], ctx: ReportContext, audience: string): string {
  const shown = holds.filter((h) => audience === 'restricted' || h.kind !== 'contract');
  if (shown.length === 0) return '';
  const title = (h: HoldBack) =>
    h.kind === 'kpi'
      ? (ctx.kpis.kpis.find((k) => k.id === h.id)?.title ?? h.id)
      : t(h.kind === 'list' ? 'report.banner.list' : 'report.banner.contract', { id: h.id });
  const items = shown
    .map(
      (h) =>
        `<li><strong>${escapeHtml(title(h))}</strong>: ${escapeHtml(h.files.join(', '))}. <span class="why">${escapeHtml(h.reason)}</span></li>`,
    )
    .join('');
  return `<div class="held-back" role="alert"><p><strong>${escapeHtml(t('report.banner.title'))}</strong> ${escapeHtml(t('report.banner.text'))}</p><ul>${items}</ul><p>${escapeHtml(t('report.banner.fix'))}</p></div>`;
}

let libraries: string | undefined;
async function inlineLibraries(): Promise<string> {
  libraries ??= (await vendorCode()).map((c) => `<script>${inlineScript(c)}</script>`).join('\n');
  return libraries;
}

const CSS = `
:root { --ink: #1b1b1b; --muted: #555; --rule: #d9d9d9; --accent: #1f4e79; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: var(--ink); margin: 0; background: #fff; line-height: 1.45; }
main { max-width: 76rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
h1 { font-size: 1.7rem; margin: 0 0 .3rem; color: var(--accent); }
h2 { font-size: 1.25rem; margin: 2.2rem 0 .4rem; border-bottom: 2px solid var(--accent); padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .3rem; }
.meta { color: var(--muted); font-size: .9rem; }
.sentence { font-size: 1.02rem; }
.chart { margin: .8rem 0; min-height: 120px; }
table { border-collapse: collapse; margin: .6rem 0 1rem; font-size: .88rem; }
th, td { border-bottom: 1px solid var(--rule); padding: .25rem .6rem; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
/* A table too wide for the page scrolls within its own box on screen; the page never grows wider. */
.wide { overflow-x: auto; max-width: 100%; }
.status { padding: .05rem .4rem; border-radius: .6rem; font-size: .8rem; white-space: nowrap; }
/* Each status's text against its badge at 4.5:1 or more (WCAG 2.1 AA, 1.4.3). */
.s-on_track { background: #e3f3e6; color: #135c28; } .s-off_track { background: #fbe4e4; color: #a61b1b; }
.s-incomplete, .s-no_data, .s-no_baseline { background: #eee; color: #555; } .s-no_target { background: #e6eef6; color: #1f4e79; }
.held-back { border: 2px solid #c62828; background: #fdf1f1; padding: .4rem 1rem; margin: 1rem 0; }
.held-back .why { color: var(--muted); font-size: .9rem; }
.held-note { color: #c62828; }
section.kpi { break-inside: avoid; page-break-inside: avoid; }
@page { size: A4; margin: 14mm 12mm 18mm; }
/* A wide table (the contract measurements) gets a landscape page of its own, at a readable size. */
@page wide { size: A4 landscape; margin: 12mm 12mm 18mm; }
@media print {
  main { max-width: none; padding: 0; }
  .wide { page: wide; overflow: visible; }
  h2 { break-before: auto; }
  .chart, table { break-inside: avoid; }
  thead { display: table-header-group; }
  /* Never below 9 pt on paper; a value is never broken across lines (td.num). */
  table { max-width: 100%; font-size: 9pt; }
  th, td { padding: .12rem .3rem; }
  tr, .sentence, .explain { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}`;

export interface RenderedNotebook {
  name: string;
  /** Its title as its page shows it (the site lists the reports by it). */
  title: string;
  audience: 'public' | 'restricted';
  html: string;
}

/** A notebook being rendered: its database, the named results of its SQL blocks, its charts and parts. */
interface Page {
  ctx: ReportContext;
  db: Db;
  file: string;
  fill(s: string): string;
  results: Map<string, Record<string, unknown>[]>;
  specs: Record<string, VegaLiteSpec>;
  parts: string[];
}

/**
 * A chart's place in the page; its spec is embedded once, at the end. It is an image with a text
 * alternative (WCAG 2.1, 1.1.1): `alt`, or the chart's own title and subtitle.
 */
function chart(page: Page, spec: VegaLiteSpec, alt?: string): string {
  const id = `chart-${Object.keys(page.specs).length + 1}`;
  const text = alt ?? altOf(spec);
  // The drawing's SVG gets the text as its description, and the chart's box keeps it as its label
  // once vega-embed has drawn (it would otherwise call every chart "Vega visualization").
  page.specs[id] = { ...withLineStyles(spec), description: text };
  return `<div class="chart" id="${id}" role="img" aria-label="${escapeHtml(text)}" data-alt="${escapeHtml(text)}"></div>`;
}

/** A chart's title and subtitle as its text alternative. */
function altOf(spec: VegaLiteSpec): string {
  const title = spec.title as { text?: string; subtitle?: string | string[] } | string | undefined;
  if (typeof title === 'string') return title;
  const parts = [title?.text ?? t('report.chart'), ...[title?.subtitle ?? []].flat()];
  return parts.filter(Boolean).join('. ');
}

/**
 * Where a KPI comes from. The source documents are Danish and are quoted as they are: in a report in
 * another language the quotation is marked as Danish (WCAG 2.1, 3.1.2, language of parts).
 */
function sourceLine(source: string): string {
  if (lang() === 'da') return escapeHtml(t('report.source', { source }));
  const [before, after] = t('report.source', { source: '\u0000' }).split('\u0000');
  return `${escapeHtml(before ?? '')}<q lang="da">${escapeHtml(source)}</q>${escapeHtml(after ?? '')}`;
}

/** A KPI's chart, or a sentence when there is nothing to draw (never an empty frame). */
function drawing(page: Page, k: KpiEntry, minCell: number, asOf: string): string {
  if (k.series.every((p) => p.value === null && !p.suppressed))
    return `<p class="empty">${escapeHtml(t('report.noChartData'))}</p>`;
  return chart(page, kpiChartSpec(k, minCell, asOf), kpiChartAlt(k));
}

function kpiSection(page: Page, k: KpiEntry): string {
  const { minCell, asOf } = page.ctx.kpis;
  const note = k.heldBack
    ? `<p class="held-note">${escapeHtml(t('report.heldNote', { files: k.heldBack.files.join(', ') }))}</p>`
    : '';
  return `<section class="kpi" data-kpi="${escapeHtml(k.id)}"><h2>${escapeHtml(entryTitle(k, page.ctx.kpis))}</h2>${note}<p class="sentence">${escapeHtml(statusSentence(k, minCell))}</p>${drawing(page, k, minCell, asOf)}${kpiTable(k, minCell)}<p class="meta">${sourceLine(k.source)}</p></section>`;
}

type BlockRenderer = (page: Page, b: Block, at: { file: string; n: number }) => Promise<void>;

const BLOCKS: Record<Block['kind'], BlockRenderer> = {
  async markdown(page, b) {
    page.parts.push(await marked.parse(page.fill(b.body)));
  },
  async sql(page, b, at) {
    // A notebook may be the municipality's own: its SQL is configuration SQL (sandbox.ts).
    const sql = page.fill(b.body);
    const refused = await refuseSelect(page.db, sql);
    if (refused)
      throw new ConfigError(
        t('sandbox.refusedBlock', { ...at, arg: b.arg || t('report.unnamed'), reason: refused }),
      );
    try {
      const rows = await page.db.single(sql);
      page.results.set(b.arg.split(/\s+/)[0] || `block${b.number}`, rows);
      if (/\bshow\b/.test(b.arg)) page.parts.push(resultTable(rows));
    } catch (e) {
      throw new RunError(
        t('report.blockFailed', {
          ...at,
          arg: b.arg || t('report.unnamed'),
          message: (e as Error).message.split('\n')[0]!,
        }),
      );
    }
  },
  async 'vega-lite'(page, b, at) {
    let spec: VegaLiteSpec;
    try {
      spec = JSON.parse(b.body) as VegaLiteSpec;
    } catch (e) {
      throw new RunError(t('report.notJson', { ...at, message: (e as Error).message }));
    }
    const data = spec.data as { name?: string } | undefined;
    if (data?.name) {
      const rows = page.results.get(data.name);
      if (!rows) throw new RunError(t('report.unknownData', { ...at, data: data.name }));
      spec = { ...spec, data: { values: rows } };
    }
    page.parts.push(chart(page, { config: baseConfig(), width: 640, ...spec }));
  },
  async kpi(page, b, at) {
    const entries = page.ctx.kpis.kpis.filter((k) => k.id === b.arg);
    if (entries.length === 0) throw new RunError(t('report.unknownKpi', { ...at, id: b.arg }));
    page.parts.push(...entries.map((k) => kpiSection(page, k)));
  },
  async kpis(page) {
    page.parts.push(...page.ctx.kpis.kpis.map((k) => kpiSection(page, k)));
  },
  async overview(page) {
    page.parts.push(overviewTable(page.ctx.kpis));
  },
  // The configured initiatives by theme (notebooks/opfoelgning.md).
  async initiatives(page) {
    page.parts.push(initiativesSection(page.ctx.kpis, page.ctx.themes));
  },
  // Every contract's standard section, whatever the municipality's contracts are called.
  async contracts(page) {
    const files = await contractFiles(page.ctx);
    // A municipality without contracts is told so, not shown an empty page.
    if (files.length === 0) page.parts.push(`<p class="empty">${escapeHtml(t('report.noContracts'))}</p>`);
    for (const [id, json] of files) {
      const config = page.ctx.contracts?.find((c) => c.id === id);
      const s = contractSection(id, json, config);
      page.parts.push(
        `<section class="contract" data-contract="${escapeHtml(id)}"><h2>${escapeHtml(s.title)}</h2>`,
      );
      if (s.heldBack) {
        page.parts.push(
          `<p class="held-note">${escapeHtml(t('report.heldNote', { files: s.heldBack.files.join(', ') }))}</p>`,
        );
      }
      if (s.empty)
        page.parts.push(`<p class="empty">${escapeHtml(s.heldBack?.reason ?? t('report.noRows'))}</p>`);
      for (const p of s.explanation) page.parts.push(`<p class="explain">${escapeHtml(p)}</p>`);
      for (const rows of await sectionRows(page.db, s)) page.parts.push(resultTable(rows));
      if (s.chart) page.parts.push(chart(page, s.chart));
      for (const table of s.projection) {
        page.parts.push(`<h3>${escapeHtml(table.caption)}</h3>`, resultTable(table.rows));
      }
      if (s.projectionChart) page.parts.push(chart(page, s.projectionChart));
      if (!s.empty)
        page.parts.push(
          `<p class="meta">${escapeHtml(t('finance.workbook', { file: `restricted/contracts/${id}.xlsx` }))}</p>`,
        );
      page.parts.push('</section>');
    }
  },
  // The contract's standard chart, the same as restricted/charts/<id>.svg.
  async contract(page, b, at) {
    const c = await readFile(join(page.ctx.restrictedDir, 'contracts', `${b.arg}.json`), 'utf8')
      .then((text) => JSON.parse(text) as Record<string, unknown>)
      .catch(() => undefined);
    if (!c) throw new RunError(t('report.unknownContract', { ...at, id: b.arg }));
    const kind = kindOfResult(c);
    if (kind) page.parts.push(chart(page, kind.chart(kind.json.parse(c))));
  },
};

export async function renderNotebook(
  name: string,
  text: string,
  ctx: ReportContext,
  /** How messages name the notebook: its file name, or its path when it is the municipality's own. */
  file = `${name}.md`,
): Promise<RenderedNotebook> {
  const { meta, blocks } = parseNotebook(text);
  const audience = meta.audience === 'restricted' ? 'restricted' : 'public';
  const vars: Record<string, string> = {
    municipality: ctx.municipalityName,
    asOf: ctx.kpis.asOf,
    runId: ctx.kpis.runId,
  };
  const fill = (s: string) => s.replace(/\{\{(\w+)\}\}/g, (m, k: string) => vars[k] ?? m);
  const db = await openReportDb(ctx, audience);
  const page: Page = { ctx, db, file, fill, results: new Map(), specs: {}, parts: [] };
  try {
    for (const b of blocks) await BLOCKS[b.kind](page, b, { file, n: b.number });
  } finally {
    db.close();
  }
  const { parts, specs } = page;
  const title = fill(meta.title ?? name);
  const html = `<!doctype html>
<html lang="${lang()}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
${await inlineLibraries()}
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(t('report.meta', { municipality: ctx.municipalityName, asOf: ctx.kpis.asOf, runId: ctx.kpis.runId }) + (audience === 'restricted' ? t('report.confidential') : ''))}</p>
${heldBackBanner(ctx.heldBack ?? [], ctx, audience)}
${parts.join('\n')}
</main>
<script>
const specs = ${JSON.stringify(specs).replace(/</g, '\\u003c')};
for (const [id, spec] of Object.entries(specs)) {
  vegaEmbed('#' + id, spec, { renderer: 'svg', actions: false })
    .then(() => {
      const el = document.getElementById(id);
      el.setAttribute('role', 'img');
      el.setAttribute('aria-label', el.dataset.alt);
      el.removeAttribute('aria-roledescription');
      // The drawing itself is decoration of that image: its marks are not read out one by one.
      for (const svg of el.querySelectorAll('svg')) svg.setAttribute('aria-hidden', 'true');
    })
    .catch((e) => console.error(id, e));
}
</script>
</body>
</html>
`;
  return { name, audience, html, title };
}

/** The notebooks to render, by name: the built-in ones, then each folder's, a later one replacing an earlier. */
async function notebookFiles(dirs: string[]): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const dir of dirs) {
    const names = (await readdir(dir)).filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md');
    for (const f of names.sort()) files.set(basename(f, '.md'), join(dir, f));
  }
  return files;
}

/**
 * Renders every notebook of notebooks/ and of the municipality's own folder (config `notebooks`) into
 * public/reports or restricted/reports. All are rendered before any is written, so a broken notebook
 * leaves every report as it was (`kpi report` writes into the published run).
 */
export async function renderNotebooks(
  ctx: ReportContext,
  ownDir?: string,
  builtInDir: URL | string = NOTEBOOK_DIR,
): Promise<RenderedNotebook[]> {
  const builtIn = typeof builtInDir === 'string' ? builtInDir : builtInDir.pathname;
  // In English, the built-in notebooks' English versions (notebooks/en/) replace the Danish ones.
  const translated = join(builtIn, lang());
  const builtIns =
    lang() !== 'da' && (await stat(translated).catch(() => undefined))?.isDirectory()
      ? [builtIn, translated]
      : [builtIn];
  const rendered: RenderedNotebook[] = [];
  for (const [name, path] of await notebookFiles(ownDir ? [...builtIns, ownDir] : builtIns)) {
    const label = path.startsWith(builtIn) ? `${name}.md` : path;
    rendered.push(await renderNotebook(name, await readFile(path, 'utf8'), ctx, label));
  }
  for (const nb of rendered) {
    const target = join(nb.audience === 'public' ? ctx.publicDir : ctx.restrictedDir, 'reports');
    await mkdir(target, { recursive: true });
    // Written beside and renamed into place, so a reader never sees half a report.
    await writeFile(join(target, `.${nb.name}.html.tmp`), nb.html, 'utf8');
    await rename(join(target, `.${nb.name}.html.tmp`), join(target, `${nb.name}.html`));
  }
  return rendered;
}

/** Where each rendered report's PDF goes: beside its HTML, reports/<name>.pdf. */
export function pdfTargets(
  ctx: Pick<ReportContext, 'publicDir' | 'restrictedDir'>,
  rendered: RenderedNotebook[],
): { html: string; pdf: string }[] {
  return rendered.map((nb) => {
    const dir = join(nb.audience === 'public' ? ctx.publicDir : ctx.restrictedDir, 'reports');
    return { html: join(dir, `${nb.name}.html`), pdf: join(dir, `${nb.name}.pdf`) };
  });
}

/** `kpi report --out DIR`: re-renders the notebooks against the currently published run. */
export async function reportCommand(
  outDir: string,
  workDir: string,
  ownNotebooks?: string,
  themes: string[] = [],
  contracts: ContractConfig[] = [],
  pdf?: { chromium: string },
): Promise<RenderedNotebook[]> {
  const publicDir = join(outDir, 'public');
  let kpis: KpisJson;
  let manifest: { municipality: { name: string }; heldBack?: HoldBack[] };
  try {
    kpis = JSON.parse(await readFile(join(publicDir, 'kpis.json'), 'utf8')) as KpisJson;
    manifest = JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8'));
  } catch {
    throw new RunError(t('report.nothingPublished', { out: outDir }));
  }
  const ctx: ReportContext = {
    kpis,
    municipalityName: manifest.municipality.name,
    heldBack: manifest.heldBack ?? [],
    publicDir,
    restrictedDir: join(outDir, 'restricted'),
    workDir,
    themes,
    contracts,
  };
  const rendered = await renderNotebooks(ctx, ownNotebooks);
  if (pdf) {
    const { printPdfs } = await import('./pdf.ts');
    await printPdfs(pdfTargets(ctx, rendered), pdf.chromium, {
      municipality: manifest.municipality.name,
      asOf: kpis.asOf,
    });
  }
  return rendered;
}
