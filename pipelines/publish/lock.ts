/**
 * One run at a time per --out (docs/privacy-and-reliability.md). The lock file names its holder; a lock whose
 * holder is gone is taken over, and that must never strand a night:
 * - a holder killed with kill -9 is a zombie until it is reaped, and `kill(pid, 0)` still succeeds on
 *   a zombie; on Linux the process's state in /proc tells;
 * - after a reboot, or much later, the recorded pid may belong to an unrelated process; the holder's
 *   boot id and process start time (from /proc) tell;
 * - where there is no /proc (macOS, Windows) or the holder runs on another host, the holder renews the
 *   lock file's modification time every few seconds (a heartbeat, as proper-lockfile does), and a lock
 *   whose heartbeat has stopped for a minute is stale.
 */
import { existsSync, readFileSync } from 'node:fs';
import { open, readFile, rm, stat, utimes } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { RunError } from '../errors.ts';
import { t } from '../i18n/index.ts';

export interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
  runId: string;
  /** Linux: the boot the holder started in (/proc/sys/kernel/random/boot_id). */
  boot?: string;
  /** Linux: the holder's start time in clock ticks since boot (/proc/<pid>/stat, field 22). */
  procStart?: string;
}

const HEARTBEAT_MS = 10_000;
/** A lock whose heartbeat is this old is stale (six missed beats). */
export const STALE_AFTER_MS = 60_000;
/** A holder that was just killed may need a moment to die; this long is waited before refusing. */
const DYING_WAIT_MS = 1_500;
/** A lock file that cannot be read yet may be one another run is writing right now. */
const HALF_WRITTEN_MS = 5_000;

const PROC = existsSync('/proc/self/stat');

/** A process's state letter and start time from /proc; null when there is no such process. */
export function procStat(pid: number): { state: string; start: string } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
    const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: rest[0] ?? '', start: rest[19] ?? '' };
  } catch {
    return null;
  }
}

function bootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return undefined;
  }
}

// Stryker disable all: used only where there is no /proc (not Linux); the tests run on Linux
function signalable(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// Stryker restore all

/** Whether the recorded holder still runs, as far as this machine can tell. */
function holderLives(holder: LockInfo, heartbeatAgeMs: number, me: { host: string; boot?: string }): boolean {
  const beating = heartbeatAgeMs < STALE_AFTER_MS;
  if (holder.host !== me.host) return beating;
  // Stryker disable next-line all: a branch for Windows or a system without /proc; the tests run on Linux
  if (!PROC) return signalable(holder.pid) && beating;
  if (holder.boot && me.boot && holder.boot !== me.boot) return false; // the machine restarted since
  const proc = procStat(holder.pid);
  if (!proc || proc.state === 'Z' || proc.state === 'X') return false; // gone, or a zombie being reaped
  // The pid was reused by a process that started at another time.
  if (holder.procStart) return proc.start === holder.procStart;
  // A lock from a version without the start time: the heartbeat decides.
  return beating;
}

export interface Lock {
  release(): Promise<void>;
  tookOverFrom?: LockInfo;
}

export async function acquireLock(outDir: string, runId: string, mode = 0o600): Promise<Lock> {
  const path = join(outDir, '.lock');
  const boot = bootId();
  const me: LockInfo = {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
    runId,
    ...(boot ? { boot } : {}),
    ...(PROC ? { procStart: procStat(process.pid)?.start } : {}),
  };
  let tookOverFrom: LockInfo | undefined;
  const giveUpAt = Date.now() + DYING_WAIT_MS;
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      const fh = await open(path, 'wx', mode);
      await fh.writeFile(JSON.stringify(me));
      await fh.close();
      const beat = setInterval(() => {
        const now = new Date();
        utimes(path, now, now).catch(() => {});
      }, HEARTBEAT_MS);
      beat.unref();
      return {
        tookOverFrom,
        release: async () => {
          clearInterval(beat);
          await rm(path, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const mtime = (await stat(path).catch(() => undefined))?.mtimeMs;
    if (mtime === undefined) continue; // released meanwhile: try again
    let holder: LockInfo | undefined;
    try {
      holder = JSON.parse(await readFile(path, 'utf8')) as LockInfo;
    } catch {
      holder = undefined;
    }
    const age = Date.now() - mtime;
    const lives = holder ? holderLives(holder, age, me) : age < HALF_WRITTEN_MS;
    if (lives) {
      if (Date.now() < giveUpAt) {
        await new Promise((r) => setTimeout(r, 100));
        continue;
      }
      if (!holder) {
        throw new RunError(t('lock.starting', { out: outDir, path }));
      }
      if (holder.host !== me.host) {
        throw new RunError(
          t('lock.otherHost', {
            out: outDir,
            host: holder.host,
            pid: holder.pid,
            startedAt: holder.startedAt,
            seconds: STALE_AFTER_MS / 1000,
          }),
        );
      }
      throw new RunError(
        t('lock.busy', { out: outDir, pid: holder.pid, startedAt: holder.startedAt, runId: holder.runId }),
      );
    }
    tookOverFrom = holder;
    await rm(path, { force: true });
  }
  throw new RunError(t('lock.contended', { path }));
}
