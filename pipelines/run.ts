/**
 * The nightly job (docs/commands.md): ingest -> warehouse -> kpis -> publish, in that order, nothing else.
 * Everything is built in a private staging folder and published with one atomic switch, so a failed or
 * killed run leaves the previous outputs as they were.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { z } from 'zod';
import {
  type KpiEntry,
  KpisJson,
  Manifest,
  SCHEMA_VERSION,
  TariffAlertsJson,
  type Warning,
} from '../schemas/outputs.ts';
import { type Config, configHash, kpiDefinitions, municipalityOf, validateInitiatives } from './config.ts';
import { carryOverContract, evaluateContracts } from './contracts/evaluate.ts';
import { maskCprs } from './core/mask.ts';
import { keyFingerprint, setKeyVariablesSql } from './core/pseudonym.ts';
import { sqlString } from './core/sql.ts';
import { Db, type DbOptions } from './duckdb.ts';
import { RunError, UserError } from './errors.ts';
import { EXTRACT_SPECS } from './extracts/spec.ts';
import { unknownCodeWarnings } from './guard/codes.ts';
import { decideHoldBacks, findSuspects, type HoldBack, heldBackOf, type Reader } from './guard/holdBack.ts';
import { municipalityWarnings } from './guard/municipality.ts';
import { fileOverrides, type Override } from './guard/overrides.ts';
import { extractVolumes, type Volumes, volumeDrops } from './guard/volumes.ts';
import { lang, list, num, t } from './i18n/index.ts';
import type { IngestResult } from './ingest/ingest.ts';
import { loadHandover, runIngestWorker } from './ingest/isolated.ts';
import { copyAndHash, sha256File } from './ingest/sniff.ts';
import { KINDS, kindOf, kindOfResult } from './kinds/index.ts';
import { type EvaluatedKpi, evaluateKpi } from './kpis/evaluate.ts';
import { noDataEntry, toPublicEntry } from './kpis/publicEntry.ts';
import { type Reporter, silentReporter } from './log.ts';
import { keyFileWarnings, lockDown, privateDir, restrictedAccess } from './publish/access.ts';
import { RUNS_DIR, removeUnpublished, runDir, switchTo } from './publish/atomic.ts';
import { acquireLock } from './publish/lock.ts';
import { longRows, writeArrow, writeCsv, writeParquet } from './publish/tables.ts';
import { chartName, kpiChartSpec, writeCharts } from './report/charts.ts';
import { renderNotebooks } from './report/notebook.ts';
import { buildWarehouse, staleExtractWarnings } from './warehouse.ts';

export interface RunOptions {
  inbox: string;
  out: string;
  asOf: string;
  config: Config;
  key: string;
  select?: string[];
  /** Where the key was read from (KPI_PSEUDONYM_KEY_FILE), to warn when others can read it. */
  keyFile?: string;
  reporter?: Reporter;
  now?: () => Date;
}

export interface RunSummary {
  runId: string;
  manifest: Manifest;
  kpis: KpisJson;
  outDir: string;
}

export function makeRunId(now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}

let cachedVersion: string | undefined;
export async function codeVersion(): Promise<string> {
  if (cachedVersion) return cachedVersion;
  const root = new URL('../', import.meta.url);
  const pkg = JSON.parse(await readFile(new URL('package.json', root), 'utf8')) as { version: string };
  let commit = '';
  try {
    const head = (await readFile(new URL('.git/HEAD', root), 'utf8')).trim();
    commit = head.startsWith('ref: ')
      ? (await readFile(new URL(`.git/${head.slice(5)}`, root), 'utf8')).trim()
      : head;
  } catch {
    /* not a git checkout */
  }
  cachedVersion = commit ? `${pkg.version}+${commit.slice(0, 12)}` : pkg.version;
  return cachedVersion;
}

/**
 * Fault injection for the reliability tests (test/reliability.test.ts): with KPI_FAULT_PAUSE=<stage>
 * the run announces itself and waits at the start of that stage, so a test can kill -9 it there; with
 * KPI_FAULT_FAIL=<stage> the stage throws, so a test can see a failed run exit 1.
 */
async function faultPause(stage: string, reporter: Reporter): Promise<void> {
  // KPI_FAULT_FAIL=<stage> makes the stage fail, as a full disk or a broken file system would.
  if (process.env.KPI_FAULT_FAIL === stage) throw new Error(`KPI_FAULT_FAIL: ${stage} failed on purpose`);
  if (process.env.KPI_FAULT_PAUSE !== stage) return;
  reporter.event({
    stage,
    event: 'paused',
    pid: process.pid,
    message: t('run.paused', { stage }),
  });
  await new Promise((r) => setTimeout(r, Number(process.env.KPI_FAULT_PAUSE_MS ?? 60_000)));
}

class Stages {
  readonly list: { name: string; seconds: number }[] = [];
  constructor(private reporter: Reporter) {}
  async time<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const t0 = performance.now();
    this.reporter.event({ stage: name, event: 'start' });
    await faultPause(name, this.reporter);
    const result = await fn();
    const seconds = Math.round(performance.now() - t0) / 1000;
    this.list.push({ name, seconds });
    this.reporter.event({ stage: name, event: 'done', seconds });
    return result;
  }
}

async function readPrevious(outDir: string): Promise<KpisJson | undefined> {
  try {
    return KpisJson.parse(JSON.parse(await readFile(join(outDir, 'public', 'kpis.json'), 'utf8')));
  } catch {
    return undefined;
  }
}

/** The parts of the previous published manifest a run compares against (an older one may lack some). */
async function readPreviousManifest(
  outDir: string,
): Promise<{ keyFingerprint?: string; volumes?: Volumes } | undefined> {
  return readFile(join(outDir, 'manifest.json'), 'utf8')
    .then((t) => JSON.parse(t) as { keyFingerprint?: string; volumes?: Volumes })
    .catch(() => undefined);
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(p)));
    else out.push(p);
  }
  return out.sort();
}

async function writeJson(path: string, value: unknown): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, `${JSON.stringify(value, null, 2)}\n`, 'utf8');
}

/** DuckDB's spill folder: private to the run, and removed with it (spilled pages can hold raw CPR). */
export function duckdbTempDir(workDir: string, config: Config): string {
  return config.duckdb.tempDirectory
    ? join(config.duckdb.tempDirectory, `kpi-${basename(workDir)}`)
    : join(workDir, 'duckdb_tmp');
}

/** The DuckDB settings of a run's databases (the warehouse, and the ingest worker's in-memory one). */
export function duckdbOptions(workDir: string, config: Config): DbOptions & { tempDirectory: string } {
  return {
    memoryLimit: config.duckdb.memoryLimit,
    tempDirectory: duckdbTempDir(workDir, config),
    threads: config.duckdb.threads,
  };
}

/**
 * The ingest worker's DuckDB gets 80 % of `duckdb.memoryLimit`. DuckDB's limit governs its buffer
 * manager only; the worker's process also holds Node and what DuckDB allocates outside it, which
 * nationally came to 250–500 MiB on top of a 1.5 GB limit (a peak of up to 1,943 MiB). At 1.2 GB its
 * peak was 1,627 MiB and ingest took no longer (it spills to the same temp folder).
 */
const WORKER_MEMORY_SHARE = 0.8;

export function workerDuckdbOptions(workDir: string, config: Config): DbOptions & { tempDirectory: string } {
  const options = duckdbOptions(workDir, config);
  return { ...options, memoryLimit: scaleMemoryLimit(options.memoryLimit, WORKER_MEMORY_SHARE) };
}

const MEMORY_UNITS: Record<string, number> = {
  b: 1,
  byte: 1,
  bytes: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40,
};

/**
 * A DuckDB memory setting ("1.5GB", "400 MiB") times `share`, in MB; a setting it cannot read (DuckDB
 * will judge it) or none (DuckDB's default of 80 % of the machine) is left as it is.
 */
export function scaleMemoryLimit(limit: string | undefined, share: number): string | undefined {
  const m = limit?.trim().match(/^(\d+(?:\.\d+)?)\s*([a-z]+)?$/i);
  if (!m) return limit;
  const unit = MEMORY_UNITS[(m[2] ?? 'b').toLowerCase()];
  if (unit === undefined) return limit;
  return `${Math.max(1, Math.floor((Number(m[1]) * unit * share) / 1e6))}MB`;
}

/**
 * Incremental nightly runs (issue 7): a successful run keeps its working warehouse in
 * <out>/.cache/warehouse.duckdb, and the next run continues it, so files already loaded
 * (same sha256) are not parsed again and the big marts are only updated. It holds nothing that the
 * published warehouse does not: no raw CPR. It is used only under the same key, code version and
 * extract contracts; otherwise the run starts from an empty warehouse.
 */
export const CACHE_FILE = join('.cache', 'warehouse.duckdb');

export function cacheIdentity(keyFp: string, version: string): string {
  return (
    createHash('sha256')
      // The quarantine reasons a kept file brings along are in the language it was parsed in.
      .update(
        JSON.stringify({
          keyFingerprint: keyFp,
          codeVersion: version,
          contracts: EXTRACT_SPECS,
          lang: lang(),
        }),
      )
      .digest('hex')
      .slice(0, 24)
  );
}

/**
 * Moves the kept warehouse into the run's work folder (a rename: no copy); false when there is none or
 * it does not fit. A run that fails takes it with it, and the next run starts from an empty warehouse.
 */
async function startFromCache(outDir: string, workDir: string, identity: string): Promise<boolean> {
  const cached = join(outDir, CACHE_FILE);
  if (!(await stat(cached).catch(() => undefined))) return false;
  const target = join(workDir, 'warehouse.duckdb');
  await rename(cached, target);
  let fits = false;
  const probe = await Db.open(target).catch(() => undefined);
  if (probe) {
    fits = await probe
      .one<{ value: string }>('SELECT value FROM meta.cache_identity')
      .then((r) => r.value === identity)
      .catch(() => false);
    probe.close();
  }
  if (!fits) await rm(target, { force: true });
  return fits;
}

export async function openWorkDb(workDir: string, config: Config, key: string): Promise<Db> {
  const options = duckdbOptions(workDir, config);
  await privateDir(options.tempDirectory, restrictedAccess(config.restrictedGroup));
  const db = await Db.open(join(workDir, 'warehouse.duckdb'), options);
  await db.run(`ATTACH ':memory:' AS scratch; ${setKeyVariablesSql(key)}`);
  return db;
}

export async function run(opts: RunOptions): Promise<RunSummary> {
  const reporter = opts.reporter ?? silentReporter;
  const municipality = municipalityOf(opts.config);
  const now = opts.now ?? (() => new Date());
  const startedAt = now();
  const runId = makeRunId(startedAt);
  reporter.runId = runId;
  const outDir = resolve(opts.out);
  const inbox = resolve(opts.inbox);
  await validateInitiatives(opts.config, opts.asOf);
  // A mistyped --inbox must not publish empty KPIs over good ones.
  const inboxStat = await stat(inbox).catch(() => undefined);
  if (!inboxStat?.isDirectory()) {
    throw new UserError(t('run.inboxMissing', { inbox }));
  }
  const access = restrictedAccess(opts.config.restrictedGroup);
  await mkdir(outDir, { recursive: true });
  const lock = await acquireLock(outDir, runId, access.fileMode);
  const warnings: Warning[] = [...(await keyFileWarnings(opts.keyFile, opts.config.restrictedGroup))];
  if (lock.tookOverFrom) {
    warnings.push({
      code: 'stale_lock',
      message: t('warn.staleLock', { runId: lock.tookOverFrom.runId, pid: lock.tookOverFrom.pid }),
    });
  }
  const stages = new Stages(reporter);
  const workDir = join(outDir, '.work', runId);
  const staging = join(outDir, RUNS_DIR, `.staging-${runId}`);
  let db: Db | undefined;
  try {
    await removeUnpublished(outDir);
    // Raw values live in the work and spill folders while the run lasts: the owner's only.
    await privateDir(join(outDir, '.work'), access);
    await privateDir(workDir, access);
    await privateDir(duckdbTempDir(workDir, opts.config), access);
    await mkdir(join(staging, 'public'), { recursive: true });
    await privateDir(join(staging, 'restricted'), access);
    const previous = await readPrevious(outDir);
    const previousManifest = await readPreviousManifest(outDir);
    const previousFingerprint = previousManifest?.keyFingerprint;
    if (previousFingerprint && previousFingerprint !== keyFingerprint(opts.key)) {
      warnings.push({
        code: 'key_rotated',
        message: t('warn.keyRotated'),
      });
    }
    const defs = kpiDefinitions(opts.config);
    const selected = opts.select ? defs.filter((d) => opts.select!.includes(d.id)) : defs;
    const identity = cacheIdentity(keyFingerprint(opts.key), await codeVersion());
    // An earlier version kept a separate ingest cache; the kept warehouse replaces it.
    await rm(join(outDir, '.cache', 'ingest.duckdb'), { force: true });
    if (!opts.config.incremental) await rm(join(outDir, CACHE_FILE), { force: true });
    const fromCache = opts.config.incremental && (await startFromCache(outDir, workDir, identity));
    let workDb!: Db;
    let volumes: Volumes = {};
    let overrides: Override[] = [];

    const ingest: IngestResult = await stages.time('ingest', async () => {
      if (fromCache) {
        reporter.event({
          stage: 'ingest',
          event: 'cache',
          message: t('run.cache', { file: CACHE_FILE }),
        });
      }
      // Raw extracts are parsed in a process of its own; this one only ever sees pseudonymised rows
      // (ingest/worker.ts explains why).
      const result = await runIngestWorker(
        {
          inbox,
          workDir,
          quarantineDir: join(staging, 'restricted', 'quarantine'),
          key: opts.key,
          duckdb: workerDuckdbOptions(workDir, opts.config),
          previous: fromCache ? join(workDir, 'warehouse.duckdb') : undefined,
        },
        (f) =>
          reporter.event({
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
          }),
      );
      reporter.event({ stage: 'ingest', event: 'worker', maxRssMiB: result.maxRssMiB });
      db = await openWorkDb(workDir, opts.config, opts.key);
      workDb = db;
      await loadHandover(workDb, result);
      await workDb.run(
        `CREATE SCHEMA IF NOT EXISTS meta; CREATE OR REPLACE TABLE meta.cache_identity AS SELECT ${sqlString(identity)} AS value`,
      );
      await rm(result.handover, { recursive: true, force: true });
      return result;
    });
    warnings.push(...ingest.warnings);

    await stages.time('warehouse', async () => {
      // Ingest relies on insertion order for line numbers; the marts do not, and without it DuckDB
      // needs less memory for large tables.
      await workDb.run('SET preserve_insertion_order = false');
      const built = await buildWarehouse(workDb, {
        asOf: opts.asOf,
        config: opts.config,
        changes: ingest.changes,
      });
      for (const m of built.marts) {
        reporter.event({
          stage: 'warehouse',
          event: 'mart',
          message: t(m.full ? 'run.martFull' : m.derived ? 'run.martRows' : 'run.martKeys', {
            table: m.table,
            n: m.keys,
          }),
        });
      }
      warnings.push(
        ...(await staleExtractWarnings(workDb, opts.asOf, opts.config.staleAfterMonths, ingest.delivered)),
        ...(await unknownCodeWarnings(workDb, opts.config, ingest.delivered)),
        ...(await municipalityWarnings(workDb, opts.config, ingest.delivered)),
      );
      volumes = await extractVolumes(workDb, ingest.delivered);
      overrides = await fileOverrides(workDb);
    });

    // What cannot be trusted this run holds back the KPIs and contracts that read it (guard/holdBack.ts).
    const readers: Reader[] = [
      ...selected.map((d) => ({ kind: 'kpi' as const, id: d.id, extracts: d.extracts })),
      ...opts.config.contracts
        .filter((c) => !opts.select || opts.select.includes(c.id))
        .map((c) => ({ kind: 'contract' as const, id: c.id, extracts: kindOf(c).extracts })),
    ];
    const suspects = findSuspects(
      ingest.inputs,
      volumeDrops(volumes, previousManifest?.volumes, opts.config.volumeDropTolerance),
      ingest.delivered,
      opts.config.volumeDropTolerance,
    );
    const wouldHold = decideHoldBacks(readers, suspects);
    const holds: HoldBack[] = opts.config.allowPartial ? [] : wouldHold;
    if (opts.config.allowPartial && wouldHold.length > 0) {
      warnings.push({
        code: 'partial_publish',
        message: t('warn.partialPublish', {
          ids: wouldHold.map((h) => h.id).join(', '),
          reasons: [...new Set(suspects.map((s) => s.reason))].join(' '),
        }),
      });
    }
    // An extract that was not trusted keeps the previous run's volumes, so the next run compares with
    // the last accepted delivery, not with the shrunken one.
    if (holds.length > 0 && previousManifest?.volumes) {
      for (const s of suspects) {
        const before = previousManifest.volumes[s.extract];
        if (before) volumes[s.extract] = before;
      }
    }
    const held = (kind: HoldBack['kind'], id: string) => holds.find((h) => h.kind === kind && h.id === id);

    const evaluated: EvaluatedKpi[] = await stages.time('kpis', async () => {
      const out: EvaluatedKpi[] = [];
      for (const def of selected) {
        if (held('kpi', def.id)) {
          reporter.event({
            stage: 'kpis',
            event: 'kpi',
            kpi: def.id,
            message: t('run.kpiHeldBack', { id: def.id }),
          });
          continue;
        }
        out.push(...(await evaluateKpi(workDb, def, opts.asOf, municipality.code, ingest.delivered)));
        reporter.event({
          stage: 'kpis',
          event: 'kpi',
          kpi: def.id,
          message: t('run.kpiComputed', { id: def.id }),
        });
      }
      for (const def of defs) {
        if (!def.extracts.every((e) => ingest.delivered.includes(e))) {
          warnings.push({
            code: 'extract_not_delivered',
            message: t('warn.notDelivered', {
              id: def.id,
              extracts: list(def.extracts.filter((e) => !ingest.delivered.includes(e))),
            }),
          });
        }
      }
      return out;
    });
    const contractResults = await stages.time('contracts', async () => {
      // --select: the contracts not selected keep their previously published files; a held-back
      // contract keeps them too, marked with why.
      const chosen = opts.config.contracts.filter(
        (c) => (!opts.select || opts.select.includes(c.id)) && !held('contract', c.id),
      );
      for (const c of opts.config.contracts.filter((x) => !chosen.includes(x))) {
        const hold = held('contract', c.id);
        await carryOverContract(
          join(outDir, 'restricted'),
          join(staging, 'restricted'),
          c,
          hold && {
            asOf: opts.asOf,
            municipality: municipality.code,
            heldBack: heldBackOf(hold),
          },
        );
      }
      const results = await evaluateContracts(workDb, chosen, {
        asOf: opts.asOf,
        municipality: municipality.code,
        restrictedDir: join(staging, 'restricted'),
      });
      for (const r of results) {
        for (const w of r.warnings)
          warnings.push({ code: 'contract_configuration', message: `${r.id}: ${w}` });
        reporter.event({
          stage: 'contracts',
          event: 'contract',
          contract: r.id,
          message: t('run.contractEvaluated', { id: r.id }),
        });
      }
      return results;
    });
    const tariffAlerts: TariffAlertsJson['alerts'] = ingest.delivered.includes('tariffs')
      ? await workDb.all(`SELECT municipality, provider_id AS "providerId", provider_name AS "providerName", ownership,
          service, year::INTEGER AS year, previous_rate::DOUBLE AS "previousRate", rate::DOUBLE AS rate,
          (rate / previous_rate - 1)::DOUBLE AS increase, threshold::DOUBLE AS threshold
        FROM marts.tariff_change WHERE alert ORDER BY municipality, year, "providerId", service`)
      : [];

    workDb.close();
    db = undefined;

    const hashed = new Map<string, string>();
    const kpis = await stages.time('publish', async () => {
      const kpiEntries: KpiEntry[] = evaluated.map((ev) => {
        const prev = previous?.kpis.find((k) => k.id === ev.def.id && k.municipality === ev.municipality);
        return toPublicEntry(
          ev,
          opts.config.minCell,
          prev && previous ? { entry: prev, runId: previous.runId } : undefined,
        );
      });
      // A held-back KPI is its previous publication, unchanged but for why; never published before,
      // it has no data (and says why).
      for (const def of selected) {
        const hold = held('kpi', def.id);
        if (!hold) continue;
        const before = previous?.kpis.filter((k) => k.id === def.id) ?? [];
        if (before.length > 0) kpiEntries.push(...before.map((k) => ({ ...k, heldBack: heldBackOf(hold) })));
        else kpiEntries.push(noDataEntry(def, municipality.code, heldBackOf(hold)));
      }
      // --select: the KPIs not selected keep their previously published values.
      if (opts.select && previous) {
        for (const k of previous.kpis)
          if (!opts.select.includes(k.id)) kpiEntries.push({ ...k, restatements: [] });
      }
      const order = defs.map((d) => d.id);
      kpiEntries.sort(
        (a, b) => order.indexOf(a.id) - order.indexOf(b.id) || a.municipality.localeCompare(b.municipality),
      );
      const kpis = KpisJson.parse({
        schemaVersion: SCHEMA_VERSION,
        runId,
        asOf: opts.asOf,
        generatedAt: now()
          .toISOString()
          .replace(/\.\d+Z$/, 'Z'),
        minCell: opts.config.minCell,
        kpis: kpiEntries,
      });
      const pub = join(staging, 'public');
      await writeJson(join(pub, 'kpis.json'), kpis);
      const rows = longRows(kpis);
      await writeParquet(rows, pub, workDir);
      await writeArrow(rows, pub);
      await writeCsv(rows, pub);
      await writeJson(
        join(pub, 'tariff_alerts.json'),
        TariffAlertsJson.parse({ schemaVersion: SCHEMA_VERSION, asOf: opts.asOf, alerts: tariffAlerts }),
      );
      // Charts draw from the published, disclosure-controlled figures; contract charts stay restricted.
      await writeCharts(
        join(pub, 'charts'),
        kpis.kpis.map((k) => ({
          name: chartName(k, municipality.code),
          spec: kpiChartSpec(k, opts.config.minCell, opts.asOf),
        })),
      );
      await writeCharts(
        join(staging, 'restricted', 'charts'),
        contractResults.map((r) => ({
          name: r.id,
          spec: kindOfResult(r)!.chart(r),
        })),
      );
      await writeJson(join(pub, 'schemas', 'kpis.schema.json'), z.toJSONSchema(KpisJson));
      await writeJson(join(pub, 'schemas', 'tariff_alerts.schema.json'), z.toJSONSchema(TariffAlertsJson));
      await writeJson(join(pub, 'schemas', 'manifest.schema.json'), z.toJSONSchema(Manifest));
      for (const k of KINDS)
        await writeJson(join(pub, 'schemas', `${k.schemaName}.schema.json`), z.toJSONSchema(k.json));
      // Hashed while it is copied: the manifest lists every output's sha256, and this one is large.
      hashed.set(
        join(staging, 'restricted', 'warehouse.duckdb'),
        await copyAndHash(join(workDir, 'warehouse.duckdb'), join(staging, 'restricted', 'warehouse.duckdb')),
      );
      return kpis;
    });

    const manifest = await stages.time('report', async () => {
      // The notebooks read the files just written: public reports see only the published tables.
      await renderNotebooks(
        {
          kpis,
          municipalityName: municipality.name,
          heldBack: holds,
          publicDir: join(staging, 'public'),
          restrictedDir: join(staging, 'restricted'),
          workDir,
        },
        opts.config.notebooks,
      );
      const outputs = [];
      for (const f of await listFiles(staging)) {
        outputs.push({
          path: relative(staging, f).split('\\').join('/'),
          sha256: hashed.get(f) ?? (await sha256File(f)),
          bytes: (await stat(f)).size,
        });
      }
      const totals = ingest.inputs.reduce(
        (t, i) => ({
          rowsRead: t.rowsRead + i.rowsRead,
          rowsLoaded: t.rowsLoaded + i.rowsLoaded,
          rowsRejected: t.rowsRejected + i.rowsRejected,
          rowsSkipped: t.rowsSkipped + i.rowsSkipped,
        }),
        { rowsRead: 0, rowsLoaded: 0, rowsRejected: 0, rowsSkipped: 0 },
      );
      const accounted = ingest.inputs.every(
        (i) => i.rowsRead === i.rowsLoaded + i.rowsRejected + i.rowsSkipped,
      );
      const manifest: Manifest = Manifest.parse({
        schemaVersion: SCHEMA_VERSION,
        runId,
        asOf: opts.asOf,
        startedAt: startedAt.toISOString().replace(/\.\d+Z$/, 'Z'),
        finishedAt: now()
          .toISOString()
          .replace(/\.\d+Z$/, 'Z'),
        codeVersion: await codeVersion(),
        configHash: configHash(opts.config),
        keyFingerprint: keyFingerprint(opts.key),
        municipality: { code: municipality.code, name: municipality.name, assumed: municipality.assumed },
        inputs: ingest.inputs,
        totals,
        checks: [
          {
            name: 'rows_accounted',
            ok: accounted,
            detail: t('run.rowsAccounted', {
              read: totals.rowsRead,
              loaded: totals.rowsLoaded,
              rejected: totals.rowsRejected,
              skipped: totals.rowsSkipped,
            }),
          },
        ],
        warnings: warnings.map((w) => ({ ...w, message: maskCprs(w.message) })),
        heldBack: holds,
        volumes,
        overrides,
        stages: stages.list,
        outputs,
      });
      return manifest;
    });
    // The last stage's duration is known only once it has returned.
    manifest.stages = [...stages.list];
    await writeJson(join(staging, 'manifest.json'), manifest);
    await lockDown(join(staging, 'restricted'), access);
    await faultPause('switch', reporter);
    await rename(staging, runDir(outDir, runId));
    const pruned = await switchTo(outDir, runId, opts.config.keepRuns);
    for (const h of pruned.heldOpen) {
      reporter.event({
        stage: 'publish',
        event: 'kept_open',
        message: t('run.keptOpen', { runId: h.runId, pids: list(h.pids.map(String)) }),
      });
    }
    if (opts.config.incremental) {
      await privateDir(join(outDir, '.cache'), access);
      await rename(join(workDir, 'warehouse.duckdb'), join(outDir, CACHE_FILE));
      await lockDown(join(outDir, CACHE_FILE), access);
    }
    reporter.event({
      stage: 'publish',
      event: 'published',
      message: t('run.published', { runId, out: outDir }),
    });
    return { runId, manifest, kpis, outDir };
  } catch (e) {
    await rm(staging, { recursive: true, force: true }).catch(() => {});
    if (e instanceof UserError) throw e;
    const message = maskCprs((e as Error).message ?? String(e));
    reporter.event({ stage: 'run', event: 'error', message });
    throw new RunError(t('run.failed', { message }));
  } finally {
    db?.close();
    await rm(workDir, { recursive: true, force: true }).catch(() => {});
    await rm(duckdbTempDir(workDir, opts.config), { recursive: true, force: true }).catch(() => {});
    await rmdir(join(outDir, '.work')).catch(() => {}); // only when no other run's folder is in it
    await lock.release();
  }
}
