/**
 * What a run needs from the machine it runs on: its id, the code's version (package.json and the git
 * commit, for the manifest), and DuckDB's memory and spill settings.
 */

import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { totalmem } from 'node:os';
import { basename, join } from 'node:path';
import type { Config } from '../../schemas/config.ts';
import type { DbOptions } from '../duckdb.ts';

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
  const root = new URL('../../', import.meta.url);
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
 * on a national inbox comes to several hundred MiB on top of the limit; with 80 % ingest takes no
 * longer (it spills to the same temp folder). Measured in docs/performance.md.
 */
const WORKER_MEMORY_SHARE = 0.8;

export function workerDuckdbOptions(workDir: string, config: Config): DbOptions & { tempDirectory: string } {
  const options = duckdbOptions(workDir, config);
  return { ...options, memoryLimit: scaleMemoryLimit(options.memoryLimit, WORKER_MEMORY_SHARE) };
}

/**
 * The ingest worker's memory bound (limits.workerMemoryBytes, docs/security.md): by default half of
 * the machine's memory, which a national inbox stays far below (docs/performance.md). Past it, the file
 * the worker was reading is rejected and the rest of the inbox is read (ingest/isolated.ts).
 */
export function workerMemoryLimit(config: Config): number {
  return config.limits.workerMemoryBytes ?? Math.round(totalmem() / 2);
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
