/**
 * Who holds a published run open (docs/privacy-and-reliability.md, keeping runs). A BI tool or an analyst's
 * shell may be reading an older run when a new one is published; pruning must not pull the folder away
 * under it. On Linux, /proc names every open file, memory-mapped file and working directory of the
 * processes this user may see; elsewhere (or for other users' processes) nothing is known, and pruning
 * goes ahead as before.
 */
import { readdir, readFile, readlink, realpath } from 'node:fs/promises';
import { join, sep } from 'node:path';

/** The paths a process has open: its file descriptors, memory-mapped files and working directory. */
async function openPaths(pid: string): Promise<string[]> {
  const base = join('/proc', pid);
  const fds = await readdir(join(base, 'fd')).catch(() => [] as string[]);
  const links = await Promise.all(
    [...fds.map((fd) => join(base, 'fd', fd)), join(base, 'cwd')].map((l) => readlink(l).catch(() => '')),
  );
  const maps = await readFile(join(base, 'maps'), 'utf8').catch(() => '');
  return [...links, ...mappedPaths(maps)].filter((p) => p.startsWith('/'));
}

/**
 * The files named in a /proc/<pid>/maps text (proc(5)): a mapped file is the last field of its line,
 * after the inode; the path may itself contain spaces, and a file removed since ends in " (deleted)".
 */
export function mappedPaths(maps: string): string[] {
  return maps.split('\n').flatMap((line) => {
    const m = /^\S+ \S+ \S+ \S+ \d+ +(\/.*)$/.exec(line);
    return m ? [m[1]!.replace(/ \(deleted\)$/, '')] : [];
  });
}

/**
 * For each of `runs` (folder names under `runsDir`), the process ids that hold something in it open,
 * leaving out this process. Runs nobody holds are absent.
 */
export async function runHolders(runsDir: string, runs: string[]): Promise<Map<string, number[]>> {
  const held = new Map<string, number[]>();
  if (runs.length === 0) return held;
  // Stryker disable next-line all: a branch for Windows or a system without /proc; the tests run on Linux
  if (process.platform !== 'linux') return held;
  const root = await realpath(runsDir).catch(() => runsDir);
  const pids = (await readdir('/proc').catch(() => [] as string[])).filter(
    (p) => /^\d+$/.test(p) && Number(p) !== process.pid,
  );
  const wanted = new Set(runs);
  for (const pid of pids) {
    for (const path of await openPaths(pid)) {
      if (!path.startsWith(root + sep)) continue;
      const run = path.slice(root.length + 1).split(sep)[0]!;
      if (!wanted.has(run)) continue;
      const list = held.get(run) ?? [];
      if (!list.includes(Number(pid))) list.push(Number(pid));
      held.set(run, list);
    }
  }
  return held;
}
