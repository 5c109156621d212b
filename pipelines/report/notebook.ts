/**
 * Notebooks (notebooks/*.md) rendered to self-contained HTML: vega, vega-lite and vega-embed are inlined
 * from node_modules, so a report works offline, on an intranet, or printed.
 *
 * A notebook is Markdown with front matter and three kinds of fenced blocks:
 *   ```sql name            runs against the report's database; the result is available as `name`
 *   ```vega-lite           a chart; `"data": {"name": "x"}` takes the rows of the sql block `x`
 *   ```kpi id              a result-target section: a Danish status sentence, the chart and a table
 *   ```kpis                one such section for every published KPI
 * `{{municipality}}`, `{{asOf}}` and `{{runId}}` in the text are replaced; SQL may use status_da(status).
 *
 * `audience: public` notebooks (public/reports/) see only the published, disclosure-controlled tables:
 * `kpis` (kpis.parquet) and `tariff_alerts`. `audience: restricted` notebooks (restricted/reports/) also
 * see the warehouse (attached read-only as `warehouse`) and the contract tables.
 */
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, join, sep } from 'node:path';
import { marked } from 'marked';
import {
  DsiContractJson,
  GrantContractJson,
  type KpiEntry,
  type KpisJson,
  type Manifest,
} from '../../schemas/outputs.ts';
import { Db } from '../duckdb.ts';
import { RunError } from '../errors.ts';
import { sqlString } from '../ingest/contract.ts';
import {
  baseConfig,
  formatDa,
  kpiChartSpec,
  periodLabel,
  STATUS_LABEL,
  type VegaLiteSpec,
} from './charts.ts';

type HoldBack = Manifest['heldBack'][number];

const require = createRequire(import.meta.url);
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
}

interface Block {
  kind: 'markdown' | 'sql' | 'vega-lite' | 'kpi' | 'kpis';
  arg: string;
  body: string;
  /** 1-based number among the notebook's fenced blocks, for error messages. */
  number: number;
}

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
    if (!['sql', 'vega-lite', 'kpi', 'kpis'].includes(kind)) continue; // other code blocks stay Markdown
    blocks.push({ kind: 'markdown', arg: '', body: rest.slice(last, m.index), number: 0 });
    blocks.push({ kind: kind as Block['kind'], arg: m[2]!.trim(), body: m[3]!, number: ++number });
    last = m.index + m[0].length;
  }
  blocks.push({ kind: 'markdown', arg: '', body: rest.slice(last), number: 0 });
  return { meta, blocks };
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The Danish sentence that states a KPI's status, e.g. "Andelen faldt fra 14,2 % i 2020 til 11,8 % i 2024; målet for 2024 var 10,2 %." */
export function statusSentence(k: KpiEntry, minCell: number): string {
  const total = k.series.filter((p) => !p.breakdown);
  const latest = k.latest;
  if (!latest) return 'Der er endnu ingen afsluttet periode med data.';
  if (latest.value === null) {
    return `Tallet for ${periodLabel(latest.period)} vises ikke, fordi det bygger på færre end ${minCell} personer. Status: ${STATUS_LABEL[latest.status]?.toLowerCase()}.`;
  }
  const noun = k.unit === 'share' ? 'Andelen' : k.unit === 'count' ? 'Antallet' : 'Værdien';
  const first = (total.length ? total : k.series).find((p) => p.value !== null && p.status !== 'incomplete');
  let text: string;
  if (first && first.period !== latest.period && first.value !== null) {
    const verb = latest.value > first.value ? 'steg' : latest.value < first.value ? 'faldt' : 'var uændret';
    text =
      verb === 'var uændret'
        ? `${noun} var uændret ${formatDa(k.unit, latest.value)} fra ${periodLabel(first.period)} til ${periodLabel(latest.period)}`
        : `${noun} ${verb} fra ${formatDa(k.unit, first.value)} i ${periodLabel(first.period)} til ${formatDa(k.unit, latest.value)} i ${periodLabel(latest.period)}`;
  } else {
    text = `${noun} var ${formatDa(k.unit, latest.value)} i ${periodLabel(latest.period)}`;
  }
  if (latest.target !== null) {
    text += `; målet for ${periodLabel(latest.period)} var ${formatDa(k.unit, latest.target)}. `;
    text += latest.status === 'on_track' ? 'Målet er nået.' : 'Målet er ikke nået.';
  } else {
    text += '. Der er ikke fastsat et mål.';
  }
  return text;
}

function kpiTable(k: KpiEntry, minCell: number): string {
  const rows = k.series.map((p) => {
    const series = p.breakdown ? Object.values(p.breakdown)[0] : '';
    const value = p.suppressed ? `&lt;${minCell}` : formatDa(k.unit, p.value);
    return `<tr><td>${escapeHtml(periodLabel(p.period))}</td>${k.series.some((s) => s.breakdown) ? `<td>${escapeHtml(series ?? 'I alt')}</td>` : ''}<td class="num">${value}</td><td class="num">${formatDa(k.unit, p.target)}</td><td><span class="status s-${p.status}">${escapeHtml(STATUS_LABEL[p.status] ?? p.status)}</span></td></tr>`;
  });
  const breakdownHead = k.series.some((s) => s.breakdown) ? '<th>Serie</th>' : '';
  return `<table class="kpi-table"><thead><tr><th>Periode</th>${breakdownHead}<th>Værdi</th><th>Mål</th><th>Status</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function resultTable(rows: Record<string, unknown>[]): string {
  if (rows.length === 0) return '<p class="empty">(ingen rækker)</p>';
  const cols = Object.keys(rows[0]!);
  const cell = (v: unknown) =>
    typeof v === 'number'
      ? `<td class="num">${escapeHtml(new Intl.NumberFormat('da-DK', { maximumFractionDigits: 4 }).format(v))}</td>`
      : `<td>${escapeHtml(v === null || v === undefined ? '' : String(v))}</td>`;
  return `<table><thead><tr>${cols.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${cols.map((c) => cell(r[c])).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

async function openReportDb(ctx: ReportContext, audience: string): Promise<Db> {
  const db = await Db.open(':memory:');
  // Helpers for notebook SQL: Danish status words and period labels.
  await db.run(
    `CREATE MACRO status_da(s) AS CASE s ${Object.entries(STATUS_LABEL)
      .map(([k, v]) => `WHEN ${sqlString(k)} THEN ${sqlString(v)}`)
      .join(' ')} ELSE s END`,
  );
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
      const kind =
        'measurements' in c
          ? 'dsi'
          : 'months' in c
            ? 'grant'
            : c.kind === 'dsi_social_investment'
              ? 'dsi'
              : 'grant';
      const parts =
        kind === 'dsi'
          ? { measurements: DsiContractJson.shape.measurements.element, totals: DsiContractJson.shape.totals }
          : {
              months: GrantContractJson.shape.months.element,
              requirements: GrantContractJson.shape.requirements.element,
              payout: GrantContractJson.shape.payout,
            };
      for (const [part, shape] of Object.entries(parts)) {
        const value = c[part];
        const rows = (Array.isArray(value) ? value : value ? [value] : []) as unknown[];
        const template = Object.fromEntries(Object.keys(shape.shape).map((k) => [k, null]));
        const file = join(ctx.workDir, `report_${id}_${part}.json`);
        await writeFile(file, JSON.stringify(rows.length ? rows : [template]));
        await db.run(
          `CREATE TABLE ${id}_${part} AS SELECT * FROM read_json_auto(${sqlString(file)})${rows.length ? '' : ' WHERE false'}`,
        );
      }
    }
  }
  return db;
}

/**
 * The banner that names what this run held back, the files behind it and what to do. A public report
 * names only the KPIs (the contracts are restricted).
 */
export function heldBackBanner(holds: HoldBack[], ctx: ReportContext, audience: string): string {
  const shown = holds.filter((h) => audience === 'restricted' || h.kind === 'kpi');
  if (shown.length === 0) return '';
  const title = (h: HoldBack) =>
    h.kind === 'kpi' ? (ctx.kpis.kpis.find((k) => k.id === h.id)?.title ?? h.id) : `Kontrakt ${h.id}`;
  const items = shown
    .map(
      (h) =>
        `<li><strong>${escapeHtml(title(h))}</strong>: ${escapeHtml(h.files.join(', '))}. <span class="why">${escapeHtml(h.reason)}</span></li>`,
    )
    .join('');
  return `<div class="held-back" role="alert"><p><strong>Tal holdt tilbage.</strong> Disse tal er ikke opdateret i denne kørsel, fordi en fil, de bygger på, blev afvist eller er blevet mindre end sidst. De viste tal er fra den forrige offentliggørelse.</p><ul>${items}</ul><p>Ret eller genlever filen; næste kørsel opdaterer tallene. Er ændringen tilsigtet, kan kørslen offentliggøre de nye tal med <code>--allow-partial</code>.</p></div>`;
}

let libraries: string | undefined;
async function inlineLibraries(): Promise<string> {
  if (!libraries) {
    // The packages' "exports" hide their UMD builds; find each package's folder from its entry point.
    const file = (pkg: string, path: string) => {
      const entry = require.resolve(pkg);
      const marker = `node_modules${sep}${pkg}${sep}`;
      return join(entry.slice(0, entry.lastIndexOf(marker) + marker.length), path);
    };
    const files = [
      file('vega', 'build/vega.min.js'),
      file('vega-lite', 'build/vega-lite.min.js'),
      file('vega-embed', 'build/vega-embed.min.js'),
    ];
    const code = await Promise.all(files.map((f) => readFile(f, 'utf8')));
    libraries = code.map((c) => `<script>${c.replace(/<\/script/gi, '<\\/script')}</script>`).join('\n');
  }
  return libraries;
}

const CSS = `
:root { --ink: #1b1b1b; --muted: #555; --rule: #d9d9d9; --accent: #1f4e79; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: var(--ink); margin: 0; background: #fff; line-height: 1.45; }
main { max-width: 58rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
h1 { font-size: 1.7rem; margin: 0 0 .3rem; color: var(--accent); }
h2 { font-size: 1.25rem; margin: 2.2rem 0 .4rem; border-bottom: 2px solid var(--accent); padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .3rem; }
.meta { color: var(--muted); font-size: .9rem; }
.sentence { font-size: 1.02rem; }
.chart { margin: .8rem 0; min-height: 120px; }
table { border-collapse: collapse; margin: .6rem 0 1rem; font-size: .88rem; }
th, td { border-bottom: 1px solid var(--rule); padding: .25rem .6rem; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.status { padding: .05rem .4rem; border-radius: .6rem; font-size: .8rem; white-space: nowrap; }
.s-on_track { background: #e3f3e6; color: #1a7f37; } .s-off_track { background: #fbe4e4; color: #c62828; }
.s-incomplete, .s-no_data, .s-no_baseline { background: #eee; color: #555; } .s-no_target { background: #e6eef6; color: #1f4e79; }
.held-back { border: 2px solid #c62828; background: #fdf1f1; padding: .4rem 1rem; margin: 1rem 0; }
.held-back .why { color: var(--muted); font-size: .9rem; }
.held-note { color: #c62828; }
section.kpi { break-inside: avoid; page-break-inside: avoid; }
@media print {
  main { max-width: none; padding: 0; }
  h2 { break-before: auto; }
  .chart, table { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}`;

export interface RenderedNotebook {
  name: string;
  audience: 'public' | 'restricted';
  html: string;
}

export async function renderNotebook(
  name: string,
  text: string,
  ctx: ReportContext,
): Promise<RenderedNotebook> {
  const { meta, blocks } = parseNotebook(text);
  const audience = meta.audience === 'restricted' ? 'restricted' : 'public';
  const minCell = ctx.kpis.minCell;
  const vars: Record<string, string> = {
    municipality: ctx.municipalityName,
    asOf: ctx.kpis.asOf,
    runId: ctx.kpis.runId,
  };
  const fill = (s: string) => s.replace(/\{\{(\w+)\}\}/g, (m, k: string) => vars[k] ?? m);
  const db = await openReportDb(ctx, audience);
  const results = new Map<string, Record<string, unknown>[]>();
  const specs: Record<string, VegaLiteSpec> = {};
  const parts: string[] = [];
  const chart = (spec: VegaLiteSpec) => {
    const id = `chart-${Object.keys(specs).length + 1}`;
    specs[id] = spec;
    return `<div class="chart" id="${id}" role="img"></div>`;
  };
  const kpiSection = (k: KpiEntry) =>
    `<section class="kpi" data-kpi="${escapeHtml(k.id)}"><h2>${escapeHtml(k.title)}</h2>${k.heldBack ? `<p class="held-note"><strong>Holdt tilbage:</strong> tallene er fra forrige offentliggørelse (${escapeHtml(k.heldBack.files.join(', '))}).</p>` : ''}<p class="sentence">${escapeHtml(statusSentence(k, minCell))}</p>${chart(kpiChartSpec(k, minCell, ctx.kpis.asOf))}${kpiTable(k, minCell)}<p class="meta">Kilde: ${escapeHtml(k.source)}</p></section>`;
  try {
    for (const b of blocks) {
      const where = `Notebook ${name}.md, block ${b.number}`;
      if (b.kind === 'markdown') parts.push(await marked.parse(fill(b.body)));
      else if (b.kind === 'sql') {
        try {
          const rows = await db.all(fill(b.body));
          results.set(b.arg.split(/\s+/)[0] || `block${b.number}`, rows);
          if (/\bshow\b/.test(b.arg)) parts.push(resultTable(rows));
        } catch (e) {
          throw new RunError(
            `${where} (sql ${b.arg || 'unnamed'}) failed. DuckDB says: ${(e as Error).message.split('\n')[0]}`,
          );
        }
      } else if (b.kind === 'vega-lite') {
        let spec: VegaLiteSpec;
        try {
          spec = JSON.parse(b.body) as VegaLiteSpec;
        } catch (e) {
          throw new RunError(`${where} (vega-lite) is not valid JSON: ${(e as Error).message}`);
        }
        const data = spec.data as { name?: string } | undefined;
        if (data?.name) {
          const rows = results.get(data.name);
          if (!rows)
            throw new RunError(
              `${where} (vega-lite) uses data "${data.name}", but no sql block before it has that name`,
            );
          spec = { ...spec, data: { values: rows } };
        }
        parts.push(chart({ config: baseConfig(), width: 640, ...spec }));
      } else if (b.kind === 'kpi') {
        const entries = ctx.kpis.kpis.filter((k) => k.id === b.arg);
        if (entries.length === 0) throw new RunError(`${where} (kpi ${b.arg}): no published KPI has this id`);
        parts.push(...entries.map(kpiSection));
      } else {
        parts.push(...ctx.kpis.kpis.map(kpiSection));
      }
    }
  } finally {
    db.close();
  }
  const title = fill(meta.title ?? name);
  const html = `<!doctype html>
<html lang="da">
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
<p class="meta">${escapeHtml(ctx.municipalityName)} · opgjort pr. ${escapeHtml(ctx.kpis.asOf)} · kørsel ${escapeHtml(ctx.kpis.runId)}${audience === 'restricted' ? ' · FORTROLIGT: kun økonomi og analytikere' : ''}</p>
${heldBackBanner(ctx.heldBack ?? [], ctx, audience)}
${parts.join('\n')}
</main>
<script>
const specs = ${JSON.stringify(specs).replace(/</g, '\\u003c')};
for (const [id, spec] of Object.entries(specs)) {
  vegaEmbed('#' + id, spec, { renderer: 'svg', actions: false }).catch((e) => console.error(id, e));
}
</script>
</body>
</html>
`;
  return { name, audience, html };
}

/** Renders every notebook in notebooks/ into public/reports or restricted/reports. */
export async function renderNotebooks(
  ctx: ReportContext,
  notebookDir: URL | string = NOTEBOOK_DIR,
): Promise<RenderedNotebook[]> {
  const dir = typeof notebookDir === 'string' ? notebookDir : notebookDir.pathname;
  const names = (await readdir(dir))
    .filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md')
    .sort();
  const out: RenderedNotebook[] = [];
  for (const f of names) {
    const nb = await renderNotebook(basename(f, '.md'), await readFile(join(dir, f), 'utf8'), ctx);
    const target = join(nb.audience === 'public' ? ctx.publicDir : ctx.restrictedDir, 'reports');
    await mkdir(target, { recursive: true });
    // Written beside and renamed into place, so a reader never sees half a report.
    await writeFile(join(target, `.${nb.name}.html.tmp`), nb.html, 'utf8');
    await rename(join(target, `.${nb.name}.html.tmp`), join(target, `${nb.name}.html`));
    out.push(nb);
  }
  return out;
}

/** `kpi report --out DIR`: re-renders the notebooks against the currently published run. */
export async function reportCommand(outDir: string, workDir: string): Promise<RenderedNotebook[]> {
  const publicDir = join(outDir, 'public');
  let kpis: KpisJson;
  let manifest: { municipality: { name: string }; heldBack?: HoldBack[] };
  try {
    kpis = JSON.parse(await readFile(join(publicDir, 'kpis.json'), 'utf8')) as KpisJson;
    manifest = JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8'));
  } catch {
    throw new RunError(
      `${outDir} has no published run to report on (public/kpis.json is missing). Run \`kpi run\` first.`,
    );
  }
  return renderNotebooks({
    kpis,
    municipalityName: manifest.municipality.name,
    heldBack: manifest.heldBack ?? [],
    publicDir,
    restrictedDir: join(outDir, 'restricted'),
    workDir,
  });
}
