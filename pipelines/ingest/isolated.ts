/**
 * Runs ingest in the worker process (worker.ts explains why) and loads what it hands over into the
 * warehouse: the new files' pseudonymised rows, the new persons, the file registry and the quarantine
 * records.
 */
import { fork } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExtractName } from '../../schemas/extracts.ts';
import type { InputFile } from '../../schemas/outputs.ts';
import { sqlString } from '../core/sql.ts';
import type { Db } from '../duckdb.ts';
import { lang } from '../i18n/index.ts';
import { createIngestTables, handoverFile, type IngestResult } from './ingest.ts';
import type { ExtractChanges } from './registry.ts';
import type { DemoRequest, WorkerMessage, WorkerRequest } from './worker.ts';

export type IsolatedRequest = Omit<WorkerRequest, 'outDir'>;

/** Starts the worker, sends it one request and waits for it to exit; an error carries its stderr. */
async function inWorker(request: WorkerRequest | DemoRequest, onMessage?: (m: WorkerMessage) => void) {
  const child = fork(new URL('./worker-entry.js', import.meta.url), [], {
    execArgv: [],
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString('utf8');
    if (process.env.KPI_PROFILE_SQL) process.stderr.write(d); // the worker's statement timings
  });
  if (onMessage) child.on('message', onMessage);
  const exit = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
  // The worker writes messages (quarantine reasons, rejections) in the run's language.
  child.send({ ...request, lang: lang() });
  const code = await exit;
  if (code !== 0) throw new Error(stderr.trim() || `the worker process exited with ${code}`);
}

/** Writes the demo's synthetic inbox from the worker process. */
export async function writeDemoInboxIsolated(dir: string, asOf: string): Promise<void> {
  await inWorker({ kind: 'demo', dir, asOf });
}

/** Parses the inbox in the worker; returns its result once the worker has exited. */
export async function runIngestWorker(
  request: IsolatedRequest,
  onFile: (f: InputFile) => void,
): Promise<IngestResult & { handover: string; maxRssMiB: number }> {
  const outDir = join(request.workDir, 'handover');
  await mkdir(outDir, { recursive: true });
  try {
    await inWorker({ ...request, outDir }, (m) => {
      if (m.type === 'file') onFile(m.input);
    });
  } catch (e) {
    throw new Error(`ingest failed: ${(e as Error).message}`);
  }
  const r = JSON.parse(await readFile(join(outDir, 'result.json'), 'utf8')) as Omit<
    IngestResult,
    'changes'
  > & {
    changes: [ExtractName, ExtractChanges][];
    maxRssMiB: number;
  };
  return { ...r, changes: new Map(r.changes), handover: outDir };
}

/** Loads the worker's hand-over into the warehouse the run continues (or a new one). */
export async function loadHandover(db: Db, result: IngestResult & { handover: string }): Promise<void> {
  const parquet = (name: string) => `read_parquet(${sqlString(join(result.handover, `${name}.parquet`))})`;
  await createIngestTables(db);
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
