/**
 * Only its owners can read what is restricted (docs/privacy-and-reliability.md): on a shared municipal
 * server, restricted/ (the warehouse and person-level evidence), .cache/, the run's work and spill
 * folders and the lock are the owner's only, or one group's with `restrictedGroup`; public/ stays
 * readable by all; a key file others can read is warned about.
 */
import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../schemas/outputs.ts';
import { cli, lollandFile, spawnRun, TEST_KEY, tempDir } from './helpers.ts';

function writeInbox(inbox: string): void {
  for (const [dir, name, text] of [
    ['employment', 'e.csv', 'cpr;month;wage_hours;in_education\n010100-4001;2024-01;10;nej\n'],
    [
      'sel85',
      's.csv',
      'cpr;decision_id;start_date;hours_per_week;target_group\n010100-4001;D1;2024-01-01;2;psykiatri\n',
    ],
  ]) {
    const d = join(inbox, dir!);
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, name!), text!);
  }
}

/** Every folder and file under a path with its permission bits (octal) and group. */
function modes(root: string): { path: string; mode: string; gid: number }[] {
  const out: { path: string; mode: string; gid: number }[] = [];
  const visit = (p: string) => {
    const st = lstatSync(p);
    out.push({ path: p, mode: (st.mode & 0o7777).toString(8), gid: st.gid });
    if (st.isDirectory()) for (const n of readdirSync(p)) visit(join(p, n));
  };
  visit(root);
  return out;
}

const modeOf = (p: string) => (statSync(p).mode & 0o7777).toString(8);

describe.skipIf(process.platform === 'win32')('file modes', () => {
  it('restricted/, .cache/, the work and spill folders and the lock are the owner’s only; public/ is readable by all', async () => {
    const inbox = await tempDir('kpi-modes-in-');
    writeInbox(inbox);
    const out = await tempDir('kpi-modes-out-');
    // While a run is going on: its lock, work folder and spill folder.
    const r = spawnRun(inbox, out, 'kpis');
    await r.paused;
    const runId = readdirSync(join(out, '.work'))[0]!;
    expect([
      modeOf(join(out, '.lock')),
      modeOf(join(out, '.work')),
      modeOf(join(out, '.work', runId)),
      modeOf(join(out, '.work', runId, 'duckdb_tmp')),
      modeOf(join(out, '.runs', `.staging-${runId}`, 'restricted')),
    ]).toEqual(['600', '700', '700', '700', '700']);
    r.child.kill('SIGKILL');
    await r.done;

    // With Lolland's contracts: their workbooks and evidence are restricted too.
    const config = await lollandFile();
    const { code } = await cli([
      'run',
      '--inbox',
      inbox,
      '--out',
      out,
      '--as-of',
      '2025-03-01',
      '--config',
      config,
    ]);
    expect(code).toBe(0);
    const restricted = modes(join(out, 'current', 'restricted'));
    expect(restricted.length).toBeGreaterThan(10);
    // The published warehouse is read-only, so a BI client cannot take a write lock on it.
    const expected = (path: string) =>
      statSync(path).isDirectory() ? '700' : path.endsWith('warehouse.duckdb') ? '400' : '600';
    for (const m of restricted) expect(m.mode, m.path).toBe(expected(m.path));
    expect(modes(join(out, '.cache')).map((m) => m.mode)).toEqual(['700', '600']);
    for (const m of modes(join(out, 'current', 'public')))
      expect(m.mode, m.path).toBe(statSync(m.path).isDirectory() ? '755' : '644');
  });

  it('with restrictedGroup, the group may read them (0750/0640, setgid folders)', async () => {
    const inbox = await tempDir('kpi-group-in-');
    writeInbox(inbox);
    const out = await tempDir('kpi-group-out-');
    const gid = userInfo().gid;
    const config = join(await tempDir(), 'kpi.json');
    writeFileSync(config, JSON.stringify({ restrictedGroup: String(gid) }));
    const { code } = await cli([
      'run',
      '--inbox',
      inbox,
      '--out',
      out,
      '--as-of',
      '2025-03-01',
      '--config',
      config,
    ]);
    expect(code).toBe(0);
    for (const m of [...modes(join(out, 'current', 'restricted')), ...modes(join(out, '.cache'))]) {
      expect([m.mode, m.gid], m.path).toEqual([
        statSync(m.path).isDirectory()
          ? '2750'
          : m.path.endsWith('restricted/warehouse.duckdb')
            ? '440'
            : '640',
        gid,
      ]);
    }
    // A group that does not exist stops the run before it touches anything.
    writeFileSync(config, JSON.stringify({ restrictedGroup: 'no-such-group-here' }));
    const bad = await cli(['run', '--inbox', inbox, '--out', await tempDir(), '--config', config]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      'restrictedGroup: der er ingen gruppe "no-such-group-here" på denne maskine',
    );
  });

  it('warns when others can read the key file, and names the chmod that fixes it', async () => {
    const inbox = await tempDir('kpi-key-in-');
    writeInbox(inbox);
    const keyFile = join(await tempDir(), 'pseudonym.key');
    writeFileSync(keyFile, TEST_KEY);
    chmodSync(keyFile, 0o644);
    const out = await tempDir('kpi-key-out-');
    const env = { KPI_PSEUDONYM_KEY_FILE: keyFile };
    expect((await cli(['run', '--inbox', inbox, '--out', out, '--as-of', '2025-03-01'], env)).code).toBe(0);
    const warning = (JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest).warnings.find(
      (w) => w.code === 'key_file_permissions',
    );
    expect(warning?.message).toBe(
      `Nøglefilen ${keyFile} kan læses af alle brugere på maskinen (tilstand 644). Den, der kan læse nøglen, kan beregne person_key for de CPR-numre, vedkommende kender. Gør den kun læsbar for ejeren: chmod 600 ${keyFile}`,
    );
    chmodSync(keyFile, 0o600);
    expect((await cli(['run', '--inbox', inbox, '--out', out, '--as-of', '2025-03-01'], env)).code).toBe(0);
    expect(
      (JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest).warnings.map((w) => w.code),
    ).not.toContain('key_file_permissions');
  });
});
