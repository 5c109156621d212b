/**
 * Builds the warehouse from sql/ in layers (macros, staging views, marts) after ingest has filled the
 * ingest.* tables. The run's parameters go into meta.config, so the published copy of the warehouse
 * answers the same questions the run did.
 */
import { readdir, readFile } from 'node:fs/promises';
import { type Config, municipalityOf } from '../schemas/config.ts';
import type { ExtractName } from '../schemas/extracts.ts';
import type { Warning } from '../schemas/outputs.ts';
import { type AsOf, asOfSettings } from './core/asOf.ts';
import { SQL_DIR } from './core/paths.ts';
import { quoteIdent, sqlString } from './core/sql.ts';
import type { Db } from './duckdb.ts';
import type { ExtractChanges } from './extracts/changes.ts';
import { extractSpecs, ownStagingSql } from './extracts/own.ts';
import type { ExtractSpec } from './extracts/spec.ts';
import { t } from './i18n/index.ts';
import { contractParams } from './kinds/index.ts';

export const LAYERS = ['staging', 'marts', 'contracts'] as const;

async function sqlFiles(layer: string): Promise<{ name: string; sql: string }[]> {
  const dir = new URL(`${layer}/`, SQL_DIR);
  const names = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  return Promise.all(
    names.map(async (name) => ({
      name: `${layer}/${name}`,
      sql: await readFile(new URL(name, dir), 'utf8'),
    })),
  );
}

/**
 * The big person-month marts are kept from night to night (docs/performance.md). Each is a table macro over a set of
 * ingest rows; a night with new or withdrawn files recomputes only the keys those files hold.
 */
export const INCREMENTAL_MARTS: {
  table: string;
  macro: string;
  extract: ExtractName;
  key: string[];
  file: string;
}[] = [
  {
    table: 'marts.employment_person_month',
    macro: 'marts.employment_person_month_of',
    extract: 'employment',
    key: ['person_id', 'month'],
    file: 'marts/01_employment_person_month.sql',
  },
  {
    table: 'marts.neet_person_month',
    macro: 'marts.neet_person_month_of',
    extract: 'neet',
    key: ['person_id', 'month'],
    file: 'marts/02_neet_person_month.sql',
  },
];

/**
 * Marts made from a small extract and the employment mart (§85 person-months, treatment episodes). When
 * their own extract, the configuration and (for `asOfMonth`) the as-of month are the previous run's,
 * the night's update in sql/marts/incremental/ replaces the build: it touches only the rows whose
 * employment person-months the night recomputed. Rebuilding them joins every employment person-month.
 */
export const DERIVED_MARTS: {
  table: string;
  file: string;
  extract: ExtractName;
  asOfMonth: boolean;
}[] = [
  {
    table: 'marts.sel85_person_month',
    file: 'marts/04_sel85_person_month.sql',
    extract: 'sel85',
    asOfMonth: true,
  },
  {
    table: 'marts.treatment_episode',
    file: 'marts/05_treatment_episode.sql',
    extract: 'treatment',
    asOfMonth: false,
  },
];

export interface WarehouseStats {
  /** Per incremental mart: rebuilt in full, or how many keys were recomputed (derived marts: rows updated). */
  marts: { table: string; full: boolean; keys: number; derived?: boolean }[];
}

async function tableExists(db: Db, qualified: string): Promise<boolean> {
  const [schema, name] = qualified.split('.');
  const r = await db.one<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE schema_name = ${sqlString(schema!)} AND table_name = ${sqlString(name!)} AND NOT temporary AND database_name = current_database()`,
  );
  return r.n > 0;
}

/**
 * Replaces the keys that the night's new and withdrawn files hold; returns how many. The keys and their
 * new rows stay in mart_scope_keys_<extract> and mart_scope_new_<extract> for the derived marts.
 */
async function updateMart(
  db: Db,
  m: (typeof INCREMENTAL_MARTS)[number],
  c: ExtractChanges | undefined,
): Promise<number> {
  const ids = c ? [...c.added, ...c.removed] : [];
  const keys = m.key.map(quoteIdent).join(', ');
  const scopeKeys = `mart_scope_keys_${m.extract}`;
  const scopeNew = `mart_scope_new_${m.extract}`;
  await db.run(`CREATE OR REPLACE TEMP TABLE ${scopeKeys} AS
    SELECT DISTINCT ${keys} FROM ingest.${m.extract} WHERE ${ids.length ? `_file_id IN (${ids.join(', ')})` : 'false'}`);
  await db.run(`CREATE OR REPLACE TEMP TABLE mart_scope_rows AS
    SELECT r.* FROM ingest.${m.extract} r SEMI JOIN ${scopeKeys} USING (${keys})`);
  await db.run(`CREATE OR REPLACE TEMP TABLE ${scopeNew} AS FROM ${m.macro}('mart_scope_rows')`);
  await db.run('DROP TABLE mart_scope_rows');
  if (ids.length === 0) return 0;
  await db.run(
    `DELETE FROM ${m.table} t USING ${scopeKeys} k WHERE ${m.key
      .map((k) => `t.${quoteIdent(k)} = k.${quoteIdent(k)}`)
      .join(' AND ')}`,
  );
  await db.run(`INSERT INTO ${m.table} FROM ${scopeNew}`);
  return (await db.one<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM ${scopeKeys}`)).n;
}

/** The night's update of a derived mart (see DERIVED_MARTS); returns how many rows it changed. */
async function updateDerivedMart(db: Db, m: (typeof DERIVED_MARTS)[number]): Promise<number> {
  const sql = await readFile(new URL(`marts/incremental/${m.file.slice('marts/'.length)}`, SQL_DIR), 'utf8');
  let n = 0;
  // One statement at a time, to count the rows each changes.
  for (const statement of sql
    .replace(/^--.*$/gm, '')
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean)) {
    n += await db.change(statement);
  }
  return n;
}

type Changes = Map<string, ExtractChanges>;

export async function buildWarehouse(
  db: Db,
  run: {
    asOf: AsOf;
    config: Config;
    /** What the night's ingest changed, when the warehouse is the previous night's (registry.ts). */
    changes?: Changes;
  },
): Promise<WarehouseStats> {
  const identity = await writeSettings(db, run.config, run.asOf);
  const changes = run.changes ?? new Map<string, ExtractChanges>();
  const asOfMonth = run.asOf.month;
  const kept = await keptMarts(db, identity, changes, asOfMonth);
  await db.run(await readFile(new URL('macros.sql', SQL_DIR), 'utf8'));
  const specs = extractSpecs(run.config.extracts);
  const own = specs.filter((c) => c.own);
  const stats = await runLayers(db, kept, changes, own);
  await ownDataMonths(db, own);
  // Rows of withdrawn files are no longer needed once the marts no longer hold what they contributed.
  for (const { extract } of specs) {
    const removed = changes.get(extract)?.removed ?? [];
    if (removed.length > 0)
      await db.run(`DELETE FROM ingest.${extract} WHERE _file_id IN (${removed.join(', ')})`);
  }
  await db.run(
    `DELETE FROM meta.mart_identity; INSERT INTO meta.mart_identity VALUES (${sqlString(identity)})`,
  );
  await db.run(
    `DELETE FROM meta.derived_mart; INSERT INTO meta.derived_mart VALUES ${DERIVED_MARTS.map(
      (m) => `(${sqlString(m.table)}, ${sqlString(asOfMonth)})`,
    ).join(', ')}`,
  );
  for (const m of INCREMENTAL_MARTS) {
    await db.run(
      `DROP TABLE IF EXISTS mart_scope_keys_${m.extract}; DROP TABLE IF EXISTS mart_scope_new_${m.extract}`,
    );
  }
  return stats;
}

/**
 * The settings the SQL reads (meta.config) and the contracts' parameters (meta.contract_param); returns
 * the identity the kept marts were built under.
 */
async function writeSettings(db: Db, config: Config, asOf: AsOf): Promise<string> {
  const municipality = municipalityOf(config);
  const values: Record<string, string> = {
    // The only place SQL learns the as-of date: from the same value TypeScript reads (core/asOf.ts).
    ...asOfSettings(asOf),
    municipality: municipality.code,
    municipality_name: municipality.name,
    employed_min_hours: String(config.employedMinHours),
    min_cell: String(config.minCell),
    tariff_threshold_privat: String(config.tariffThresholds.privat),
    tariff_threshold_offentlig: String(config.tariffThresholds.offentlig),
    rangliste_compared_with: config.rangliste.comparedWith,
  };
  await db.run(
    'CREATE SCHEMA IF NOT EXISTS meta; CREATE OR REPLACE TABLE meta.config (key VARCHAR PRIMARY KEY, value VARCHAR)',
  );
  await db.run(
    `INSERT INTO meta.config VALUES ${Object.entries(values)
      .map(([k, v]) => `(${sqlString(k)}, ${sqlString(v)})`)
      .join(', ')}`,
  );
  await db.run('CREATE OR REPLACE TABLE meta.contract_param (contract VARCHAR, key VARCHAR, value VARCHAR)');
  const params = contractParams(config.contracts);
  if (params.length > 0) {
    await db.run(
      `INSERT INTO meta.contract_param VALUES ${params.map((r) => `(${r.map(sqlString).join(', ')})`).join(', ')}`,
    );
  }
  // The kept marts are valid for the configuration they were built under; another one rebuilds them.
  return JSON.stringify({ municipality: values.municipality, employed: values.employed_min_hours });
}

/** The marts the previous night built that can be updated rather than rebuilt; the others are dropped. */
async function keptMarts(
  db: Db,
  identity: string,
  changes: Changes,
  asOfMonth: string,
): Promise<Set<string>> {
  await db.run('CREATE TABLE IF NOT EXISTS meta.mart_identity (value VARCHAR)');
  const built = (await db.all<{ value: string }>('SELECT value FROM meta.mart_identity'))[0]?.value;
  const kept = new Set<string>();
  for (const m of INCREMENTAL_MARTS) {
    const c = changes.get(m.extract);
    if (built === identity && !c?.reordered && (await tableExists(db, m.table))) kept.add(m.table);
    else await db.run(`DROP TABLE IF EXISTS ${m.table}`);
  }
  // A derived mart is kept when the employment mart is, its own extract did not change, and it was built
  // for the same as-of month (when it depends on it).
  await db.run(
    'CREATE TABLE IF NOT EXISTS meta.derived_mart (name VARCHAR PRIMARY KEY, as_of_month VARCHAR)',
  );
  const derivedBuilt = new Map(
    (
      await db.all<{ name: string; as_of_month: string }>('SELECT name, as_of_month FROM meta.derived_mart')
    ).map((r) => [r.name, r.as_of_month]),
  );
  for (const m of DERIVED_MARTS) {
    const c = changes.get(m.extract);
    const unchanged = !c || (c.added.length === 0 && c.removed.length === 0 && !c.reordered);
    if (
      kept.has('marts.employment_person_month') &&
      unchanged &&
      derivedBuilt.has(m.table) &&
      (!m.asOfMonth || derivedBuilt.get(m.table) === asOfMonth) &&
      (await tableExists(db, m.table))
    )
      kept.add(m.table);
  }
  return kept;
}

/**
 * The months an own extract with a month column has data for, beside the built-in ones: its periods'
 * completeness, the stale check and the volume check read them (sql/marts/03_data_months.sql).
 */
async function ownDataMonths(db: Db, own: ExtractSpec[]): Promise<void> {
  for (const spec of own) {
    const month = spec.columns.find((c) => c.kind === 'month');
    if (!month) continue;
    await db.run(`INSERT INTO marts.data_months
      SELECT ${sqlString(spec.extract)}, municipality, ${quoteIdent(month.name)}, count(*)
      FROM staging.${spec.extract} WHERE ${quoteIdent(month.name)} IS NOT NULL GROUP BY ALL`);
  }
}

/**
 * Every SQL file of every layer, in order, with the own extracts' staging views after the built-in
 * ones; a kept mart is updated by the keys that changed.
 */
async function runLayers(
  db: Db,
  kept: Set<string>,
  changes: Changes,
  own: ExtractSpec[],
): Promise<WarehouseStats> {
  const stats: WarehouseStats = { marts: [] };
  for (const layer of LAYERS) {
    if (layer === 'marts') for (const spec of own) await db.run(ownStagingSql(spec));
    for (const f of await sqlFiles(layer)) {
      try {
        const d = DERIVED_MARTS.find((x) => x.file === f.name);
        if (d) {
          const full = !kept.has(d.table);
          if (full) await db.run(f.sql);
          stats.marts.push({
            table: d.table,
            full,
            keys: full ? 0 : await updateDerivedMart(db, d),
            derived: true,
          });
          continue;
        }
        await db.run(f.sql);
        const m = INCREMENTAL_MARTS.find((x) => x.file === f.name);
        if (m) {
          const full = !kept.has(m.table);
          stats.marts.push({
            table: m.table,
            full,
            keys: full ? 0 : await updateMart(db, m, changes.get(m.extract)),
          });
        }
      } catch (e) {
        throw new Error(`sql/${f.name} failed: ${(e as Error).message}`);
      }
    }
  }
  return stats;
}

/** An extract whose latest month is too old for the as-of date (docs/privacy-and-reliability.md). */
export async function staleExtractWarnings(
  db: Db,
  asOf: string,
  staleAfterMonths: number,
  delivered: string[],
): Promise<Warning[]> {
  const rows = await db.all<{ extract: string; latest: string; expected: string }>(`
    SELECT extract, strftime(max(month), '%Y-%m') AS latest,
      strftime(date_trunc('month', DATE ${sqlString(asOf)}) - INTERVAL ${staleAfterMonths} MONTH, '%Y-%m') AS expected
    FROM marts.data_months GROUP BY extract
    HAVING max(month) < date_trunc('month', DATE ${sqlString(asOf)}) - INTERVAL ${staleAfterMonths} MONTH`);
  return (
    rows
      // marts.data_months holds the monthly extracts only: employment, neet, occupancy, cafe and the own
      // extracts with a month column.
      .filter((r) => delivered.includes(r.extract))
      .map((r) => ({
        code: 'stale_extract',
        extract: r.extract,
        message: t('warn.stale', { extract: r.extract, latest: r.latest, asOf, expected: r.expected }),
      }))
  );
}
