/**
 * One run at a time per --out (privacy-and-reliability.md). The lock file names its holder; a lock whose
 * process is gone is taken over.
 */
import { open, readFile, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { RunError } from '../errors.ts';

interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
  runId: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface Lock {
  release(): Promise<void>;
  tookOverFrom?: LockInfo;
}

export async function acquireLock(outDir: string, runId: string): Promise<Lock> {
  const path = join(outDir, '.lock');
  const me: LockInfo = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), runId };
  let tookOverFrom: LockInfo | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fh = await open(path, 'wx');
      await fh.writeFile(JSON.stringify(me));
      await fh.close();
      return {
        tookOverFrom,
        release: async () => {
          await rm(path, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let holder: LockInfo | undefined;
      try {
        holder = JSON.parse(await readFile(path, 'utf8')) as LockInfo;
      } catch {
        holder = undefined; // half-written by a process that died: stale
      }
      if (holder && holder.host === me.host && alive(holder.pid)) {
        throw new RunError(
          `Another run is using ${outDir}: pid ${holder.pid}, started ${holder.startedAt} (run ${holder.runId}). ` +
            'Wait for it to finish; only one run at a time may write to the same --out.',
        );
      }
      if (holder && holder.host !== me.host) {
        throw new RunError(
          `${outDir} is locked by a run on host ${holder.host} (pid ${holder.pid}, started ${holder.startedAt}). ` +
            `If that run is certainly dead, delete ${path}.`,
        );
      }
      tookOverFrom = holder;
      await rm(path, { force: true });
    }
  }
  throw new RunError(`Could not take the lock ${path}; another run keeps taking it.`);
}
