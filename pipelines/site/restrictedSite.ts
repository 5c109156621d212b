/**
 * restricted/site/: the analysts' view, with the public site's look, never under public/ (docs/outputs.md).
 * Last night (exit code, stages, files, rows, warnings, held-back figures and what to do), data health
 * per extract over the kept nights, the quarantine (masked as in its CSVs), the run history and the
 * contracts. Counts, file names and masked values only; no person data.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Manifest } from '../../schemas/outputs.ts';
import { formatValue } from '../core/describe.ts';
import { sqlString } from '../core/sql.ts';
import { baseConfig } from '../core/vega.ts';
import type { Db } from '../duckdb.ts';
import { num, t } from '../i18n/index.ts';
import { escapeHtml, htmlTable } from '../report/html.ts';
import type { HistoryEntry } from './history.ts';
import { page } from './layout.ts';
import type { SiteInput } from './model.ts';
import { writeAssets } from './publicSite.ts';

const nav = () => [
  { href: 'index.html', label: t('site.r.night') },
  { href: 'health.html', label: t('site.r.health') },
  { href: 'quarantine.html', label: t('site.r.quarantine') },
  { href: 'history.html', label: t('site.r.history') },
  { href: 'contracts.html', label: t('site.r.contracts') },
];

const n = (v: number) => num(v, 0);
const cell = (v: number) => `<td class="num">${n(v)}</td>`;

/** Rejected rows per quarantine file and rule, and the first rows of each, read with SQL. */
export interface QuarantineFile {
  file: string;
  extract: string;
  byRule: { rule: string; rows: number }[];
  rows: { line: string; column: string; rule: string; message: string; value: string }[];
  total: number;
}

const SHOWN_ROWS = 200;

/**
 * This night's quarantine from the warehouse (ingest.violations, masked as the quarantine CSVs are):
 * per file its counts by rule and its first rows. Read from the warehouse, never from the files: the
 * process that writes the warehouse reads no CSV (docs/privacy-and-reliability.md).
 */
export async function readQuarantine(db: Db, files: readonly string[]): Promise<QuarantineFile[]> {
  if (files.length === 0) return [];
  const tonight = `f.file IN (${files.map(sqlString).join(', ')})`;
  const counts = await db.all<{ extract: string; file: string; rule: string; rows: number }>(
    `SELECT f.extract, f.file, v.rule, count(*)::INTEGER AS rows FROM ingest.violations v
     JOIN ingest.files f USING (file_id) WHERE ${tonight} GROUP BY ALL ORDER BY f.file, rows DESC, v.rule`,
  );
  const rows = await db.all<{ file: string } & QuarantineFile['rows'][number]>(
    `SELECT f.file, v.line::VARCHAR AS line, v."column" AS "column", v.rule, v.message, v.value
     FROM ingest.violations v JOIN ingest.files f USING (file_id) WHERE ${tonight}
     QUALIFY row_number() OVER (PARTITION BY f.file ORDER BY v.line, v."column") <= ${SHOWN_ROWS}
     ORDER BY f.file, v.line, v."column"`,
  );
  const out = new Map<string, QuarantineFile>();
  for (const c of counts) {
    const f = out.get(c.file) ?? { file: c.file, extract: c.extract, byRule: [], rows: [], total: 0 };
    f.byRule.push({ rule: c.rule, rows: c.rows });
    f.total += c.rows;
    out.set(c.file, f);
  }
  for (const { file, ...r } of rows) out.get(file)?.rows.push(r);
  return [...out.values()];
}

/** Rejected rows per extract and rule, for the history. */
export function rejectsByExtract(q: QuarantineFile[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const f of q)
    for (const r of f.byRule) {
      out[f.extract] ??= {};
      out[f.extract]![r.rule] = (out[f.extract]![r.rule] ?? 0) + r.rows;
    }
  return out;
}

function nightPage(m: Manifest, stages: SiteInput['stages'], exitCode: number): string {
  const exit = `<p class="lead ${exitCode === 0 ? 'ok' : 'bad'}">${escapeHtml(t(`site.r.exit.${exitCode === 0 ? 'ok' : 'held'}`, { code: exitCode }))}</p>`;
  const stageRows = stages.map(
    (s) => `<tr><th scope="row">${escapeHtml(s.name)}</th><td class="num">${num(s.seconds, 1)} s</td></tr>`,
  );
  const files = m.inputs.map(
    (i) =>
      `<tr><th scope="row">${escapeHtml(i.file)}</th><td>${escapeHtml(i.extract)}</td><td>${escapeHtml(t(`site.r.fileStatus.${i.status}`))}</td>${cell(i.rowsRead)}${cell(i.rowsLoaded)}${cell(i.rowsRejected)}${cell(i.rowsSkipped)}</tr>`,
  );
  const tot = m.totals;
  const held = m.heldBack.length
    ? `<div class="held-back"><h2>${escapeHtml(t('site.r.heldBack'))}</h2><ul>${m.heldBack.map((h) => `<li><strong>${escapeHtml(h.id)}</strong>: ${escapeHtml(h.reason)} (${escapeHtml(h.files.join(', '))})</li>`).join('')}</ul><p>${escapeHtml(t('report.banner.fix'))}</p></div>`
    : `<p class="ok">${escapeHtml(t('site.r.nothingHeld'))}</p>`;
  const warnings = m.warnings.length
    ? `<ul>${m.warnings.map((w) => `<li>${escapeHtml(w.message)}</li>`).join('')}</ul>`
    : `<p>${escapeHtml(t('site.r.noWarnings'))}</p>`;
  return `${exit}
<p>${escapeHtml(t('site.r.totals', { files: m.inputs.length, read: n(tot.rowsRead), loaded: n(tot.rowsLoaded), rejected: n(tot.rowsRejected), skipped: n(tot.rowsSkipped) }))}</p>
${held}
<h2>${escapeHtml(t('site.r.warnings'))}</h2>${warnings}
<h2>${escapeHtml(t('site.r.stages'))}</h2><table><thead><tr><th scope="col">${escapeHtml(t('site.r.stage'))}</th><th scope="col" class="num">${escapeHtml(t('site.r.seconds'))}</th></tr></thead><tbody>${stageRows.join('')}</tbody></table>
<p class="meta">${escapeHtml(t('site.r.stagesNote'))}</p>
<h2>${escapeHtml(t('site.r.files'))}</h2><div class="wide" tabindex="0" role="region" aria-label="${escapeHtml(t('site.r.files'))}"><table><thead><tr>${[t('site.r.col.file'), t('site.r.col.extract'), t('site.r.col.status'), t('site.r.col.read'), t('site.r.col.loaded'), t('site.r.col.rejected'), t('site.r.col.skipped')].map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${files.join('')}</tbody></table></div>`;
}

const MONTH = /^\d{4}-\d{2}$/;

/**
 * Rows per month, one line per night (the last nights kept), one small chart per extract; an extract
 * without months (a register, a survey) is its rows per night.
 */
function volumeSpec(extract: string, nights: HistoryEntry[]) {
  // Each night by its as-of date; a second night with the same date gets (2), and so on.
  const labels = new Map<string, string>();
  for (const h of nights) {
    const same = [...labels.values()].filter((l) => l === h.asOf || l.startsWith(`${h.asOf} (`)).length;
    labels.set(h.runId, same === 0 ? h.asOf : `${h.asOf} (${same + 1})`);
  }
  const night = (h: HistoryEntry) => labels.get(h.runId)!;
  const monthly = nights.some((h) => Object.keys(h.volumes[extract] ?? {}).some((m) => MONTH.test(m)));
  const values = nights.flatMap((h) =>
    Object.entries(h.volumes[extract] ?? {})
      .filter(([m]) => !monthly || MONTH.test(m))
      .map(([month, rows]) => ({ month, rows, night: night(h) })),
  );
  const base = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: extract,
    width: 320,
    height: 140,
    config: baseConfig(),
    data: { values },
  };
  const y = { field: 'rows', type: 'quantitative', title: t('site.r.rows') };
  if (!monthly)
    return {
      ...base,
      mark: { type: 'bar', color: '#1f4e79' },
      encoding: { x: { field: 'night', type: 'ordinal', title: t('site.r.night.legend') }, y },
    };
  return {
    ...base,
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'month', type: 'ordinal', title: t('site.r.month'), axis: { labelOverlap: true } },
      y,
      color: { field: 'night', type: 'nominal', title: t('site.r.night.legend') },
      strokeDash: { field: 'night', type: 'nominal', legend: null },
      tooltip: [{ field: 'night' }, { field: 'month' }, { field: 'rows', format: ',d' }],
    },
  };
}

/** Freshness: the latest month delivered against the run's month, or the rows of an extract without months. */
function freshness(volumes: Record<string, number> | undefined, asOfMonth: string): string {
  if (!volumes) return t('site.r.notDelivered');
  const months = Object.keys(volumes)
    .filter((m) => MONTH.test(m))
    .sort();
  const latest = months.at(-1);
  if (!latest) return t('site.r.noMonths', { rows: n(Object.values(volumes).reduce((a, b) => a + b, 0)) });
  return t('site.r.fresh', { latest, asOf: asOfMonth, behind: monthsBetween(latest, asOfMonth) });
}

const SHOWN_NIGHTS = 7;

function healthPage(input: SiteInput): { body: string; data: Record<string, unknown> } {
  const nights = input.history.filter((h) => Object.keys(h.volumes).length > 0).slice(-SHOWN_NIGHTS);
  const extracts = [...new Set(nights.flatMap((h) => Object.keys(h.volumes)))].sort();
  const asOfMonth = input.manifest.asOf.slice(0, 7);
  const data: Record<string, unknown> = {};
  const charts = extracts.map((e, i) => {
    const volumes = input.manifest.volumes[e];
    const fresh = freshness(volumes, asOfMonth);
    const latest = Object.keys(volumes ?? {})
      .sort()
      .at(-1);
    const id = `vol-${i + 1}`;
    data[`${id}-spec`] = volumeSpec(e, nights);
    const alt = t('site.r.volumeAlt', {
      extract: e,
      nights: nights.length,
      latest: latest ?? '–',
      rows: n(volumes?.[latest ?? ''] ?? 0),
    });
    return `<section aria-labelledby="h-${id}"><h3 id="h-${id}">${escapeHtml(e)}</h3><p>${escapeHtml(fresh)}</p><div class="chart" id="${id}" data-spec="${id}-spec" role="img" aria-label="${escapeHtml(alt)}" data-alt="${escapeHtml(alt)}"></div></section>`;
  });
  const rules = [
    ...new Set(nights.flatMap((h) => Object.values(h.rejects).flatMap((r) => Object.keys(r)))),
  ].sort();
  const rejectRows = nights.map(
    (h) =>
      `<tr><th scope="row">${escapeHtml(h.asOf)} (${escapeHtml(h.runId)})</th>${rules.map((r) => cell(Object.values(h.rejects).reduce((s, x) => s + (x[r] ?? 0), 0))).join('')}</tr>`,
  );
  const overrides = input.manifest.overrides.map(
    (o) =>
      `<tr><th scope="row">${escapeHtml(o.file)}</th><td>${escapeHtml(o.overrode)}</td>${cell(o.keys)}</tr>`,
  );
  return {
    data,
    body: `<p class="lead">${escapeHtml(t('site.r.healthIntro', { nights: nights.length }))}</p><div class="multiples">${charts.join('')}</div>
<h2>${escapeHtml(t('site.r.rejectsByRule'))}</h2>${rules.length ? `<div class="wide" tabindex="0" role="region" aria-label="${escapeHtml(t('site.r.rejectsByRule'))}"><table><thead><tr><th scope="col">${escapeHtml(t('site.r.col.night'))}</th>${rules.map((r) => `<th scope="col" class="num">${escapeHtml(r)}</th>`).join('')}</tr></thead><tbody>${rejectRows.join('')}</tbody></table></div>` : `<p>${escapeHtml(t('site.r.noRejects'))}</p>`}
<h2>${escapeHtml(t('site.r.overrides'))}</h2>${overrides.length ? `<table><thead><tr>${[t('site.r.col.file'), t('site.r.col.overrode'), t('site.r.col.keys')].map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${overrides.join('')}</tbody></table>` : `<p>${escapeHtml(t('site.r.noOverrides'))}</p>`}`,
  };
}

function monthsBetween(a: string, b: string): number {
  const [ya, ma] = a.split('-').map(Number);
  const [yb, mb] = b.split('-').map(Number);
  return (yb! - ya!) * 12 + (mb! - ma!);
}

function quarantinePage(q: QuarantineFile[]): string {
  if (q.length === 0) return `<p class="lead">${escapeHtml(t('site.r.noQuarantine'))}</p>`;
  return q
    .map((f) => {
      const rules = f.byRule.map((r) => `${escapeHtml(r.rule)}: ${n(r.rows)}`).join(', ');
      const rows = f.rows.map(
        (r) =>
          `<tr><td class="num">${escapeHtml(r.line ?? '')}</td><td>${escapeHtml(r.column ?? '')}</td><td>${escapeHtml(r.rule ?? '')}</td><td>${escapeHtml(r.message ?? '')}</td><td>${escapeHtml(r.value ?? '')}</td></tr>`,
      );
      const more =
        f.total > f.rows.length
          ? `<p class="meta">${escapeHtml(t('site.r.moreRows', { shown: f.rows.length, total: n(f.total) }))}</p>`
          : '';
      return `<h2>${escapeHtml(f.file)}</h2><p>${escapeHtml(t('site.r.quarantineFile', { total: n(f.total) }))} ${rules}</p><div class="wide" tabindex="0" role="region" aria-label="${escapeHtml(f.file)}">${htmlTable('quarantine', [t('site.r.col.line'), t('site.r.col.column'), t('site.r.col.rule'), t('site.r.col.message'), t('site.r.col.value')], rows)}</div>${more}`;
    })
    .join('\n');
}

function historyPage(history: HistoryEntry[]): string {
  const rows = [...history]
    .reverse()
    .map(
      (h) =>
        `<tr><th scope="row">${escapeHtml(h.runId)}</th><td>${escapeHtml(h.asOf)}</td><td>${escapeHtml(h.codeVersion)}</td><td>${escapeHtml(h.configHash)}</td><td>${escapeHtml(h.keyFingerprint)}</td><td class="num">${h.exitCode}</td><td class="num">${n(h.files)}</td>${cell(h.totals.rowsRead)}${cell(h.totals.rowsLoaded)}${cell(h.totals.rowsRejected)}<td class="num">${n(h.heldBack)}</td></tr>`,
    );
  const head = [
    'run',
    'asOf',
    'code',
    'config',
    'key',
    'exit',
    'files',
    'read',
    'loaded',
    'rejected',
    'held',
  ].map((c) => t(`site.r.h.${c}` as never));
  return `<p class="lead">${escapeHtml(t('site.r.historyIntro', { n: history.length }))}</p><div class="wide" tabindex="0" role="region" aria-label="${escapeHtml(t('site.r.history'))}"><table><thead><tr>${head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

async function contractsPage(restricted: string, input: SiteInput): Promise<string> {
  const finance = input.reports.filter((r) => r.audience === 'restricted');
  const reports = finance.map(
    (r) =>
      `<li><a href="../reports/${encodeURIComponent(r.name)}.html">${escapeHtml(r.title)}</a>${r.pdf ? ` (<a href="../reports/${encodeURIComponent(r.name)}.pdf">PDF</a>)` : ''}</li>`,
  );
  const sections: string[] = [];
  for (const c of input.contracts) {
    const json = await readFile(join(restricted, 'contracts', `${c.id}.json`), 'utf8')
      .then((x) => JSON.parse(x) as { projection?: { scenarios?: Record<string, unknown>[] } })
      .catch(() => undefined);
    const scenarios = json?.projection?.scenarios ?? [];
    const rows = scenarios.map((s) => {
      const amount = (s.expectedRepayment ?? s.expectedPayout) as number | undefined;
      return `<tr><th scope="row">${escapeHtml(String(s.label ?? s.id))}</th><td class="num">${escapeHtml(formatValue('dkk', amount ?? null))}</td><td>${escapeHtml(String(s.capBindsIn ?? '–'))}</td></tr>`;
    });
    sections.push(
      `<h2>${escapeHtml(c.title)}</h2><ul><li><a href="../contracts/${encodeURIComponent(c.id)}.xlsx">${escapeHtml(t('site.r.workbook'))}</a></li><li><a href="../contracts/${encodeURIComponent(c.id)}.json">JSON</a></li></ul>${rows.length ? htmlTable('projection', [t('site.r.col.scenario'), t('site.r.col.amount'), t('site.r.col.cap')], rows) : `<p>${escapeHtml(t('site.r.noProjection'))}</p>`}`,
    );
  }
  return `${reports.length ? `<ul>${reports.join('')}</ul>` : ''}${sections.join('\n') || `<p>${escapeHtml(t('site.contracts.none'))}</p>`}`;
}

export async function writeRestrictedSite(
  root: string,
  restricted: string,
  input: SiteInput,
  quarantine: QuarantineFile[],
  exitCode: number,
): Promise<void> {
  await writeAssets(root);
  const siteName = t('site.r.name', { municipality: input.municipalityName });
  const banner = `<span>${escapeHtml(t('site.r.banner', { asOf: input.manifest.asOf, runId: input.manifest.runId }))}</span> <a href="../../public/site/index.html">${escapeHtml(t('site.r.toPublic'))}</a>`;
  const charts = ['vega.min.js', 'vega-lite.min.js', 'vega-embed.min.js'];
  const health = healthPage(input);
  const pages: [string, string, string, Record<string, unknown>?][] = [
    ['index.html', t('site.r.night'), nightPage(input.manifest, input.stages, exitCode)],
    ['health.html', t('site.r.health'), health.body, health.data],
    ['quarantine.html', t('site.r.quarantine'), quarantinePage(quarantine)],
    ['history.html', t('site.r.history'), historyPage(input.history)],
    ['contracts.html', t('site.r.contracts'), await contractsPage(restricted, input)],
  ];
  for (const [path, title, body, data] of pages) {
    const html = page({
      path,
      title,
      siteName,
      nav: nav(),
      banner,
      body,
      data,
      scripts: data ? charts : [],
      statement: '../../public/site/accessibility.html',
    });
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), html, 'utf8');
  }
}
