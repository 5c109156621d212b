/**
 * The benchmark (docs/performance.md): generate a synthetic inbox with the demo generator, run the real nightly job
 * on it, and measure the floor: what DuckDB alone takes, in the same process on the same files, to read
 * and type every extract and run the heaviest KPI aggregation, with no checks and no pseudonymisation.
 * Figures are reported, never asserted.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Manifest } from '../../schemas/outputs.ts';
import { parseConfig } from '../config.ts';
import { DEMO_KEY } from '../core/pseudonym.ts';
import { sqlString } from '../core/sql.ts';
import { writeDemoInbox } from '../demo/generate.ts';
import { Db } from '../duckdb.ts';
import { run } from '../run.ts';

/** About 5,500 persons per unit of the demo's scale (youths, §85, treatment, Jobfokus). */
export const PERSONS_PER_SCALE = 5500;

export interface BenchOptions {
  persons: number;
  months: number;
  asOf: string;
  dir: string;
  memoryLimit?: string;
  tempDirectory?: string;
  threads?: number;
  /** Keep the generated inbox between runs of the same size (generation is not what is measured). */
  reuseInbox?: boolean;
  /** Also time the next night's run after one new month arrives. */
  incremental?: boolean;
  /**
   * Where the floor's DuckDB keeps its tables: `memory` (the default: DuckDB alone at its fastest, the
   * floor the goals are set against) or `file` (a database file, as the warehouse is).
   */
  floor?: 'memory' | 'file';
}

export interface BenchResult {
  date: string;
  persons: number;
  months: number;
  scale: number;
  rows: Record<string, number>;
  rowsTotal: number;
  inputBytes: number;
  /** Seconds per stage, and the highest RSS sampled while it ran (MiB). */
  stages: { name: string; seconds: number; peakRssMiB?: number }[];
  runSeconds: number;
  generateSeconds: number;
  /** Reading every input file once before the run, so the run and the floor both find them cached. */
  warmSeconds: number;
  rowsPerSecond: number;
  floor: { readSeconds: number; kpiSeconds: number; seconds: number; kind: 'memory' | 'file' };
  /** A second run after one new month of employment is delivered: files already loaded are reused. */
  incremental: {
    newRows: number;
    seconds: number;
    shareOfFull: number;
    ingestSeconds: number;
    /** Of ingest, the worker process's start: Node, its modules, DuckDB (ingest/worker.ts). */
    workerStartSeconds: number;
    stages: { name: string; seconds: number }[];
  } | null;
  ratio: number;
  /** Writing both sites (part of the report stage), and the public site's size. */
  site: { seconds: number; publicBytes: number };
  /** The run's peak: the main process's, or while the ingest worker ran, its peak plus the main's. */
  peakRssMiB: number;
  /** Peak RSS of the main process, and of the ingest worker process (ingest/worker.ts). */
  rss: { mainMiB: number; ingestWorkerMiB: number };
  /** Of the run's ingest, the worker process's start: Node, its modules, DuckDB. */
  workerStartSeconds: number;
  outputs: { publicBytes: number; restrictedBytes: number; warehouseBytes: number };
  duckdb: { memoryLimit: string | null; threads: number | null };
}

async function du(dir: string): Promise<number> {
  let total = 0;
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const p = join(dir, e.name);
    total += e.isDirectory() ? await du(p) : (await stat(p)).size;
  }
  return total;
}

async function warm(dir: string): Promise<void> {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) await warm(p);
    else for await (const _ of createReadStream(p, { highWaterMark: 1 << 20 })) void _;
  }
}

function monthsBefore(asOf: string, months: number): string {
  const d = new Date(`${asOf.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}

/**
 * The floor: DuckDB's own CSV and Parquet readers, with the dialect the pipeline detected, type every
 * extract (its sniffer picks the types), then the heaviest KPI-like aggregation over person-months.
 */
export async function measureFloor(
  inbox: string,
  manifest: Manifest,
  opts: Pick<BenchOptions, 'memoryLimit' | 'threads' | 'floor'>,
  workDir: string,
) {
  const db = await Db.open(opts.floor === 'file' ? join(workDir, 'floor.duckdb') : ':memory:', {
    memoryLimit: opts.memoryLimit,
    threads: opts.threads,
  });
  try {
    const t0 = performance.now();
    const byExtract = new Map<string, Manifest['inputs']>();
    for (const i of manifest.inputs) {
      // DuckDB cannot read xlsx or Windows-1252 itself (the pipeline converts those); the floor leaves
      // them out (in the demo: one benchmark workbook and the 48-row tariff file).
      if (i.status !== 'loaded' || i.file.endsWith('.xlsx') || i.encoding === 'windows-1252') continue;
      byExtract.set(i.extract, [...(byExtract.get(i.extract) ?? []), i]);
    }
    for (const [extract, files] of byExtract) {
      const parts = files.map((f) => {
        const path = sqlString(join(inbox, f.file));
        if (f.file.endsWith('.parquet')) return `SELECT * FROM read_parquet(${path})`;
        const decimal = f.decimal === ',' ? ", decimal_separator = ',', thousands = '.'" : '';
        const encoding = f.encoding === 'latin-1' ? ", encoding = 'latin-1'" : '';
        return `SELECT * FROM read_csv(${path}, delim = ${sqlString(f.delimiter ?? ',')}, header = true${decimal}${encoding})`;
      });
      await db.run(`CREATE TABLE ${extract} AS ${parts.join(' UNION ALL BY NAME ')}`);
    }
    const readSeconds = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    // The heaviest KPI shape: person-months pooled per year (as neet_share and sel85_employment_rate).
    const employmentMonth = (
      await db.all<{ c: string }>(
        "SELECT column_name AS c FROM (DESCRIBE employment) WHERE lower(column_name) LIKE 'm%ned'",
      )
    )[0]?.c;
    if (employmentMonth) {
      await db.all(`SELECT left(CAST("${employmentMonth}" AS VARCHAR), 4) AS y, count(*) AS person_months,
          count(DISTINCT "CPRNR") AS persons, count(*) FILTER (WHERE "Løntimer" > 0) AS employed
        FROM employment GROUP BY 1`);
    }
    const kpiSeconds = (performance.now() - t1) / 1000;
    return { readSeconds, kpiSeconds, seconds: readSeconds + kpiSeconds, kind: opts.floor ?? 'memory' };
  } finally {
    db.close();
    await rm(join(workDir, 'floor.duckdb'), { force: true });
  }
}

/** The next night: one more month of eIndkomst in a new file, run again over the kept warehouse. */
async function nextNight(
  inbox: string,
  out: string,
  opts: BenchOptions,
  duckdb: Record<string, unknown>,
  manifest: Manifest,
  runSeconds: number,
): Promise<NonNullable<BenchResult['incremental']>> {
  // The next month of eIndkomst: the latest month's rows, one month on, in a new file.
  const files = manifest.inputs
    .filter((i) => i.extract === 'employment' && i.status === 'loaded')
    .map((i) => i.file);
  const latest = join(inbox, files.sort()[files.length - 1]!);
  const next = join(inbox, 'employment', 'eindkomst_zz_next_month.csv');
  const db = await Db.open(':memory:');
  const newRows = await db.change(`COPY (
      SELECT CPRNR AS cpr, strftime(CAST(Måned || '-01' AS DATE) + INTERVAL 1 MONTH, '%Y-%m') AS month, Løntimer AS wage_hours, Uddannelse AS in_education
      FROM read_csv(${sqlString(latest)}, delim = ';', header = true, encoding = 'latin-1', all_varchar = true)
      WHERE Måned = (SELECT max(Måned) FROM read_csv(${sqlString(latest)}, delim = ';', header = true, encoding = 'latin-1', all_varchar = true))
    ) TO ${sqlString(next)} (HEADER, DELIMITER ';')`);
  db.close();
  let workerStartSeconds = 0;
  const reporter = {
    event: (e: { event: string; startSeconds?: number }) => {
      if (e.event === 'worker') workerStartSeconds = e.startSeconds ?? 0;
    },
  };
  const t2 = performance.now();
  await run({ inbox, out, asOf: opts.asOf, config: parseConfig({ duckdb }), key: DEMO_KEY, reporter });
  const seconds = (performance.now() - t2) / 1000;
  const m2 = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Manifest;
  await rm(next, { force: true });
  return {
    newRows,
    seconds,
    shareOfFull: seconds / runSeconds,
    ingestSeconds: m2.stages.find((s) => s.name === 'ingest')!.seconds,
    workerStartSeconds,
    stages: m2.stages.map((s) => ({ name: s.name, seconds: s.seconds })),
  };
}

/**
 * What the measured run is seen doing: the peak RSS of this process, in all and per stage from the
 * run's own stage events, and what its events say of the ingest worker and the sites. Only while
 * `measuring`: the floor and the next night run afterwards in the same process and are not counted.
 */
function runObserver() {
  const o = {
    measuring: false,
    peakRss: 0,
    stagePeak: new Map<string, number>(),
    workerPeakMiB: 0,
    workerStartSeconds: 0,
    combinedMiB: 0,
    siteSeconds: 0,
  };
  let stage: string | undefined;
  const sample = () => {
    if (!o.measuring) return;
    const rss = process.memoryUsage().rss;
    o.peakRss = Math.max(o.peakRss, rss);
    if (stage) o.stagePeak.set(stage, Math.max(o.stagePeak.get(stage) ?? 0, rss));
  };
  const reporter = {
    event(e: {
      stage: string;
      event: string;
      maxRssMiB?: unknown;
      seconds?: unknown;
      startSeconds?: unknown;
    }) {
      sample();
      if (e.event === 'site' && o.measuring) o.siteSeconds = Number(e.seconds);
      if (e.event === 'worker' && o.measuring) {
        // The worker has exited: while it ran, this process held at most its ingest peak so far.
        o.workerPeakMiB = Number(e.maxRssMiB);
        o.workerStartSeconds = Number(e.startSeconds);
        o.combinedMiB = Math.round((o.stagePeak.get('ingest') ?? 0) / 2 ** 20) + o.workerPeakMiB;
      }
      if (e.event === 'start') stage = e.stage;
      if (e.event === 'done') stage = undefined;
    },
  };
  return { o, sample, reporter };
}

export async function benchmark(opts: BenchOptions): Promise<BenchResult> {
  const scale = opts.persons / PERSONS_PER_SCALE;
  const inbox = join(opts.dir, `inbox-${opts.persons}x${opts.months}`);
  const out = join(opts.dir, `out-${opts.persons}x${opts.months}`);
  const { o, sample, reporter } = runObserver();
  const sampler = setInterval(sample, 50);
  try {
    const t0 = performance.now();
    const reuse = opts.reuseInbox && (await stat(join(inbox, '.kpi-demo-inbox')).catch(() => undefined));
    if (!reuse)
      await writeDemoInbox(inbox, { asOf: opts.asOf, scale, from: monthsBefore(opts.asOf, opts.months) });
    const generateSeconds = (performance.now() - t0) / 1000;
    // The run reads the inbox first and the floor after it: without this, the run would pay for
    // reading cold files from disk and the floor would find them in the page cache.
    const tw = performance.now();
    await warm(inbox);
    const warmSeconds = (performance.now() - tw) / 1000;
    await rm(out, { recursive: true, force: true });
    const duckdb = {
      ...(opts.memoryLimit ? { memoryLimit: opts.memoryLimit } : {}),
      ...(opts.tempDirectory ? { tempDirectory: opts.tempDirectory } : {}),
      ...(opts.threads ? { threads: opts.threads } : {}),
    };
    const t1 = performance.now();
    o.measuring = true;
    sample();
    await run({ inbox, out, asOf: opts.asOf, config: parseConfig({ duckdb }), key: DEMO_KEY, reporter });
    sample();
    o.measuring = false;
    const runSeconds = (performance.now() - t1) / 1000;
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Manifest;
    await warm(inbox); // the run has written gigabytes since: the floor, too, starts from cached files
    const floor = await measureFloor(inbox, manifest, opts, opts.dir);
    const incremental = opts.incremental
      ? await nextNight(inbox, out, opts, duckdb, manifest, runSeconds)
      : null;
    const rows: Record<string, number> = {};
    for (const i of manifest.inputs) rows[i.extract] = (rows[i.extract] ?? 0) + i.rowsRead;
    return {
      date: new Date().toISOString().slice(0, 10),
      persons: opts.persons,
      months: opts.months,
      scale,
      rows,
      rowsTotal: manifest.totals.rowsRead,
      inputBytes: await du(inbox),
      stages: manifest.stages.map((s) => ({
        ...s,
        peakRssMiB: Math.round((o.stagePeak.get(s.name) ?? 0) / 2 ** 20),
      })),
      runSeconds,
      generateSeconds,
      warmSeconds,
      rowsPerSecond: Math.round(manifest.totals.rowsRead / runSeconds),
      floor,
      ratio: runSeconds / floor.seconds,
      incremental,
      peakRssMiB: Math.max(Math.round(o.peakRss / 2 ** 20), o.combinedMiB),
      rss: { mainMiB: Math.round(o.peakRss / 2 ** 20), ingestWorkerMiB: o.workerPeakMiB },
      workerStartSeconds: o.workerStartSeconds,
      site: { seconds: o.siteSeconds, publicBytes: await du(join(out, 'public', 'site')) },
      outputs: {
        publicBytes: await du(join(out, 'public')),
        restrictedBytes: await du(join(out, 'restricted')),
        warehouseBytes: (await stat(join(out, 'restricted', 'warehouse.duckdb'))).size,
      },
      duckdb: { memoryLimit: opts.memoryLimit ?? null, threads: opts.threads ?? null },
    };
  } finally {
    clearInterval(sampler);
  }
}

const mib = (b: number) => `${(b / 2 ** 20).toFixed(1)} MiB`;

export function formatResult(r: BenchResult): string {
  const lines = [
    `${r.persons.toLocaleString('en')} persons × ${r.months} months (demo scale ${r.scale.toFixed(2)}), ${r.date}; input files read once beforehand (${r.warmSeconds.toFixed(1)} s) so the run and the floor both find them cached`,
    '',
    'extract              rows',
    ...Object.entries(r.rows).map(([e, n]) => `${e.padEnd(18)} ${String(n).padStart(11)}`),
    `${'total'.padEnd(18)} ${String(r.rowsTotal).padStart(11)}   (${mib(r.inputBytes)} of input files)`,
    '',
    'stage             seconds   peak RSS',
    ...r.stages.map(
      (s) =>
        `${s.name.padEnd(14)} ${s.seconds.toFixed(2).padStart(10)} ${`${s.peakRssMiB ?? '-'} MiB`.padStart(10)}`,
    ),
    `${'run'.padEnd(14)} ${r.runSeconds.toFixed(2).padStart(10)}   ${r.rowsPerSecond.toLocaleString('en')} rows/s; the ingest worker took ${r.workerStartSeconds.toFixed(2)} s to start`,
    `${'floor'.padEnd(14)} ${r.floor.seconds.toFixed(2).padStart(10)}   (DuckDB alone, ${r.floor.kind === 'file' ? 'in a database file' : 'in memory'}: typed read ${r.floor.readSeconds.toFixed(2)} s, KPI aggregation ${r.floor.kpiSeconds.toFixed(2)} s)`,
    `${'ratio'.padEnd(14)} ${r.ratio.toFixed(2).padStart(10)}   run / floor (goal ≤ 3)`,
    ...(r.incremental
      ? [
          `${'next night'.padEnd(14)} ${r.incremental.seconds.toFixed(2).padStart(10)}   one new month (${r.incremental.newRows.toLocaleString('en')} rows): ${(r.incremental.shareOfFull * 100).toFixed(0)} % of the full run (goal ≤ 20 % on the demo, ≤ 10 % nationally): ${r.incremental.stages.map((s) => `${s.name} ${s.seconds.toFixed(2)} s`).join(', ')}; the worker's start ${r.incremental.workerStartSeconds.toFixed(2)} s of ingest`,
        ]
      : []),
    '',
    `peak RSS         ${r.peakRssMiB} MiB (the run: main process ${r.rss.mainMiB} MiB, ingest worker ${r.rss.ingestWorkerMiB} MiB; ingest counts both)`,
    `site             ${r.site.seconds.toFixed(2)} s to write both sites (goal ≤ 2 s on the demo); public site ${mib(r.site.publicBytes)} (goal ≤ 5 MiB)`,
    `outputs          public ${mib(r.outputs.publicBytes)}, restricted ${mib(r.outputs.restrictedBytes)} (warehouse ${mib(r.outputs.warehouseBytes)})`,
    `DuckDB           memory limit ${r.duckdb.memoryLimit ?? 'default (80 % of RAM)'}, threads ${r.duckdb.threads ?? 'all cores'}`,
  ];
  return lines.join('\n');
}

/** How each stage's time grows from the smallest size to the others, per row (1.0 = linear). */
export function formatScaling(results: BenchResult[]): string {
  const base = results[0]!;
  const names = [...base.stages.map((s) => s.name), 'run', 'floor'];
  const secs = (r: BenchResult, n: string) =>
    n === 'run'
      ? r.runSeconds
      : n === 'floor'
        ? r.floor.seconds
        : (r.stages.find((s) => s.name === n)?.seconds ?? 0);
  const header = [
    'stage'.padEnd(12),
    ...results.map((r) => `${r.rowsTotal.toLocaleString('en')} rows`.padStart(18)),
  ].join('');
  const lines = [header];
  for (const n of names) {
    const cells = results.map((r) => {
      const growth = secs(r, n) / Math.max(secs(base, n), 1e-3) / (r.rowsTotal / base.rowsTotal);
      return `${secs(r, n).toFixed(2)} s (${growth.toFixed(2)})`.padStart(18);
    });
    lines.push([n.padEnd(12), ...cells].join(''));
  }
  lines.push(
    '',
    '(in brackets: time growth ÷ row growth against the smallest size; ≤ 1 is linear or better)',
  );
  return lines.join('\n');
}
