/**
 * Ingest: the raw extracts are parsed, checked and pseudonymised in a process of its own (ingest/worker.ts
 * says why); this process only loads the pseudonymised rows it hands over into the warehouse.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { InputFile } from '../../../schemas/outputs.ts';
import { sqlString } from '../../core/sql.ts';
import { num, t } from '../../i18n/index.ts';
import { loadHandover, runIngestWorker } from '../../ingest/isolated.ts';
import { CACHE_FILE, openWorkDb } from '../cache.ts';
import type { RunContext, Stage } from '../context.ts';
import { workerDuckdbOptions, workerMemoryLimit } from '../runtime.ts';

function fileEvent(ctx: RunContext, f: InputFile): void {
  ctx.reporter.event({
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

export const ingestStage: Stage = {
  name: 'ingest',
  async run(ctx) {
    const { work } = ctx.paths;
    if (ctx.fromCache) {
      ctx.reporter.event({ stage: 'ingest', event: 'cache', message: t('run.cache', { file: CACHE_FILE }) });
    }
    const result = await runIngestWorker(
      {
        inbox: ctx.paths.inbox,
        workDir: work,
        quarantineDir: join(ctx.restrictedDir, 'quarantine'),
        key: ctx.opts.key,
        duckdb: workerDuckdbOptions(work, ctx.config),
        previous: ctx.fromCache ? join(work, 'warehouse.duckdb') : undefined,
        ownExtracts: ctx.config.extracts,
        limits: ctx.config.limits,
      },
      (f) => fileEvent(ctx, f),
      { maxRssBytes: workerMemoryLimit(ctx.config) },
    );
    ctx.reporter.event({ stage: 'ingest', event: 'worker', maxRssMiB: result.maxRssMiB });
    ctx.db = await openWorkDb(work, ctx.config, ctx.opts.key);
    await loadHandover(ctx.db, result, ctx.extracts);
    await ctx.db.run(
      `CREATE SCHEMA IF NOT EXISTS meta; CREATE OR REPLACE TABLE meta.cache_identity AS SELECT ${sqlString(ctx.cacheIdentity)} AS value`,
    );
    await rm(result.handover, { recursive: true, force: true });
    ctx.ingest = result;
    ctx.warnings.push(...result.warnings);
  },
};
