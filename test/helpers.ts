/** Shared test helpers: a test key, temp folders, and an in-process pipeline run. */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../pipelines/cli.ts';
import { loadConfig, parseConfig } from '../pipelines/config.ts';
import { zipEntries } from '../pipelines/core/zip.ts';
import { lollandConfig } from '../pipelines/demo/lolland.ts';
import { Db } from '../pipelines/duckdb.ts';
import type { KpiDefinition } from '../pipelines/kpis/catalogue.ts';
import type { Reporter } from '../pipelines/log.ts';
import { run } from '../pipelines/run.ts';
import type { KpisJson, Manifest } from '../schemas/outputs.ts';

export const TEST_KEY = 'test-key-for-the-test-suite-only-0123456789';

export async function tempDir(prefix = 'kpi-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/**
 * Lolland's configuration (the lolland pack: its strategy and its two contracts, unshifted) under
 * `extra`: what the tests on the Lolland-shaped fixtures run with, since nothing of it is built in.
 */
export function lolland(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const base = lollandConfig();
  return { ...base, ...extra, kpis: { ...(base.kpis as object), ...((extra.kpis as object) ?? {}) } };
}

/** lolland(extra) as a configuration file, for the command line. */
export async function lollandFile(extra: Record<string, unknown> = {}): Promise<string> {
  const file = join(await tempDir('kpi-config-'), 'kpi.config.json');
  await writeFile(file, JSON.stringify(lolland(extra)));
  return file;
}

export async function runInbox(
  inbox: string,
  opts: {
    asOf: string;
    configFile?: string;
    config?: unknown;
    out?: string;
    key?: string;
    reporter?: Reporter;
  },
): Promise<{ out: string; kpis: KpisJson; manifest: Manifest }> {
  const out = opts.out ?? (await tempDir('kpi-out-'));
  const config = opts.configFile ? await loadConfig(opts.configFile) : parseConfig(opts.config ?? {});
  await run({ inbox, out, asOf: opts.asOf, config, key: opts.key ?? TEST_KEY, reporter: opts.reporter });
  const kpis = JSON.parse(await readFile(join(out, 'public', 'kpis.json'), 'utf8')) as KpisJson;
  const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Manifest;
  return { out, kpis, manifest };
}

/** "3/34" -> 3/34 as the float a correctly rounded division gives; "2" -> 2. */
export function fraction(s: string): number {
  const [n, d] = s.split('/');
  return d === undefined ? Number(n) : Number(n) / Number(d);
}

/** The stages of a run, in order, as the manifest and the logs name them. */
export const STAGES = ['ingest', 'warehouse', 'trust', 'kpis', 'contracts', 'publish', 'report'];

/** Rows of a query against a run's published warehouse copy. */
export async function warehouseRows(out: string, sql: string): Promise<unknown[]> {
  const db = await Db.open(join(out, 'restricted', 'warehouse.duckdb'), { readOnly: true });
  try {
    return await db.all(sql);
  } finally {
    db.close();
  }
}

/** The command line in this process, with the test key: exit code, stdout and stderr. */
export async function cli(
  args: string[],
  env: NodeJS.ProcessEnv = { KPI_PSEUDONYM_KEY: TEST_KEY },
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (add: (s: string) => void) =>
    new Writable({
      write: (chunk, _e, cb) => {
        add(String(chunk));
        cb();
      },
    });
  const code = await main(
    args,
    env,
    sink((s) => {
      stdout += s;
    }),
    sink((s) => {
      stderr += s;
    }),
  );
  return { code, stdout, stderr };
}

/** `kpi run` in a child process, paused at a stage by the fault-injection point. */
export function spawnRun(
  inbox: string,
  out: string,
  pauseAt?: string,
  extraEnv: Record<string, string> = {},
): { child: ChildProcess; paused: Promise<void>; done: Promise<number | null>; stderr: () => string } {
  const child = spawn(
    process.execPath,
    [
      join(import.meta.dirname, '..', 'bin', 'kpi.js'),
      'run',
      '--inbox',
      inbox,
      '--out',
      out,
      '--as-of',
      '2025-03-01',
      '--json',
    ],
    {
      env: {
        PATH: process.env.PATH,
        KPI_PSEUDONYM_KEY: TEST_KEY,
        ...extraEnv,
        ...(pauseAt ? { KPI_FAULT_PAUSE: pauseAt } : {}),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let err = '';
  const paused = new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (d) => {
      err += String(d);
      if (err.includes('"event":"paused"')) resolve();
    });
    child.on('exit', () => reject(new Error(`the run ended before it paused:\n${err}`)));
  });
  const done = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  paused.catch(() => {});
  return { child, paused, done, stderr: () => err };
}

/** Every file under `dir`, followed through links; a file that vanishes while walking is left out. */
export function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) return [];
    return st.isDirectory() ? walk(p) : [p];
  });
}

/** sha256 of every published file, read through the public/restricted links, and of the manifest. */
export function snapshot(out: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const top of ['public', 'restricted']) {
    for (const f of walk(join(out, top)))
      files[relative(out, f)] = createHash('sha256').update(readFileSync(f)).digest('hex');
  }
  files['manifest.json'] = createHash('sha256')
    .update(readFileSync(join(out, 'manifest.json')))
    .digest('hex');
  return files;
}

/** A share KPI for unit tests: yearly, rising, 2 % a year from its 2020 baseline; `over` changes any part. */
export const testKpi = (over: Partial<KpiDefinition> = {}): KpiDefinition => ({
  id: 'k',
  title: 'K',
  definition: '',
  unit: 'share',
  grain: 'year',
  direction: 'increase',
  baseline: { period: '2020' },
  target: { rule: 'relative_growth', perYear: 0.02 },
  source: 'test',
  extracts: ['employment'],
  ...over,
});

/**
 * One file of a zip archive (an .xlsx's `xl/workbook.xml`, say), found through the central directory:
 * for the parts of a workbook that exceljs does not read back.
 */
export function zipEntry(file: string, name: string): string {
  const entry = zipEntries(readFileSync(file)).find((e) => e.name === name);
  if (!entry) throw new Error(`${name} is not in ${file}`);
  return entry.data.toString('utf8');
}
