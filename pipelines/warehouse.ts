/**
 * Builds the warehouse from sql/ in layers (macros, staging views, marts) after ingest has filled the
 * ingest.* tables. The run's parameters go into meta.config, so the published copy of the warehouse
 * answers the same questions the run did.
 */
import { readdir, readFile } from 'node:fs/promises';
import type { ExtractName } from '../schemas/extracts.ts';
import type { Warning } from '../schemas/outputs.ts';
import type { Config } from './config.ts';
import { contractParams } from './contracts/evaluate.ts';
import type { Db } from './duckdb.ts';
import { sqlString } from './ingest/contract.ts';
import { SQL_DIR } from './kpis/evaluate.ts';

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

export async function buildWarehouse(db: Db, run: { asOf: string; config: Config }): Promise<void> {
  const values: Record<string, string> = {
    as_of: run.asOf,
    municipality: run.config.municipality.code,
    municipality_name: run.config.municipality.name,
    employed_min_hours: String(run.config.employedMinHours),
    min_cell: String(run.config.minCell),
    tariff_threshold_privat: String(run.config.tariffThresholds.privat),
    tariff_threshold_offentlig: String(run.config.tariffThresholds.offentlig),
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
  const params = contractParams(run.config.contracts);
  if (params.length > 0) {
    await db.run(
      `INSERT INTO meta.contract_param VALUES ${params.map((r) => `(${r.map(sqlString).join(', ')})`).join(', ')}`,
    );
  }
  await db.run(await readFile(new URL('macros.sql', SQL_DIR), 'utf8'));
  for (const layer of LAYERS) {
    for (const f of await sqlFiles(layer)) {
      try {
        await db.run(f.sql);
      } catch (e) {
        throw new Error(`sql/${f.name} failed: ${(e as Error).message}`);
      }
    }
  }
}

const MONTHLY: ExtractName[] = ['employment', 'neet', 'occupancy'];

/** An extract whose latest month is too old for the as-of date (privacy-and-reliability.md). */
export async function staleExtractWarnings(
  db: Db,
  asOf: string,
  staleAfterMonths: number,
  delivered: ExtractName[],
): Promise<Warning[]> {
  const rows = await db.all<{ extract: string; latest: string; expected: string }>(`
    SELECT extract, strftime(max(month), '%Y-%m') AS latest,
      strftime(date_trunc('month', DATE ${sqlString(asOf)}) - INTERVAL ${staleAfterMonths} MONTH, '%Y-%m') AS expected
    FROM marts.data_months GROUP BY extract
    HAVING max(month) < date_trunc('month', DATE ${sqlString(asOf)}) - INTERVAL ${staleAfterMonths} MONTH`);
  return rows
    .filter((r) => MONTHLY.includes(r.extract as ExtractName) && delivered.includes(r.extract as ExtractName))
    .map((r) => ({
      code: 'stale_extract',
      extract: r.extract,
      message: `${r.extract}: the latest month delivered is ${r.latest}, but as of ${asOf} data up to at least ${r.expected} was expected. Periods that need the missing months are shown as incomplete.`,
    }));
}
