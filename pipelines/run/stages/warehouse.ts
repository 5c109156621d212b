/**
 * The warehouse: the SQL layers over what ingest loaded (staging, marts, contract macros), and what the
 * data say about themselves: stale extracts, unknown codes, an assumed municipality, the rows per month
 * (volumes) and which delivery won a key (overrides). What may be trusted is the next stage's to decide.
 */

import type { Db } from '../../duckdb.ts';
import { unknownCodeWarnings } from '../../guard/codes.ts';
import { municipalityWarnings } from '../../guard/municipality.ts';
import { fileOverrides, type Override } from '../../guard/overrides.ts';
import { extractVolumes, type Volumes } from '../../guard/volumes.ts';
import { t } from '../../i18n/index.ts';
import { buildWarehouse, staleExtractWarnings } from '../../warehouse.ts';
import type { RunSetup } from '../context.ts';
import type { Ingested } from './ingest.ts';

/** The built warehouse, open, with what it says of the night's deliveries. */
export interface Warehouse {
  db: Db;
  volumes: Volumes;
  overrides: Override[];
}

export async function warehouseStage(s: RunSetup, ingested: Ingested): Promise<Warehouse> {
  const { db } = ingested;
  const { delivered } = ingested.result;
  // Ingest relies on insertion order for line numbers; the marts do not, and without it DuckDB
  // needs less memory for large tables.
  await db.run('SET preserve_insertion_order = false');
  const built = await buildWarehouse(db, {
    asOf: s.asOf,
    config: s.config,
    changes: ingested.result.changes,
  });
  for (const m of built.marts) {
    s.reporter.event({
      stage: 'warehouse',
      event: 'mart',
      message: t(m.full ? 'run.martFull' : m.derived ? 'run.martRows' : 'run.martKeys', {
        table: m.table,
        n: m.keys,
      }),
    });
  }
  s.warnings.push(
    ...(await staleExtractWarnings(db, s.asOf.date, s.config.staleAfterMonths, delivered)),
    ...(await unknownCodeWarnings(db, s.config, delivered)),
    ...(await municipalityWarnings(db, s.config, delivered)),
  );
  return { db, volumes: await extractVolumes(db, delivered), overrides: await fileOverrides(db, s.extracts) };
}
