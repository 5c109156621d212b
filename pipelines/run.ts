/**
 * The nightly job (docs/commands.md, docs/architecture.md): the stages below, in data order, over one
 * RunContext. Everything is built in a private staging folder and published with one atomic switch, so
 * a failed or killed run leaves the previous outputs as they were.
 */
import { chmod, mkdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { kpiDefinitions, municipalityOf } from './config.ts';
import { forRun, silentReporter } from './core/events.ts';
import { maskCprs } from './core/mask.ts';
import { keyFingerprint } from './core/pseudonym.ts';
import { onShutdown } from './core/shutdown.ts';
import { RunError, UserError } from './errors.ts';
import { list, t } from './i18n/index.ts';
import { keyFileWarnings, lockDown, PUBLIC_ACCESS, privateDir, restrictedAccess } from './publish/access.ts';
import { RUNS_DIR, removeUnpublished, runDir, switchTo } from './publish/atomic.ts';
import { privacyGate } from './publish/gate.ts';
import { acquireLock } from './publish/lock.ts';
import { CACHE_FILE, cacheIdentity, startFromCache } from './run/cache.ts';
import { RunContext, type RunOptions, type RunSummary, type Stage } from './run/context.ts';
import { atStage } from './run/effects.ts';
import { readPrevious, readPreviousManifest, writeJson } from './run/files.ts';
import { validateInitiatives } from './run/initiatives.ts';
import { removeStaleWork } from './run/leftovers.ts';
import { codeVersion, duckdbTempDir, makeRunId } from './run/runtime.ts';
import { contractsStage } from './run/stages/contracts.ts';
import { ingestStage } from './run/stages/ingest.ts';
import { kpisStage } from './run/stages/kpis.ts';
import { publishStage } from './run/stages/publish.ts';
import { reportStage } from './run/stages/report.ts';
import { warehouseStage } from './run/stages/warehouse.ts';

export type { RunOptions, RunSummary };

/** The stages, in the order data moves through them. */
export const STAGES: Stage[] = [
  ingestStage,
  warehouseStage,
  kpisStage,
  contractsStage,
  publishStage,
  reportStage,
];

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
  let ctx: RunContext | undefined;
  try {
    ctx = await prepare(opts, { runId, startedAt, out, inbox, work, staging }, access);
    ctx.warnings.unshift(...warnings);
    for (const stage of STAGES) await timed(ctx, stage);
    // The last stage's duration is known only once it has returned.
    ctx.manifest.stages = [...ctx.timings];
    await publish(ctx);
    return { runId, manifest: ctx.manifest, kpis: ctx.kpis, outDir: out, contracts: ctx.contracts };
  } catch (e) {
    await rm(staging, { recursive: true, force: true }).catch(() => {});
    if (e instanceof UserError) throw e;
    const message = maskCprs((e as Error).message ?? String(e));
    opts.reporter.event({ stage: 'run', event: 'error', message });
    throw new RunError(t('run.failed', { message }));
  } finally {
    ctx?.db?.close();
    await rm(work, { recursive: true, force: true }).catch(() => {});
    await rm(duckdbTempDir(work, opts.config), { recursive: true, force: true }).catch(() => {});
    await rmdir(join(out, '.work')).catch(() => {}); // only when no other run's folder is in it
    unregister();
    await lock.release();
  }
}

/** The run's folders (raw values live in the work and spill folders while it lasts: the owner's only), what the last run published, and the kept warehouse. */
async function prepare(
  opts: RunContext['opts'],
  at: { runId: string; startedAt: Date; out: string; inbox: string; work: string; staging: string },
  access: ReturnType<typeof restrictedAccess>,
): Promise<RunContext> {
  const { out, work, staging } = at;
  await removeUnpublished(out);
  await privateDir(join(out, '.work'), access);
  await privateDir(work, access);
  await privateDir(duckdbTempDir(work, opts.config), access);
  await mkdir(join(staging, 'public'), { recursive: true });
  await privateDir(join(staging, 'restricted'), access);
  const previous = { kpis: await readPrevious(out), manifest: await readPreviousManifest(out) };
  const defs = kpiDefinitions(opts.config);
  const selected = opts.select ? defs.filter((d) => opts.select!.includes(d.id)) : defs;
  const identity = cacheIdentity(keyFingerprint(opts.key), await codeVersion(), opts.config.extracts);
  // An earlier version kept a separate ingest cache; the kept warehouse replaces it.
  await rm(join(out, '.cache', 'ingest.duckdb'), { force: true });
  if (!opts.config.incremental) await rm(join(out, CACHE_FILE), { force: true });
  const fromCache = opts.config.incremental && (await startFromCache(out, work, identity));
  const ctx = new RunContext(
    opts,
    at.runId,
    at.startedAt,
    municipalityOf(opts.config),
    { out, inbox: at.inbox, work, staging },
    access,
    defs,
    selected,
    previous,
    fromCache,
    identity,
  );
  const fingerprint = previous.manifest?.keyFingerprint;
  if (fingerprint && fingerprint !== keyFingerprint(opts.key)) {
    ctx.warnings.push({ code: 'key_rotated', message: t('warn.keyRotated') });
  }
  return ctx;
}

/** The privacy gate (publish/gate.ts): a finding fails the run before the switch (exit 1). */
async function passGate(ctx: RunContext): Promise<void> {
  const now = ctx.opts.now();
  const recent = new Date(now.getTime() - 31 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  const findings = await privacyGate({
    root: ctx.paths.staging,
    key: ctx.opts.key,
    allowedDates: [
      ctx.opts.asOf,
      now.toISOString().slice(0, 10),
      ...JSON.stringify(ctx.config).matchAll(/\d{4}-\d{2}-\d{2}/g),
    ].map(String),
    recentFrom: recent,
  });
  if (findings.length === 0) return;
  const text = findings.slice(0, 5).map((f) =>
    t('gate.finding', {
      file: f.file,
      kpi: f.kpi
        ? f.file.endsWith('.duckdb')
          ? t('gate.where', { where: f.kpi })
          : t('gate.kpi', { kpi: f.kpi })
        : '',
      what: t(`gate.what.${f.kind}`),
    }),
  );
  throw new RunError(t('gate.blocked', { findings: list(text) }));
}

/**
 * Modes set explicitly, whatever the umask (docs/security.md): public/ and the run's folder 0755/0644,
 * restricted/ the owner's (or the restricted group's), and the published warehouse read-only, so a BI
 * client cannot take a write lock on it.
 */
async function setModes(ctx: RunContext): Promise<void> {
  const { staging } = ctx.paths;
  await lockDown(join(staging, 'public'), PUBLIC_ACCESS);
  await lockDown(join(staging, 'manifest.json'), PUBLIC_ACCESS);
  await chmod(staging, PUBLIC_ACCESS.dirMode);
  await chmod(join(ctx.paths.out, RUNS_DIR), PUBLIC_ACCESS.dirMode);
  await lockDown(join(staging, 'restricted'), ctx.access);
  await chmod(join(staging, 'restricted', 'warehouse.duckdb'), ctx.access.fileMode & 0o444).catch(() => {});
}

/** Runs one stage between its start and done events, and records how long it took. */
async function timed(ctx: RunContext, stage: Stage): Promise<void> {
  const t0 = performance.now();
  ctx.reporter.event({ stage: stage.name, event: 'start' });
  await atStage(ctx.opts.effects, stage.name, ctx.reporter);
  await stage.run(ctx);
  const seconds = Math.round(performance.now() - t0) / 1000;
  ctx.timings.push({ name: stage.name, seconds });
  ctx.reporter.event({ stage: stage.name, event: 'done', seconds });
}

/** The switch: the staging folder becomes the current run in one rename; old runs are pruned. */
async function publish(ctx: RunContext): Promise<void> {
  const { out, staging, work } = ctx.paths;
  await writeJson(join(staging, 'manifest.json'), ctx.manifest);
  await passGate(ctx);
  await setModes(ctx);
  await atStage(ctx.opts.effects, 'switch', ctx.reporter);
  await rename(staging, runDir(out, ctx.runId));
  const pruned = await switchTo(out, ctx.runId, ctx.config.keepRuns);
  for (const h of pruned.heldOpen) {
    ctx.reporter.event({
      stage: 'publish',
      event: 'kept_open',
      message: t('run.keptOpen', { runId: h.runId, pids: list(h.pids.map(String)) }),
    });
  }
  if (ctx.config.incremental) {
    await privateDir(join(out, '.cache'), ctx.access);
    await rename(join(work, 'warehouse.duckdb'), join(out, CACHE_FILE));
    await lockDown(join(out, CACHE_FILE), ctx.access);
  }
  ctx.reporter.event({
    stage: 'publish',
    event: 'published',
    message: t('run.published', { runId: ctx.runId, out }),
  });
}
