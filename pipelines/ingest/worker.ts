/**
 * Ingest in a process of its own. DuckDB (1.5, duckdb/duckdb#23382) can write leftover heap bytes into
 * the unused tail of a compressed column segment when it persists a table. A process that has parsed
 * raw extracts holds raw CPR numbers in its heap, so it must never write a database file that outlives
 * the run. The worker parses, checks and pseudonymises the inbox in an in-memory DuckDB (spilling only
 * to the run's private temp folder) and hands over pseudonymised rows as Parquet, which is written from
 * exact byte ranges. The main process, whose DuckDB never sees a raw value, loads them into the
 * warehouse file.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { InputFile } from '../../schemas/outputs.ts';
import { serveChild } from '../core/child.ts';
import { setKeyVariablesSql } from '../core/pseudonym.ts';
import { sqlString } from '../core/sql.ts';
import { Db } from '../duckdb.ts';
import type { ExtractSpec } from '../extracts/parse.ts';
import { lockDown } from '../sandbox.ts';
import { HANDOVER_FORMAT, handoverFile } from './handover.ts';
import { ingestInbox } from './ingest.ts';
import type { ReadLimits } from './sniff.ts';
import { createIngestTables, REFERENCED } from './tables.ts';
import type { IngestOptions, IngestResult } from './types.ts';

export interface WorkerRequest {
  inbox: string;
  workDir: string;
  quarantineDir: string;
  key: string;
  duckdb: { memoryLimit?: string; tempDirectory?: string; threads?: number };
  /** The warehouse the run continues (read-only here): its file registry and quarantine records. */
  previous?: string;
  /** Where the Parquet hand-over and result.json go. */
  outDir: string;
  /**
   * Every extract of the run, compiled by the main process: the built-in ones and the configuration's
   * own (docs/own-data.md), their checks as DuckDB printed them back (sandbox.ts). The worker never
   * compiles a zod contract, so it never loads zod (docs/performance.md: a run's fixed costs).
   */
  extracts: ExtractSpec[];
  /** What one file may cost (the configuration's `limits`). */
  limits?: ReadLimits;
  /** Files an earlier worker stopped on, not to be read again (isolated.ts). */
  skip?: IngestOptions['skip'];
  /** The run's row rules (rowRules.ts). */
  rowRules?: IngestOptions['rowRules'];
}

export type WorkerMessage = { type: 'file'; input: InputFile } | { type: 'start'; file: string };

/** The previous warehouse's registry, quarantine and persons, and the extracts others are checked against. */
async function continuePrevious(db: Db, previous: string, extracts: ExtractSpec[]): Promise<void> {
  await db.run(`ATTACH ${sqlString(previous)} AS prev (READ_ONLY)`);
  await db.run('INSERT INTO ingest.files SELECT * FROM prev.ingest.files');
  await db.run('INSERT INTO ingest.violations SELECT * FROM prev.ingest.violations');
  await db.run('INSERT INTO ingest.persons SELECT * FROM prev.ingest.persons');
  // Extracts that others are checked against (survey responses) come along in full.
  for (const c of extracts) {
    if (c.references)
      await db.run(
        `INSERT INTO ingest.${c.references.extract} SELECT * FROM prev.ingest.${c.references.extract}`,
      );
  }
  await db.run('DETACH prev');
}

/**
 * What the main process loads: the new files of the extracts ingest kept in its tables (all others
 * were handed over file by file), the registry, the quarantine, the new persons, and the result.
 */
async function handOver(
  db: Db,
  request: WorkerRequest,
  result: IngestResult,
  knownPersons: number,
  startMs: number,
): Promise<void> {
  const parquet = (name: string) => sqlString(join(request.outDir, `${name}.parquet`));
  for (const [extract, c] of result.changes) {
    if (!REFERENCED.has(extract) || c.added.length === 0) continue;
    await mkdir(join(request.outDir, extract), { recursive: true });
    for (const id of c.added) {
      await db.run(
        `COPY (SELECT * FROM ingest.${extract} WHERE _file_id = ${id}) TO ${sqlString(handoverFile(request.outDir, extract, id))} ${HANDOVER_FORMAT}`,
      );
    }
  }
  await db.run(`COPY ingest.files TO ${parquet('files')} (FORMAT parquet)`);
  await db.run(`COPY ingest.violations TO ${parquet('violations')} (FORMAT parquet)`);
  await db.run(
    `COPY (FROM ingest.persons WHERE person_id > ${knownPersons} ORDER BY person_id) TO ${parquet('persons')} (FORMAT parquet)`,
  );
  await writeFile(
    join(request.outDir, 'result.json'),
    JSON.stringify({
      ...result,
      changes: [...result.changes],
      maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      startSeconds: Math.round(startMs) / 1000,
    }),
  );
}

async function main(request: WorkerRequest): Promise<void> {
  // How long the process took to start and load its modules, from its own start (a fixed cost of
  // every run; docs/performance.md).
  const startMs = performance.now();
  const db = await Db.open(':memory:', request.duckdb);
  try {
    const { extracts } = request;
    await db.run(`ATTACH ':memory:' AS scratch; ${setKeyVariablesSql(request.key)}`);
    await createIngestTables(db, extracts);
    if (request.previous) await continuePrevious(db, request.previous, extracts);
    // From here on this instance reads and writes only the run's own folders and the inbox, whatever
    // an own check's SQL says (docs/security.md).
    const { inbox, workDir, outDir, quarantineDir } = request;
    await lockDown(
      db,
      [inbox, workDir, outDir, quarantineDir, request.duckdb.tempDirectory].filter((d) => d !== undefined),
    );
    const knownPersons = (
      await db.one<{ n: number }>('SELECT coalesce(max(person_id), 0)::INTEGER AS n FROM ingest.persons')
    ).n;
    const result = await ingestInbox(db, {
      inbox,
      workDir,
      quarantineDir,
      handoverDir: outDir,
      extracts,
      limits: request.limits,
      skip: request.skip,
      rowRules: request.rowRules,
      onStart: (file) => process.send?.({ type: 'start', file } satisfies WorkerMessage),
      onFile: (input) => process.send?.({ type: 'file', input } satisfies WorkerMessage),
    });
    await handOver(db, request, result, knownPersons, startMs);
  } finally {
    db.close();
  }
}

serveChild(main);
