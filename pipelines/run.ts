/**
 * The nightly job (docs/commands.md, docs/architecture.md): the stages below, in data order, each
 * handing its typed result to the next. Everything is built in a private staging folder and published
 * with one atomic switch (run/switch.ts), so a failed or killed run leaves the previous outputs as they
 * were.
 */
import { mkdir, rm, rmdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Manifest } from '../schemas/outputs.ts';
import { forRun, silentReporter } from './core/events.ts';
import { maskCprs } from './core/mask.ts';
import { onShutdown } from './core/shutdown.ts';
import type { Db } from './duckdb.ts';
import { RunError, UserError } from './errors.ts';
import { checkClock } from './guard/clock.ts';
import { t } from './i18n/index.ts';
import { keyFileWarnings, restrictedAccess } from './publish/access.ts';
import { RUNS_DIR } from './publish/atomic.ts';
import { acquireLock } from './publish/lock.ts';
import type { RunOptions, RunSetup, RunSummary } from './run/context.ts';
import { atStage } from './run/effects.ts';
import { validateInitiatives } from './run/initiatives.ts';
import { removeStaleWork } from './run/leftovers.ts';
import { duckdbTempDir, makeRunId } from './run/runtime.ts';
import { prepareRun } from './run/setup.ts';
import { contractsStage } from './run/stages/contracts.ts';
import { ingestStage } from './run/stages/ingest.ts';
import { kpisStage } from './run/stages/kpis.ts';
import { publishStage } from './run/stages/publish.ts';
import { reportStage } from './run/stages/report.ts';
import { trustStage } from './run/stages/trust.ts';
import { warehouseStage } from './run/stages/warehouse.ts';
import { switchIn } from './run/switch.ts';
import type { SiteBuild } from './site/build.ts';

export type { RunOptions, RunSummary };

/** The stages, in the order data moves through them (their names in the logs and the manifest). */
export const STAGES = ['ingest', 'warehouse', 'trust', 'kpis', 'contracts', 'publish', 'report'] as const;
type StageName = (typeof STAGES)[number];

/** The stages in data order, each taking what the ones before it handed on. */
async function stages(
  s: RunSetup,
  open: (db: Db) => void,
): Promise<{ manifest: Manifest; site: SiteBuild } & Omit<RunSummary, 'runId' | 'manifest' | 'outDir'>> {
  const timings: { name: StageName; seconds: number }[] = [];
  const stage = <T>(name: StageName, fn: () => Promise<T> | T) => timed(s, timings, name, fn);
  const ingested = await stage('ingest', () => ingestStage(s));
  open(ingested.db);
  checkClock(ingested.result.inputs, s.asOf);
  const { delivered } = ingested.result;
  const warehouse = await stage('warehouse', () => warehouseStage(s, ingested));
  const trust = await stage('trust', () => trustStage(s, ingested, warehouse));
  const evaluated = await stage('kpis', () => kpisStage(s, warehouse, trust, delivered));
  const contracts = await stage('contracts', () => contractsStage(s, warehouse, trust));
  const published = await stage('publish', () =>
    publishStage(s, { warehouse, trust, evaluated, contracts, delivered, inputs: ingested.result.inputs }),
  );
  const { manifest, site } = await stage('report', () =>
    reportStage(s, { ingested, warehouse, trust, published, stages: [...timings] }),
  );
  // The last stage's duration is known only once it has returned.
  manifest.stages = [...timings];
  return { manifest, site, kpis: published.kpis, contracts };
}

export async function run(options: RunOptions): Promise<RunSummary> {
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  const runId = makeRunId(startedAt);
  // The caller's reporter is left as it is: the run's events carry their run id themselves.
  const opts = {
    ...options,
    reporter: forRun(options.reporter ?? silentReporter, runId),
    effects: options.effects ?? {},
    now,
  };
  const out = resolve(opts.out);
  const inbox = resolve(opts.inbox);
  await validateInitiatives(opts.config, opts.asOf);
  // A mistyped --inbox must not publish empty KPIs over good ones.
  if (!(await stat(inbox).catch(() => undefined))?.isDirectory()) {
    throw new UserError(t('run.inboxMissing', { inbox }));
  }
  const access = restrictedAccess(opts.config.restrictedGroup);
  await mkdir(out, { recursive: true });
  await removeStaleWork();
  const lock = await acquireLock(out, runId, access.fileMode);
  const warnings = [...(await keyFileWarnings(opts.keyFile, opts.config.restrictedGroup))];
  if (lock.tookOverFrom) {
    const { runId: was, pid } = lock.tookOverFrom;
    warnings.push({ code: 'stale_lock', message: t('warn.staleLock', { runId: was, pid }) });
  }
  const work = join(out, '.work', runId);
  const staging = join(out, RUNS_DIR, `.staging-${runId}`);
  // A signal (SIGTERM, SIGINT) stops the run here: nothing is switched, the previous publication stays.
  const unregister = onShutdown(async () => {
    await rm(staging, { recursive: true, force: true });
    await rm(work, { recursive: true, force: true });
    await lock.release();
  });
  let db: Db | undefined;
  try {
    const s = await prepareRun(opts, { runId, startedAt, out, inbox, work, staging }, access, warnings);
    const done = await stages(s, (d) => {
      db = d;
    });
    await switchIn(s, done.manifest, done.site);
    const { site: _site, ...summary } = done;
    return { runId, outDir: out, ...summary };
  } catch (e) {
    await rm(staging, { recursive: true, force: true }).catch(() => {});
    if (e instanceof UserError) throw e;
    const message = maskCprs((e as Error).message ?? String(e));
    opts.reporter.event({ stage: 'run', event: 'error', message });
    throw new RunError(t('run.failed', { message }));
  } finally {
    db?.close();
    await rm(work, { recursive: true, force: true }).catch(() => {});
    await rm(duckdbTempDir(work, opts.config), { recursive: true, force: true }).catch(() => {});
    await rmdir(join(out, '.work')).catch(() => {}); // only when no other run's folder is in it
    unregister();
    await lock.release();
  }
}

/** Runs one stage between its start and done events, and records how long it took. */
async function timed<T>(
  s: RunSetup,
  timings: { name: StageName; seconds: number }[],
  name: StageName,
  fn: () => Promise<T> | T,
): Promise<T> {
  const t0 = performance.now();
  s.reporter.event({ stage: name, event: 'start' });
  await atStage(s.opts.effects, name, s.reporter);
  const result = await fn();
  const seconds = Math.round(performance.now() - t0) / 1000;
  timings.push({ name, seconds });
  s.reporter.event({ stage: name, event: 'done', seconds });
  return result;
}
