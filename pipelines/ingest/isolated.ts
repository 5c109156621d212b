/**
 * Runs ingest in the worker process (worker.ts explains why) and loads what it hands over into the
 * warehouse: the new files' pseudonymised rows, the new persons, the file registry and the quarantine
 * records.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { InputFile } from '../../schemas/outputs.ts';
import { runChild } from '../core/child.ts';
import { sqlString } from '../core/sql.ts';
import type { Db } from '../duckdb.ts';
import type { ExtractChanges } from '../extracts/changes.ts';
import type { ExtractSpec } from '../extracts/spec.ts';
import { handoverFile } from './handover.ts';
import { createIngestTables } from './tables.ts';
import type { IngestResult } from './types.ts';
import type { WorkerMessage, WorkerRequest } from './worker.ts';

export type IsolatedRequest = Omit<WorkerRequest, 'outDir'>;

/** Parses the inbox in the worker; returns its result once the worker has exited. */
export async function runIngestWorker(
  request: IsolatedRequest,
  onFile: (f: InputFile) => void,
): Promise<IngestResult & { handover: string; maxRssMiB: number }> {
  const outDir = join(request.workDir, 'handover');
  await mkdir(outDir, { recursive: true });
  try {
    await runChild<WorkerMessage>(new URL('./worker.ts', import.meta.url), { ...request, outDir }, (m) => {
      if (m.type === 'file') onFile(m.input);
    });
  } catch (e) {
    throw new Error(`ingest failed: ${(e as Error).message}`);
  }
  const r = JSON.parse(await readFile(join(outDir, 'result.json'), 'utf8')) as Omit<
    IngestResult,
    'changes'
  > & {
    changes: [string, ExtractChanges][];
    maxRssMiB: number;
  };
  return { ...r, changes: new Map(r.changes), handover: outDir };
}

/** Loads the worker's hand-over into the warehouse the run continues (or a new one). */
export async function loadHandover(
  db: Db,
  result: IngestResult & { handover: string },
  extracts: ExtractSpec[],
): Promise<void> {
  const parquet = (name: string) => `read_parquet(${sqlString(join(result.handover, `${name}.parquet`))})`;
  await createIngestTables(db, extracts);
  await db.run(`DELETE FROM ingest.files; INSERT INTO ingest.files SELECT * FROM ${parquet('files')}`);
  await db.run(
    `DELETE FROM ingest.violations; INSERT INTO ingest.violations SELECT * FROM ${parquet('violations')}`,
  );
  // The persons this run met for the first time (ids above those the warehouse had).
  await db.run(`INSERT INTO ingest.persons SELECT * FROM ${parquet('persons')}`);
  for (const [extract, c] of result.changes) {
    if (c.added.length === 0) continue;
    // In file order, so the table's rows are too (and a run is deterministic).
    const files = c.added.map((id) => sqlString(handoverFile(result.handover, extract, id)));
    await db.run(`INSERT INTO ingest.${extract} SELECT * FROM read_parquet([${files.join(', ')}])`);
  }
}
