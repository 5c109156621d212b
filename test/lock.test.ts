/**
 * One run at a time per --out (docs/privacy-and-reliability.md), on lock files written by hand: who is
 * refused with which message, and which holders are taken over. The kill -9 cases with real processes
 * are in test/reliability.test.ts.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RunError } from '../pipelines/errors.ts';
import { acquireLock, type LockInfo, procStat, STALE_AFTER_MS } from '../pipelines/publish/lock.ts';
import { tempDir } from './helpers.ts';

// Read in beforeAll, not when the module loads: a failure there fails the tests (mutation testing counts
// a file that fails to load as no failure at all).
let ME: { host: string; boot: string; procStart: string };
beforeAll(() => {
  const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  ME = { host: hostname(), boot, procStart: procStat(process.pid)!.start };
});

/** A pid that no process has now: a child that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

async function lockedBy(holder: Partial<LockInfo>, ageMs = 0): Promise<string> {
  const out = await tempDir('kpi-lock-');
  const info = { pid: process.pid, startedAt: '2027-01-01T02:00:00.000Z', runId: 'R1', ...ME, ...holder };
  writeFileSync(join(out, '.lock'), JSON.stringify(info));
  const t = (Date.now() - ageMs) / 1000;
  utimesSync(join(out, '.lock'), t, t);
  return out;
}

async function refusal(out: string): Promise<string> {
  try {
    await acquireLock(out, 'R2');
  } catch (e) {
    expect(e).toBeInstanceOf(RunError);
    return (e as Error).message;
  }
  throw new Error('the lock was taken');
}

describe('taking the lock', () => {
  it('writes who holds it (pid, host, run, boot and start time), for the owner only, and removes it on release', async () => {
    const out = await tempDir('kpi-lock-');
    const lock = await acquireLock(out, 'R1');
    const info = JSON.parse(readFileSync(join(out, '.lock'), 'utf8')) as LockInfo;
    expect(info).toMatchObject({ pid: process.pid, runId: 'R1', ...ME });
    expect(Date.now() - Date.parse(info.startedAt)).toBeLessThan(60_000);
    expect(statSync(join(out, '.lock')).mode & 0o777).toBe(0o600);
    expect(lock.tookOverFrom).toBeUndefined();
    await lock.release();
    expect(existsSync(join(out, '.lock'))).toBe(false);
    // The group mode of restrictedGroup.
    const grouped = await acquireLock(out, 'R3', 0o640);
    expect(statSync(join(out, '.lock')).mode & 0o777).toBe(0o640);
    await grouped.release();
  });

  it('refuses while a live holder has it, naming its pid, start and run', async () => {
    const out = await lockedBy({});
    expect(await refusal(out)).toBe(
      `En anden kørsel bruger ${out}: pid ${process.pid}, startet 2027-01-01T02:00:00.000Z (kørsel R1). Vent, til den er færdig; kun én kørsel ad gangen må skrive til samme --out.`,
    );
  });

  it('takes over from a holder that is gone, one from before a reboot, and one whose pid is now another process', async () => {
    for (const holder of [
      { pid: deadPid() },
      { boot: 'another-boot' },
      { procStart: String(Number(ME.procStart) + 1) },
    ]) {
      const out = await lockedBy(holder);
      const lock = await acquireLock(out, 'R2');
      expect(lock.tookOverFrom, JSON.stringify(holder)).toMatchObject({ runId: 'R1', ...holder });
      expect(JSON.parse(readFileSync(join(out, '.lock'), 'utf8')).runId).toBe('R2');
      await lock.release();
    }
  });

  it('a lock written by a version without the start time: the heartbeat decides', async () => {
    const fresh = await lockedBy({ procStart: undefined });
    expect(await refusal(fresh)).toContain(`pid ${process.pid}`);
    const stale = await lockedBy({ procStart: undefined }, STALE_AFTER_MS + 5_000);
    const lock = await acquireLock(stale, 'R2');
    expect(lock.tookOverFrom?.runId).toBe('R1');
    await lock.release();
  });

  it('a holder on another host: refused while its heartbeat beats, taken over a minute after it stopped', async () => {
    const beating = await lockedBy({ host: 'other-host', pid: 4242 }, STALE_AFTER_MS - 10_000);
    expect(await refusal(beating)).toBe(
      `${beating} er låst af en kørsel på værten other-host (pid 4242, startet 2027-01-01T02:00:00.000Z). Låsen overtages, når dens hjerteslag har været stoppet i 60 s.`,
    );
    const stopped = await lockedBy({ host: 'other-host', pid: 4242 }, STALE_AFTER_MS + 1_000);
    const lock = await acquireLock(stopped, 'R2');
    expect(lock.tookOverFrom?.host).toBe('other-host');
    await lock.release();
  });

  it('a lock file being written right now is waited for; one left half-written is taken over', async () => {
    const out = await tempDir('kpi-lock-');
    writeFileSync(join(out, '.lock'), '{"pid": 12');
    expect(await refusal(out)).toBe(
      `En anden kørsel er ved at starte på ${out} (${join(out, '.lock')} skrives netop nu). Prøv igen.`,
    );
    const old = (Date.now() - 10_000) / 1000;
    utimesSync(join(out, '.lock'), old, old);
    const lock = await acquireLock(out, 'R2');
    expect(lock.tookOverFrom).toBeUndefined();
    await lock.release();
  });

  it('a live holder from a version without the boot id is still alive', async () => {
    const out = await lockedBy({ boot: undefined });
    expect(await refusal(out)).toContain(`pid ${process.pid}`);
  });

  it('a holder that is a zombie (exited, not yet reaped) is gone; one that dies within a moment is waited for', async () => {
    // sh starts a child and then becomes sleep, which never reaps it. The child exits a moment after
    // the exec: had it exited before, sh could have reaped it first (under load it did).
    const parent = spawn('sh', ['-c', 'sleep 0.3 & echo $!; exec sleep 30'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    try {
      const zombie = Number(
        await new Promise<string>((r) => parent.stdout!.once('data', (d) => r(String(d)))),
      );
      let st = procStat(zombie);
      for (let i = 0; i < 150 && st?.state !== 'Z'; i++) {
        await new Promise((r) => setTimeout(r, 20));
        st = procStat(zombie);
      }
      expect(st?.state).toBe('Z');
      const out = await lockedBy({ pid: zombie, procStart: st!.start });
      const lock = await acquireLock(out, 'R2');
      expect(lock.tookOverFrom?.pid).toBe(zombie);
      await lock.release();
    } finally {
      parent.kill('SIGKILL');
    }
    // A holder that exits 300 ms from now: the run waits for it and takes over instead of refusing.
    const dying = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 300)']);
    await new Promise((r) => dying.once('spawn', r));
    const out = await lockedBy({ pid: dying.pid!, procStart: procStat(dying.pid!)!.start });
    const lock = await acquireLock(out, 'R2');
    expect(lock.tookOverFrom?.pid).toBe(dying.pid);
    await lock.release();
  });

  it('an --out folder that does not exist is an error of its own, not a busy lock', async () => {
    const out = join(await tempDir('kpi-lock-'), 'missing');
    await expect(acquireLock(out, 'R1')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('procStat reads the state and start time of a process, and null for none', () => {
    const me = procStat(process.pid)!;
    expect(me.state).toMatch(/^[RS]$/);
    expect(me.start).toMatch(/^\d+$/);
    expect(procStat(deadPid())).toBeNull();
  });
});
