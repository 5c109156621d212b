/**
 * Ingest: the raw extracts are parsed, checked and pseudonymised in a process of its own (ingest/worker.ts
 * says why); this process only loads the pseudonymised rows it hands over into the warehouse.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { publishedMunicipalities } from '../../../schemas/config.ts';
import type { InputFile } from '../../../schemas/outputs.ts';
import { sqlString } from '../../core/sql.ts';
import type { Db } from '../../duckdb.ts';
import { num, t } from '../../i18n/index.ts';
import { loadHandover, runIngestWorker } from '../../ingest/isolated.ts';
import type { IngestResult } from '../../ingest/types.ts';
import { CACHE_FILE, openWorkDb } from '../cache.ts';
import { type RunSetup, restrictedDir } from '../context.ts';
import { workerDuckdbOptions, workerMemoryLimit } from '../runtime.ts';

/** What ingest hands on: every file's outcome, and the warehouse with their rows in it, open. */
export interface Ingested {
  result: IngestResult & { maxRssMiB: number; startSeconds: number };
  db: Db;
}

function fileEvent(s: RunSetup, f: InputFile): void {
  s.reporter.event({
    stage: 'ingest',
    event: 'file',
    file: f.file,
    status: f.status,
    rowsRead: f.rowsRead,
    rowsLoaded: f.rowsLoaded,
    rowsRejected: f.rowsRejected,
    message:
      t('run.file', {
        file: f.file,
        status: t(`fileStatus.${f.status}`),
        cached: f.fromCache ? t('run.fileCached') : '',
        loaded: num(f.rowsLoaded),
        read: num(f.rowsRead),
      }) +
      (f.rowsRejected ? t('run.fileQuarantined', { n: num(f.rowsRejected) }) : '') +
      (f.rowsSkipped ? t('run.fileSkipped', { n: num(f.rowsSkipped) }) : ''),
  });
}

export async function ingestStage(s: RunSetup): Promise<Ingested> {
  const { work } = s.paths;
  if (s.fromCache)
    s.reporter.event({ stage: 'ingest', event: 'cache', message: t('run.cache', { file: CACHE_FILE }) });
  const result = await runIngestWorker(
    {
      inbox: s.paths.inbox,
      workDir: work,
      quarantineDir: join(restrictedDir(s), 'quarantine'),
      key: s.opts.key,
      duckdb: workerDuckdbOptions(work, s.config),
      previous: s.fromCache ? join(work, 'warehouse.duckdb') : undefined,
      ownExtracts: s.config.extracts,
      limits: s.config.limits,
      rowRules: { municipalities: publishedMunicipalities(s.config), asOfMonth: s.asOf.month },
    },
    (f) => fileEvent(s, f),
    { maxRssBytes: workerMemoryLimit(s.config) },
  );
  s.reporter.event({
    stage: 'ingest',
    event: 'worker',
    maxRssMiB: result.maxRssMiB,
    startSeconds: result.startSeconds,
  });
  const db = await openWorkDb(work, s.config, s.opts.key);
  await loadHandover(db, result, s.extracts);
  await db.run(
    `CREATE SCHEMA IF NOT EXISTS meta; CREATE OR REPLACE TABLE meta.cache_identity AS SELECT ${sqlString(s.cacheIdentity)} AS value`,
  );
  await rm(result.handover, { recursive: true, force: true });
  s.warnings.push(...result.warnings);
  return { result, db };
}
