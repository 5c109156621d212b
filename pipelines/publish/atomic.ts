/**
 * Atomic publishing (docs/privacy-and-reliability.md): a run writes everything into <out>/.runs/<runId>/ and
 * then switches the `current` link to it with one rename. `public` and `restricted` are links through
 * `current`, so a reader sees either the old run or the new one, never a mix. The last few runs stay
 * for rollback.
 */
import { copyFile, lstat, mkdir, readdir, readlink, rename, rm, stat, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { runHolders } from './readers.ts';

export const RUNS_DIR = '.runs';
// Stryker disable next-line all: a branch for Windows or a system without /proc; the tests run on Linux
const LINK_TYPE = process.platform === 'win32' ? 'junction' : 'dir';

export function runDir(outDir: string, runId: string): string {
  return join(outDir, RUNS_DIR, runId);
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

/** The run directory `current` points at, if any. */
export async function currentRun(outDir: string): Promise<string | undefined> {
  try {
    const target = await readlink(join(outDir, 'current'));
    return target.split(/[\\/]/).pop();
  } catch {
    return undefined;
  }
}

async function ensureLink(outDir: string, name: string): Promise<void> {
  const path = join(outDir, name);
  const target = join('current', name);
  try {
    const st = await lstat(path);
    if (st.isSymbolicLink() && (await readlink(path)) === target) return;
    // Something else (an older layout or a hand-made folder) is in the way: keep it aside, never delete it.
    await rename(path, `${path}.before-${Date.now()}`);
  } catch {
    /* missing: create below */
  }
  await symlink(target, path, LINK_TYPE);
}

/** What pruning did: the runs it removed, and the older runs it kept because a process holds them open. */
export interface Pruned {
  removed: string[];
  heldOpen: { runId: string; pids: number[] }[];
}

export async function switchTo(outDir: string, runId: string, keepRuns: number): Promise<Pruned> {
  const tmp = join(outDir, `.current-${runId}`);
  await rm(tmp, { force: true });
  await symlink(join(RUNS_DIR, runId), tmp, LINK_TYPE);
  await rename(tmp, join(outDir, 'current'));
  await ensureLink(outDir, 'public');
  await ensureLink(outDir, 'restricted');
  // manifest.json at the top level: a copy, replaced by rename so it is never half-written.
  const manifestTmp = join(outDir, `.manifest-${runId}.json`);
  await copyFile(join(runDir(outDir, runId), 'manifest.json'), manifestTmp);
  await rename(manifestTmp, join(outDir, 'manifest.json'));
  return pruneRuns(outDir, runId, keepRuns);
}

/**
 * Runs in the order they were published: by the time their manifest was written, then by name. A run id
 * has whole seconds and a random suffix, so two runs in the same second do not sort by name alone.
 */
async function oldestFirst(dir: string, runs: string[]): Promise<string[]> {
  const written = new Map<string, number>();
  for (const r of runs) {
    written.set(
      r,
      await stat(join(dir, r, 'manifest.json')).then(
        (s) => s.mtimeMs,
        () => 0,
      ),
    );
  }
  return [...runs].sort((a, b) => written.get(a)! - written.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Keeps the newest `keepRuns` runs, the one just published among them. An older run that a process still
 * holds open (readers.ts) is kept too, and removed by a later run once it is let go.
 */
async function pruneRuns(outDir: string, keep: string, keepRuns: number): Promise<Pruned> {
  const dir = join(outDir, RUNS_DIR);
  const runs = await oldestFirst(
    dir,
    (await readdir(dir)).filter((d) => !d.startsWith('.')),
  );
  const old = runs.filter((r) => r !== keep).slice(0, Math.max(0, runs.length - keepRuns));
  const holders = await runHolders(dir, old);
  const removed = old.filter((r) => !holders.has(r));
  for (const r of removed) await rm(join(dir, r), { recursive: true, force: true });
  return { removed, heldOpen: [...holders].map(([runId, pids]) => ({ runId, pids })) };
}

/** Leftovers of runs that died before publishing: never published, safe to remove under the lock. */
export async function removeUnpublished(outDir: string): Promise<void> {
  const current = await currentRun(outDir);
  const dir = join(outDir, RUNS_DIR);
  if (await exists(join(dir))) {
    for (const r of await readdir(dir)) {
      if (r.startsWith('.staging-') || (r !== current && !(await exists(join(dir, r, 'manifest.json'))))) {
        await rm(join(dir, r), { recursive: true, force: true });
      }
    }
  }
  await rm(join(outDir, '.work'), { recursive: true, force: true });
  for (const f of (await exists(outDir)) ? await readdir(outDir) : []) {
    if (f.startsWith('.current-') || f.startsWith('.manifest-')) await rm(join(outDir, f), { force: true });
  }
  await mkdir(dir, { recursive: true });
}
