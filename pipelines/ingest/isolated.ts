/**
 * Runs ingest in the worker process (worker.ts explains why) and loads what it hands over into the
 * warehouse: the new files' pseudonymised rows, the new persons, the file registry and the quarantine
 * records.
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { InputFile } from '../../schemas/outputs.ts';
import type { OwnExtracts } from '../../schemas/ownExtracts.ts';
import { ChildDied, ChildOutOfMemory, runChild } from '../core/child.ts';
import { sqlString } from '../core/sql.ts';
import { Db } from '../duckdb.ts';
import type { ExtractChanges } from '../extracts/changes.ts';
import { extractSpecs, sandboxedChecks } from '../extracts/own.ts';
import type { ExtractSpec } from '../extracts/parse.ts';
import { bytes, t } from '../i18n/index.ts';
import { handoverFile } from './handover.ts';
import { createIngestTables } from './tables.ts';
import type { IngestResult } from './types.ts';
import type { WorkerMessage, WorkerRequest } from './worker.ts';

export type IsolatedRequest = Omit<WorkerRequest, 'outDir' | 'extracts'> & {
  /** The configuration's own extracts (docs/own-data.md), compiled here with the built-in ones. */
  ownExtracts?: OwnExtracts;
};

/**
 * Every extract the worker reads, compiled here: the own extracts' checks as DuckDB prints them back
 * (sandbox.ts; the worker inlines only that form), on an instance of their own that holds no data.
 */
async function workerExtracts(own: OwnExtracts = {}): Promise<ExtractSpec[]> {
  if (!Object.values(own).some((e) => e.checks.length > 0)) return extractSpecs(own);
  const db = await Db.open(':memory:');
  try {
    return extractSpecs(await sandboxedChecks(db, own));
  } finally {
    db.close();
  }
}

/** Why the worker stopped on a file, as the file's rejection says it. */
function stoppedOn(e: unknown): { rule: string; message: string } | undefined {
  if (e instanceof ChildOutOfMemory)
    return { rule: 'worker_memory', message: t('ingest.workerMemory', { max: bytes(e.maxRssBytes) }) };
  if (e instanceof ChildDied)
    return { rule: 'worker_crashed', message: t('ingest.workerCrashed', { reason: e.reason }) };
  return undefined;
}

/**
 * Parses the inbox in the worker; returns its result once the worker has exited. A worker that runs
 * out of its memory (`maxRssBytes`) or dies while it reads a file costs that file, not the night: the
 * file is rejected with why, and a new worker reads the inbox again without it.
 */
export async function runIngestWorker(
  request: IsolatedRequest,
  onFile: (f: InputFile) => void,
  opts: { maxRssBytes?: number } = {},
): Promise<IngestResult & { handover: string; maxRssMiB: number; startSeconds: number }> {
  const outDir = join(request.workDir, 'handover');
  const { ownExtracts, ...rest } = request;
  const extracts = await workerExtracts(ownExtracts);
  const skip: NonNullable<IsolatedRequest['skip']> = { ...request.skip };
  // Each file is reported once, also when a new worker reads it again.
  const reported = new Set<string>();
  for (;;) {
    await rm(outDir, { recursive: true, force: true });
    await mkdir(outDir, { recursive: true });
    let current: string | undefined;
    try {
      await runChild<WorkerMessage>(
        new URL('./worker.ts', import.meta.url),
        { ...rest, extracts, outDir, skip } satisfies WorkerRequest,
        (m) => {
          if (m.type === 'start') current = m.file;
          else if (!reported.has(m.input.file)) {
            reported.add(m.input.file);
            onFile(m.input);
          }
        },
        opts,
      );
      break;
    } catch (e) {
      const why = stoppedOn(e);
      if (why && current !== undefined && !skip[current]) {
        skip[current] = why;
        continue;
      }
      throw new Error(`ingest failed: ${(e as Error).message}`);
    }
  }
  const r = JSON.parse(await readFile(join(outDir, 'result.json'), 'utf8')) as Omit<
    IngestResult,
    'changes'
  > & {
    changes: [string, ExtractChanges][];
    maxRssMiB: number;
    startSeconds: number;
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
