/**
 * The privacy gate (docs/security.md; the spec's privacy rule 8). Before the switch, every file bound
 * for public/ (reports, charts, tables and the manifest included) is read as its readers will read it
 * (JSON values, CSV and HTML text, Parquet, Arrow and xlsx decoded) and searched for
 *   - a CPR number in any of its four spellings (core/mask.ts hasCpr),
 *   - a person key or a date of birth that the warehouse holds,
 *   - the pseudonymisation key itself.
 * Files under restricted/ (the warehouse and the evidence decoded) are searched for a raw CPR and the
 * key. A finding stops the run before anything is switched: the previous publication stays. It names
 * the file (and the KPI, for kpis.json and kpis.csv), never the value.
 *
 * What it cannot see: a CPR split across two fields, or a date of birth written in another form than
 * yyyy-mm-dd; PNG charts and PDFs are drawn from the HTML and Vega specs it reads.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { hasCpr } from '../core/mask.ts';
import { quoteIdent, sqlString } from '../core/sql.ts';
import { inlineScript, vendorCode } from '../core/vendor.ts';
import { Db } from '../duckdb.ts';
import { xlsxTexts } from './xlsxText.ts';

/** `unreadable`: a file the gate could not read as its readers would, and so could not check. */
export type FindingKind = 'cpr' | 'person_key' | 'birth_date' | 'key' | 'unreadable';

export interface Finding {
  /** Relative to the run's folder, e.g. public/kpis.json. */
  file: string;
  kind: FindingKind;
  /** The KPI whose entry or row holds it, where the file says. */
  kpi?: string;
}

/** One readable value of a published file, with the KPI it belongs to where the file says. */
interface Text {
  text: string;
  kpi?: string;
}

/** Long runs of hex digits (hashes, person keys) are no CPR, however many digits they hold in a row. */
const HEX_RUN = /[0-9a-f]{16,}/gi;
const PERSON_KEY = /(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])/g;
const ISO_DATE = /(?<![0-9])(1[89]\d\d|20\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?![0-9])/g;

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(path)));
    else if (e.isFile()) out.push(path);
  }
  return out;
}

/** Every string (and key) of a JSON value, with the id of the kpis[] entry it sits in. */
function jsonTexts(value: unknown, kpi?: string, out: Text[] = []): Text[] {
  if (typeof value === 'string') out.push({ text: value, kpi });
  else if (Array.isArray(value)) for (const v of value) jsonTexts(v, kpi, out);
  else if (value && typeof value === 'object') {
    const o = value as { id?: unknown; series?: unknown };
    const id = typeof o.id === 'string' && o.series !== undefined ? o.id : kpi;
    for (const [k, v] of Object.entries(value)) {
      out.push({ text: k, kpi: id });
      jsonTexts(v, id, out);
    }
  }
  return out;
}

/** kpis.csv and the like: each line, with its kpi_id where the header has one. */
function csvTexts(text: string): Text[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const sep = (lines[0] ?? '').includes(';') ? ';' : ',';
  const at = (lines[0] ?? '').split(sep).indexOf('kpi_id');
  return lines.map((line) => ({ text: line, ...(at >= 0 ? { kpi: line.split(sep)[at] } : {}) }));
}

/** A Parquet file's values, as text, read by DuckDB. */
async function parquetTexts(db: Db, path: string): Promise<Text[]> {
  const rows = await db.all<Record<string, unknown>>(`SELECT * FROM read_parquet(${sqlString(path)})`);
  return rows.map((r) => ({
    text: JSON.stringify(r),
    kpi: typeof r.kpi_id === 'string' ? r.kpi_id : undefined,
  }));
}

async function arrowTexts(path: string): Promise<Text[]> {
  const { tableFromIPC } = await import('apache-arrow');
  const table = tableFromIPC(await readFile(path));
  return table.toArray().map((row) => {
    const r = row.toJSON() as Record<string, unknown>;
    return { text: JSON.stringify(r), kpi: typeof r.kpi_id === 'string' ? r.kpi_id : undefined };
  });
}

async function workbookTexts(path: string): Promise<Text[]> {
  return xlsxTexts(await readFile(path)).map((c) => ({ text: c.text, kpi: c.sheet }));
}

/** A file as its readers read it. PNG and PDF are drawn from files read here (the module's note). */
async function textsOf(db: Db, path: string): Promise<Text[]> {
  const ext = extname(path).toLowerCase();
  if (ext === '.png' || ext === '.pdf' || ext === '.duckdb') return [];
  if (ext === '.parquet') return parquetTexts(db, path);
  if (ext === '.arrow') return arrowTexts(path);
  if (ext === '.xlsx') return workbookTexts(path);
  let text = await readFile(path, 'utf8');
  // The chart libraries inlined in a report are code, not data (core/vendor.ts).
  if (ext === '.html' || ext === '.js')
    for (const c of await vendorCode()) text = text.split(ext === '.js' ? c : inlineScript(c)).join('');
  if (ext === '.json') {
    try {
      return jsonTexts(JSON.parse(text));
    } catch {
      return [{ text }];
    }
  }
  if (ext === '.csv') return csvTexts(text);
  return [{ text }];
}

/** A file's texts; one that cannot be read is reported (`unreadable`) instead of passed unread. */
async function readable(db: Db, path: string, unreadable: () => void): Promise<Text[]> {
  try {
    return await textsOf(db, path);
  } catch {
    unreadable();
    return [];
  }
}

/** What the warehouse knows of persons: the columns that hold person keys and dates of birth. */
async function personColumns(db: Db): Promise<{ keys: string[]; births: string[] }> {
  const cols = await db.all<{ s: string; t: string; c: string }>(
    `SELECT table_schema AS s, table_name AS t, column_name AS c FROM information_schema.columns
     WHERE table_catalog = 'warehouse' AND column_name IN ('person_key', 'birth_date') AND table_schema = 'ingest'`,
  );
  const ref = (x: { s: string; t: string; c: string }) =>
    `SELECT ${quoteIdent(x.c)} AS v FROM warehouse.${quoteIdent(x.s)}.${quoteIdent(x.t)}`;
  return {
    keys: cols.filter((x) => x.c === 'person_key').map(ref),
    births: cols.filter((x) => x.c === 'birth_date').map(ref),
  };
}

/** Which of `candidates` one of `sources` (SELECT … AS v) holds. */
async function held(db: Db, sources: string[], candidates: Set<string>, cast: string): Promise<Set<string>> {
  if (sources.length === 0 || candidates.size === 0) return new Set();
  const list = [...candidates].map((c) => `${sqlString(c)}::${cast}`).join(', ');
  const rows = await db.all<{ v: string }>(
    `SELECT DISTINCT v::VARCHAR AS v FROM (${sources.join(' UNION ALL ')}) WHERE v IN (${list})`,
  );
  return new Set(rows.map((r) => r.v));
}

/** The VARCHAR columns of the warehouse and of restricted Parquet files that hold a raw CPR. */
async function rawCprInTables(
  db: Db,
  parquet: string[],
  root: string,
  hasWarehouse: boolean,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  const pattern = `(^|[^0-9.,])(0[1-9]|[12][0-9]|3[01])(0[1-9]|1[0-2])[0-9]{2}[- ]?[0-9]{4}([^0-9]|$)|(0[1-9]|[12][0-9]|3[01])\\.(0[1-9]|1[0-2])\\.[0-9]{2}-[0-9]{4}`;
  const hit = (col: string) =>
    `strlen(${col}) >= 10 AND regexp_matches(regexp_replace(${col}, '[0-9a-fA-F]{16,}', ' ', 'g'), '${pattern}')`;
  const tables = !hasWarehouse
    ? []
    : await db.all<{ s: string; t: string; c: string }>(
        `SELECT table_schema AS s, table_name AS t, column_name AS c FROM information_schema.columns
     JOIN information_schema.tables USING (table_catalog, table_schema, table_name)
     WHERE table_catalog = 'warehouse' AND data_type = 'VARCHAR' AND table_type = 'BASE TABLE'`,
      );
  for (const x of tables) {
    const col = quoteIdent(x.c);
    const { n } = await db.one<{ n: number }>(
      `SELECT count(*)::BIGINT AS n FROM warehouse.${quoteIdent(x.s)}.${quoteIdent(x.t)} WHERE ${hit(col)}`,
    );
    if (n > 0)
      findings.push({ file: 'restricted/warehouse.duckdb', kind: 'cpr', kpi: `${x.s}.${x.t}.${x.c}` });
  }
  for (const path of parquet) {
    const cols = await db.all<{ c: string }>(
      `SELECT column_name AS c FROM (DESCRIBE SELECT * FROM read_parquet(${sqlString(path)})) WHERE column_type = 'VARCHAR'`,
    );
    for (const { c } of cols) {
      const { n } = await db.one<{ n: number }>(
        `SELECT count(*)::BIGINT AS n FROM read_parquet(${sqlString(path)}) WHERE ${hit(quoteIdent(c))}`,
      );
      if (n > 0) findings.push({ file: relative(root, path), kind: 'cpr' });
    }
  }
  return findings;
}

export interface GateOptions {
  /** The run's staging folder: public/, restricted/ and manifest.json. */
  root: string;
  key: string;
  /**
   * Dates the engine itself writes (the as-of date, the configuration's dates), and from when on a
   * date is the engine's own (a run's or a delivery's): never a birth-date finding.
   */
  allowedDates: readonly string[];
  recentFrom: string;
}

/** Searches a run's files before the switch; an empty list lets it through. */
export async function privacyGate(opts: GateOptions): Promise<Finding[]> {
  const { root, key } = opts;
  const db = await Db.open(':memory:');
  const findings: Finding[] = [];
  const add = (f: Finding) => {
    if (!findings.some((x) => x.file === f.file && x.kind === f.kind && x.kpi === f.kpi)) findings.push(f);
  };
  try {
    const warehouse = join(root, 'restricted', 'warehouse.duckdb');
    const hasWarehouse = await stat(warehouse).then(
      (st) => st.isFile(),
      () => false,
    );
    if (hasWarehouse) await db.run(`ATTACH ${sqlString(warehouse)} AS warehouse (READ_ONLY)`);
    // Every place a candidate occurs, so each file that holds one is named.
    const keys = new Map<string, (Text & { file: string })[]>();
    const dates = new Map<string, (Text & { file: string })[]>();
    const note = (m: Map<string, (Text & { file: string })[]>, v: string, at: Text & { file: string }) =>
      m.set(v, [...(m.get(v) ?? []), at]);
    const publicFiles = [...(await filesUnder(join(root, 'public'))), join(root, 'manifest.json')];
    for (const path of publicFiles) {
      const file = relative(root, path);
      for (const t of await readable(db, path, () => add({ file, kind: 'unreadable' }))) {
        if (hasCpr(t.text.replace(HEX_RUN, ' '))) add({ file, kind: 'cpr', kpi: t.kpi });
        if (t.text.includes(key)) add({ file, kind: 'key', kpi: t.kpi });
        for (const m of t.text.matchAll(PERSON_KEY)) note(keys, m[0], { ...t, file });
        for (const m of t.text.matchAll(ISO_DATE))
          if (!opts.allowedDates.includes(m[0]) && m[0] < opts.recentFrom) note(dates, m[0], { ...t, file });
      }
    }
    if (hasWarehouse) {
      const cols = await personColumns(db);
      for (const k of await held(db, cols.keys, new Set(keys.keys()), 'VARCHAR'))
        for (const at of keys.get(k)!) add({ file: at.file, kind: 'person_key', kpi: at.kpi });
      for (const d of await held(db, cols.births, new Set(dates.keys()), 'DATE'))
        for (const at of dates.get(d)!) add({ file: at.file, kind: 'birth_date', kpi: at.kpi });
    }
    const restricted = await filesUnder(join(root, 'restricted'));
    for (const path of restricted.filter((p) => !/\.(parquet|duckdb)$/.test(p))) {
      const file = relative(root, path);
      for (const t of await readable(db, path, () => add({ file, kind: 'unreadable' }))) {
        if (hasCpr(t.text.replace(HEX_RUN, ' '))) add({ file, kind: 'cpr', kpi: t.kpi });
        if (t.text.includes(key)) add({ file, kind: 'key', kpi: t.kpi });
      }
    }
    const parquet = restricted.filter((p) => p.endsWith('.parquet'));
    for (const f of await rawCprInTables(db, parquet, root, hasWarehouse)) add(f);
    // kpis.json first: it is what BI tools read, and where the KPI is named.
    const rank = (f: Finding) => (f.file === 'public/kpis.json' ? 0 : 1);
    return findings.sort((a, b) => rank(a) - rank(b) || a.file.localeCompare(b.file));
  } finally {
    db.close();
  }
}
