/** Reading what the previous run published, and writing this run's files. */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KpisJson } from '../../schemas/outputs.ts';
import type { Volumes } from '../guard/volumes.ts';

export async function readPrevious(outDir: string): Promise<KpisJson | undefined> {
  try {
    return KpisJson.parse(JSON.parse(await readFile(join(outDir, 'public', 'kpis.json'), 'utf8')));
  } catch {
    return undefined;
  }
}

/** The parts of the previous published manifest a run compares against (an older one may lack some). */
export interface PreviousManifest {
  runId?: string;
  asOf?: string;
  /** The code that published it: a chart it drew is reused only by the same code (report/charts.ts). */
  codeVersion?: string;
  keyFingerprint?: string;
  volumes?: Volumes;
  municipality?: { code: string; name: string };
  municipalities?: string[];
  inbox?: string;
}

export async function readPreviousManifest(outDir: string): Promise<PreviousManifest | undefined> {
  return readFile(join(outDir, 'manifest.json'), 'utf8')
    .then((t) => JSON.parse(t) as PreviousManifest)
    .catch(() => undefined);
}

export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(p)));
    else out.push(p);
  }
  return out.sort();
}

export async function writeJson(path: string, value: unknown): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, `${JSON.stringify(value, null, 2)}\n`, 'utf8');
}
