/** Shared test helpers: a test key, temp folders, and an in-process pipeline run. */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, parseConfig } from '../pipelines/config.ts';
import type { Reporter } from '../pipelines/log.ts';
import { run } from '../pipelines/run.ts';
import type { KpisJson, Manifest } from '../schemas/outputs.ts';

export const TEST_KEY = 'test-key-for-the-test-suite-only-0123456789';

export async function tempDir(prefix = 'kpi-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
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
export const STAGES = ['ingest', 'warehouse', 'kpis', 'contracts', 'publish', 'report'];
