/**
 * Publishing by one rename, and keeping runs (docs/privacy-and-reliability.md), on folders made by hand:
 * which runs pruning keeps, that it never removes a run a process holds open, and what the clean-up
 * after a crash removes and keeps.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { currentRun, removeUnpublished, switchTo } from '../pipelines/publish/atomic.ts';
import { mappedPaths, runHolders } from '../pipelines/publish/readers.ts';
import { tempDir } from './helpers.ts';

/** A published run folder with its manifest written at `t` (seconds since 1970). */
function fakeRun(out: string, id: string, t: number): void {
  const dir = join(out, '.runs', id);
  mkdirSync(join(dir, 'public'), { recursive: true });
  mkdirSync(join(dir, 'restricted'), { recursive: true });
  writeFileSync(join(dir, 'public', 'kpis.json'), `{"runId":"${id}"}\n`);
  writeFileSync(join(dir, 'manifest.json'), `{"runId":"${id}"}\n`);
  utimesSync(join(dir, 'manifest.json'), t, t);
}

const runs = (out: string) =>
  readdirSync(join(out, '.runs'))
    .filter((d) => !d.startsWith('.'))
    .sort();

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

/** A process that holds `path` open (as a file, or as its working directory) until killed. */
async function holder(path: string, as: 'file' | 'cwd', cwd?: string): Promise<ChildProcess> {
  const code =
    as === 'file'
      ? `require('node:fs').openSync(${JSON.stringify(path)}, 'r'); console.log('ready'); setInterval(() => {}, 1000);`
      : `console.log('ready'); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['-e', code], {
    cwd: as === 'cwd' ? path : cwd,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
  return child;
}

describe('switching and pruning', () => {
  it('switches current, public and restricted to the new run and copies its manifest to the top', async () => {
    const out = await tempDir('kpi-atomic-');
    fakeRun(out, '20270101T010000Z-aaaaaa', 1000);
    const pruned = await switchTo(out, '20270101T010000Z-aaaaaa', 2);
    expect(pruned).toEqual({ removed: [], heldOpen: [] });
    expect(readlinkSync(join(out, 'current'))).toBe(join('.runs', '20270101T010000Z-aaaaaa'));
    expect(readlinkSync(join(out, 'public'))).toBe(join('current', 'public'));
    expect(readlinkSync(join(out, 'restricted'))).toBe(join('current', 'restricted'));
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe('{"runId":"20270101T010000Z-aaaaaa"}\n');
    expect(readFileSync(join(out, 'public', 'kpis.json'), 'utf8')).toContain('aaaaaa');
    expect(await currentRun(out)).toBe('20270101T010000Z-aaaaaa');
    expect(readdirSync(out).filter((f) => f.startsWith('.current-') || f.startsWith('.manifest-'))).toEqual(
      [],
    );
  });

  it('keeps exactly keepRuns runs, the last published, even when their names sort otherwise', async () => {
    const out = await tempDir('kpi-atomic-');
    // Four runs in the same second: the random suffixes sort against the order they were published.
    const ids = [
      '20270101T010000Z-ffffff',
      '20270101T010000Z-cccccc',
      '20270101T010000Z-bbbbbb',
      '20270101T010000Z-aaaaaa',
    ];
    for (const [i, id] of ids.entries()) fakeRun(out, id, 1000 + i);
    const pruned = await switchTo(out, ids[3]!, 2);
    expect(pruned.removed.sort()).toEqual([ids[0], ids[1]].sort());
    expect(runs(out)).toEqual([ids[3], ids[2]].sort());
    // keepRuns 1: only the current run.
    fakeRun(out, '20270101T010001Z-000000', 2000);
    await switchTo(out, '20270101T010001Z-000000', 1);
    expect(runs(out)).toEqual(['20270101T010001Z-000000']);
  });

  it('the run just published is kept even when an older manifest looks newer', async () => {
    const out = await tempDir('kpi-atomic-');
    fakeRun(out, 'a', 5000); // a clock that went back: the older run's manifest has the later time
    fakeRun(out, 'b', 1000);
    await switchTo(out, 'b', 1);
    expect(runs(out)).toEqual(['b']);
  });

  it('never removes a run a process holds open, by a file or as its working directory; a later run does', async () => {
    const out = await tempDir('kpi-atomic-');
    for (const [i, id] of ['r1', 'r2', 'r3', 'r4'].entries()) fakeRun(out, id, 1000 + i);
    const byFile = await holder(join(out, '.runs', 'r1', 'public', 'kpis.json'), 'file');
    const byCwd = await holder(join(out, '.runs', 'r2', 'public'), 'cwd');
    const pruned = await switchTo(out, 'r4', 1);
    expect(pruned.removed).toEqual(['r3']);
    expect(pruned.heldOpen.sort((a, b) => (a.runId < b.runId ? -1 : 1))).toEqual([
      { runId: 'r1', pids: [byFile.pid] },
      { runId: 'r2', pids: [byCwd.pid] },
    ]);
    expect(runs(out)).toEqual(['r1', 'r2', 'r4']);
    expect(readFileSync(join(out, '.runs', 'r1', 'public', 'kpis.json'), 'utf8')).toBe('{"runId":"r1"}\n');
    byFile.kill('SIGKILL');
    await new Promise((r) => byFile.once('exit', r));
    fakeRun(out, 'r5', 2000);
    expect((await switchTo(out, 'r5', 1)).removed.sort()).toEqual(['r1', 'r4']);
    expect(runs(out)).toEqual(['r2', 'r5']);
  });

  it('runHolders names only the runs asked about, and never this process', async () => {
    const out = await tempDir('kpi-atomic-');
    fakeRun(out, 'r1', 1000);
    fakeRun(out, 'r2', 1001);
    const child = await holder(join(out, '.runs', 'r1', 'public', 'kpis.json'), 'file');
    const dir = join(out, '.runs');
    expect(await runHolders(dir, ['r1', 'r2'])).toEqual(new Map([['r1', [child.pid]]]));
    expect(await runHolders(dir, ['r2'])).toEqual(new Map());
    expect(await runHolders(dir, [])).toEqual(new Map());
    const { openSync, closeSync } = await import('node:fs');
    const fd = openSync(join(dir, 'r2', 'public', 'kpis.json'), 'r'); // this process: not a reader to wait for
    try {
      expect((await runHolders(dir, ['r2'])).size).toBe(0);
    } finally {
      closeSync(fd);
    }
  });

  it('a process holding two files of a run is named once; mapped files are read from /proc/<pid>/maps', async () => {
    const out = await tempDir('kpi-atomic-');
    fakeRun(out, 'r1', 1000);
    const run = join(out, '.runs', 'r1');
    const child = await holder(join(run, 'public', 'kpis.json'), 'file', join(run, 'restricted'));
    expect(await runHolders(join(out, '.runs'), ['r1'])).toEqual(new Map([['r1', [child.pid]]]));
    const maps = [
      '55d0c6a00000-55d0c6a21000 rw-p 00000000 00:00 0                          [heap]',
      '7f1c2a000000-7f1c2a021000 r--p 00000000 08:01 1234                       /usr/lib/x86_64-linux-gnu/libc.so.6',
      '7f1c2b000000-7f1c2b100000 r--s 00000000 08:01 99                         /out/.runs/r1/restricted/warehouse.duckdb (deleted)',
      '7f1c2c000000-7f1c2c001000 r--s 00001000 08:01 100                        /out/.runs/r 2/a (deleted) copy/f',
      '7f1c2d000000-7f1c2d001000 ---p 00000000 00:00 0 ',
      '',
    ].join('\n');
    expect(mappedPaths(maps)).toEqual([
      '/usr/lib/x86_64-linux-gnu/libc.so.6',
      '/out/.runs/r1/restricted/warehouse.duckdb',
      '/out/.runs/r 2/a (deleted) copy/f',
    ]);
  });

  it('a public/ link that is already right is left as it is; one that points elsewhere is kept aside', async () => {
    const out = await tempDir('kpi-atomic-');
    fakeRun(out, 'r1', 1000);
    fakeRun(out, 'r2', 1001);
    await switchTo(out, 'r1', 5);
    await switchTo(out, 'r2', 5);
    expect(readdirSync(out).filter((f) => f.includes('.before-'))).toEqual([]);
    expect(readlinkSync(join(out, 'public'))).toBe(join('current', 'public'));
    const { rmSync, symlinkSync } = await import('node:fs');
    rmSync(join(out, 'restricted'));
    symlinkSync(join('.runs', 'r1', 'restricted'), join(out, 'restricted'));
    await switchTo(out, 'r2', 5);
    expect(readlinkSync(join(out, 'restricted'))).toBe(join('current', 'restricted'));
    const aside = readdirSync(out).filter((f) => f.startsWith('restricted.before-'));
    expect(aside.length).toBe(1);
    expect(readlinkSync(join(out, aside[0]!))).toBe(join('.runs', 'r1', 'restricted'));
  });

  it('orders runs by when their manifest was written, not their folder; a run without one is the oldest; a tie goes by name', async () => {
    const out = await tempDir('kpi-atomic-');
    // Folders touched in the opposite order of their manifests.
    fakeRun(out, 'b', 3000);
    fakeRun(out, 'a', 2000);
    fakeRun(out, 'c', 1000);
    utimesSync(join(out, '.runs', 'b'), 1000, 1000);
    utimesSync(join(out, '.runs', 'c'), 3000, 3000);
    mkdirSync(join(out, '.runs', 'z', 'public'), { recursive: true }); // no manifest
    mkdirSync(join(out, '.runs', '.staging-x', 'public'), { recursive: true });
    fakeRun(out, 'd', 4000);
    const pruned = await switchTo(out, 'd', 3);
    expect(pruned).toEqual({ removed: ['z', 'c'], heldOpen: [] });
    expect(runs(out)).toEqual(['a', 'b', 'd']);
    expect(existsSync(join(out, '.runs', '.staging-x'))).toBe(true); // not a run: the clean-up's business
    // Two manifests written in the same instant: the name decides.
    const tie = await tempDir('kpi-atomic-');
    fakeRun(tie, 'y', 5000);
    fakeRun(tie, 'x', 5000);
    fakeRun(tie, 'w', 6000);
    expect((await switchTo(tie, 'w', 2)).removed).toEqual(['x']);
    fakeRun(tie, 'v', 7000);
    expect((await switchTo(tie, 'v', 1)).removed).toEqual(['y', 'w']);
  });

  it('a folder in the way of public/ is kept aside, never deleted', async () => {
    const out = await tempDir('kpi-atomic-');
    mkdirSync(join(out, 'public'));
    writeFileSync(join(out, 'public', 'mine.txt'), 'hand-made');
    fakeRun(out, 'r1', 1000);
    await switchTo(out, 'r1', 1);
    const aside = readdirSync(out).filter((f) => f.startsWith('public.before-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(out, aside[0]!, 'mine.txt'), 'utf8')).toBe('hand-made');
    expect(readlinkSync(join(out, 'public'))).toBe(join('current', 'public'));
  });
});

describe('clean-up after a crash', () => {
  it('removes what no run published, and keeps every published run and the current one', async () => {
    const out = await tempDir('kpi-atomic-');
    fakeRun(out, 'r1', 1000);
    fakeRun(out, 'r2', 1001);
    await switchTo(out, 'r2', 5);
    mkdirSync(join(out, '.runs', '.staging-x', 'public'), { recursive: true });
    // A staging folder whose manifest was written before the run died: still never published.
    mkdirSync(join(out, '.runs', '.staging-y'), { recursive: true });
    writeFileSync(join(out, '.runs', '.staging-y', 'manifest.json'), '{}');
    mkdirSync(join(out, '.runs', 'half', 'public'), { recursive: true }); // renamed, never switched to
    mkdirSync(join(out, '.work', 'w1'), { recursive: true });
    writeFileSync(join(out, '.current-x'), '');
    writeFileSync(join(out, '.manifest-x.json'), '');
    await removeUnpublished(out);
    expect(readdirSync(join(out, '.runs')).sort()).toEqual(['r1', 'r2']);
    expect(existsSync(join(out, '.work'))).toBe(false);
    expect(readdirSync(out).filter((f) => f.startsWith('.current-') || f.startsWith('.manifest-'))).toEqual(
      [],
    );
    expect(await currentRun(out)).toBe('r2');
  });

  it('on an empty --out it makes the runs folder and knows no current run', async () => {
    const out = join(await tempDir('kpi-atomic-'), 'new');
    await removeUnpublished(out);
    expect(readdirSync(join(out, '.runs'))).toEqual([]);
    expect(await currentRun(out)).toBeUndefined();
  });
});
