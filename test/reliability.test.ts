/**
 * Never publish a broken state (docs/privacy-and-reliability.md): kill -9 at any point leaves the previous
 * outputs byte-identical and the next run succeeds without clean-up; one run at a time per --out; a BI
 * tool holding the published warehouse open never blocks a run; the same key gives the same person
 * keys and a new key rebuilds; the same inputs give the same outputs.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join, relative } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../pipelines/config.ts';
import { Db, sqlHooks } from '../pipelines/duckdb.ts';
import { RunError } from '../pipelines/errors.ts';
import type { LogEvent } from '../pipelines/log.ts';
import { procStat, STALE_AFTER_MS } from '../pipelines/publish/lock.ts';
import { scaleMemoryLimit, workerDuckdbOptions } from '../pipelines/run/runtime.ts';
import { run } from '../pipelines/run.ts';
import { KpisJson, type Manifest } from '../schemas/outputs.ts';
import { cli, runInbox, snapshot, spawnRun, TEST_KEY, tempDir, walk } from './helpers.ts';

const ROOT = join(import.meta.dirname, '..');
const CASES = join(ROOT, 'test', 'cases');
const EXAMPLES = join(ROOT, 'test', 'fixtures', 'examples-inbox');

async function sampleInbox(): Promise<string> {
  const inbox = await tempDir('kpi-rel-in-');
  cpSync(EXAMPLES, inbox, { recursive: true });
  cpSync(join(CASES, 'sel85-target-groups', 'inbox', 'sel85'), join(inbox, 'sel85'), { recursive: true });
  cpSync(join(CASES, 'neet-age-boundaries', 'inbox', 'neet'), join(inbox, 'neet'), { recursive: true });
  return inbox;
}

/**
 * A smaller inbox for the scenarios about the run itself (locks, kills, failures, pruning), whose
 * figures they never read: the café's counts and the §85 decisions, persons and all. A run of it
 * costs about half a run of sampleInbox's 15 files.
 */
async function smallInbox(): Promise<string> {
  const inbox = await tempDir('kpi-rel-in-');
  cpSync(join(EXAMPLES, 'cafe'), join(inbox, 'cafe'), { recursive: true });
  cpSync(join(CASES, 'sel85-target-groups', 'inbox', 'sel85'), join(inbox, 'sel85'), { recursive: true });
  return inbox;
}

/** A published run, its snapshot, and then a new café file in the inbox for the next run. */
async function publishedThenNewDelivery(): Promise<{
  inbox: string;
  out: string;
  before: Record<string, string>;
}> {
  const inbox = await smallInbox();
  const { out } = await runInbox(inbox, { asOf: '2025-03-01' });
  const before = snapshot(out);
  writeFileSync(join(inbox, 'cafe', 'zz_ny.csv'), 'date;inquiries;channel;age_band\n2024-06-03;9;telefon;\n');
  return { inbox, out, before };
}

/**
 * publishedThenNewDelivery once for several tests: each gets its own copy of the publication (the
 * links between its runs are relative, and copied as they are) over the same inbox, which they read
 * and never change.
 */
function sharedPublication(): () => Promise<{ inbox: string; out: string; before: Record<string, string> }> {
  let shared: Promise<{ inbox: string; out: string; before: Record<string, string> }> | undefined;
  return async () => {
    shared ??= publishedThenNewDelivery();
    const { inbox, out, before } = await shared;
    const copy = join(await tempDir('kpi-rel-out-'), 'out');
    cpSync(out, copy, { recursive: true, verbatimSymlinks: true });
    return { inbox, out: copy, before };
  };
}

describe('kill -9 never leaves a broken state', () => {
  const published = sharedPublication();
  it.each(['ingest', 'kpis', 'publish', 'switch'])(
    'killed at %s: the previous outputs stay byte-identical and valid',
    async (stage) => {
      // A new delivery arrives, then the nightly run is killed half-way.
      const { inbox, out, before } = await published();
      expect(snapshot(out)).toEqual(before);
      const r = spawnRun(inbox, out, stage);
      await r.paused;
      r.child.kill('SIGKILL');
      expect(await r.done).toBeNull();
      expect(snapshot(out)).toEqual(before);
      KpisJson.parse(JSON.parse(readFileSync(join(out, 'public', 'kpis.json'), 'utf8')));
      // The next run needs no clean-up by hand: it takes over the dead run's lock and publishes.
      const next = await runInbox(inbox, { asOf: '2025-03-01', out });
      expect(next.manifest.warnings.map((w) => w.code)).toContain('stale_lock');
      expect(next.manifest.inputs.map((i) => i.file)).toContain('cafe/zz_ny.csv');
      expect(readdirSync(join(out, '.runs')).filter((d) => d.startsWith('.staging'))).toEqual([]);
      expect(existsSync(join(out, '.work'))).toBe(false);
    },
  );
});

describe('one run at a time per --out', () => {
  it('a second run says who holds the lock; a dead holder’s lock is taken over', async () => {
    const inbox = await smallInbox();
    const out = await tempDir('kpi-lock-');
    const first = spawnRun(inbox, out, 'kpis');
    await first.paused;
    const config = parseConfig({});
    const second = run({ inbox, out, asOf: '2025-03-01', config, key: TEST_KEY });
    await expect(second).rejects.toThrow(RunError);
    await expect(second).rejects.toThrow(
      new RegExp(`En anden kørsel bruger .*: pid ${first.child.pid}, startet 20\\d\\d-`),
    );
    first.child.kill('SIGKILL');
    await first.done;
    const third = await run({ inbox, out, asOf: '2025-03-01', config, key: TEST_KEY });
    expect(third.manifest.warnings.find((w) => w.code === 'stale_lock')?.message).toContain(
      `pid ${first.child.pid}`,
    );
  });
});

describe('the lock never strands a night', () => {
  it('is taken over at once after a kill -9, before the dead holder is even reaped', async () => {
    const inbox = await smallInbox();
    const out = await tempDir('kpi-lock9-');
    const first = spawnRun(inbox, out, 'kpis');
    await first.paused;
    // No waiting for the exit: the holder is a zombie (or still dying) when the next run starts.
    process.kill(first.child.pid!, 'SIGKILL');
    const next = await run({ inbox, out, asOf: '2025-03-01', config: parseConfig({}), key: TEST_KEY });
    expect(next.manifest.warnings.find((w) => w.code === 'stale_lock')?.message).toContain(
      `pid ${first.child.pid}`,
    );
    await first.done;
  });

  it('is taken over when its pid now belongs to another live process, or its heartbeat stopped', async () => {
    const inbox = await smallInbox();
    const out = await tempDir('kpi-lockpid-');
    mkdirSync(out, { recursive: true });
    const other = spawn('sleep', ['30']);
    try {
      const me = procStat(process.pid);
      // The pid is alive, but it is not the process that took the lock: it started at another time.
      const lock = {
        pid: other.pid,
        host: hostname(),
        startedAt: '2026-11-29T02:00:00.000Z',
        runId: 'old-run',
        procStart: '1',
      };
      writeFileSync(join(out, '.lock'), JSON.stringify(lock));
      expect(procStat(other.pid!)?.start).not.toBe('1');
      const a = await run({ inbox, out, asOf: '2025-03-01', config: parseConfig({}), key: TEST_KEY });
      expect(a.manifest.warnings.find((w) => w.code === 'stale_lock')?.message).toContain('kørsel old-run');
      // A lock without the start time (an older version's) whose heartbeat stopped two minutes ago.
      const { procStart: _, ...older } = lock;
      writeFileSync(join(out, '.lock'), JSON.stringify(older));
      const old = new Date(Date.now() - 2 * STALE_AFTER_MS);
      utimesSync(join(out, '.lock'), old, old);
      const b = await run({ inbox, out, asOf: '2025-03-01', config: parseConfig({}), key: TEST_KEY });
      expect(b.manifest.warnings.map((w) => w.code)).toContain('stale_lock');
      // A holder that is alive, with its own start time and a fresh heartbeat, keeps the lock.
      writeFileSync(join(out, '.lock'), JSON.stringify({ ...lock, pid: process.pid, procStart: me!.start }));
      await expect(
        run({ inbox, out, asOf: '2025-03-01', config: parseConfig({}), key: TEST_KEY }),
      ).rejects.toThrow(`En anden kørsel bruger ${out}: pid ${process.pid}`);
    } finally {
      other.kill('SIGKILL');
    }
  });
});

describe('a failed run exits 1 and publishes nothing', () => {
  const FAILED = 'Kørslen fejlede; de tidligere resultater er urørte.';

  it('a stage that fails: exit 1, one message without a stack, the previous outputs byte-identical', async () => {
    const { inbox, out, before } = await publishedThenNewDelivery();
    for (const stage of ['warehouse', 'contracts', 'report']) {
      const r = await cli(['run', '--inbox', inbox, '--out', out, '--as-of', '2025-03-01'], {
        KPI_PSEUDONYM_KEY: TEST_KEY,
        KPI_FAULT_FAIL: stage,
      });
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain(`${FAILED}\nKPI_FAULT_FAIL: ${stage} failed on purpose`);
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(snapshot(out)).toEqual(before);
      expect(readdirSync(join(out, '.runs')).filter((d) => d.startsWith('.staging-'))).toEqual([]);
    }
    // Without the fault the same inbox publishes.
    expect((await cli(['run', '--inbox', inbox, '--out', out, '--as-of', '2025-03-01'])).code).toBe(0);
    expect(snapshot(out)).not.toEqual(before);
  });

  it('a broken notebook of the municipality’s own: kpi run and kpi report exit 1, every report as it was', async () => {
    const inbox = await smallInbox();
    const { out } = await runInbox(inbox, { asOf: '2025-03-01' });
    const before = snapshot(out);
    const dir = await tempDir('kpi-own-');
    mkdirSync(join(dir, 'notebooks'));
    const notebook = join(dir, 'notebooks', 'egen.md');
    writeFileSync(
      notebook,
      '---\ntitle: Egen\n---\n# Egen\n\n```sql pladser\nSELECT * FROM findes_ikke\n```\n',
    );
    writeFileSync(join(dir, 'kpi.config.json'), JSON.stringify({ notebooks: 'notebooks' }));
    const config = ['--config', join(dir, 'kpi.config.json')];
    const broken = `Notebook ${notebook}, blok 1 (sql pladser) fejlede. DuckDB siger: Catalog Error: Table with name findes_ikke does not exist!`;
    const run = await cli(['run', '--inbox', inbox, '--out', out, '--as-of', '2025-03-01', ...config]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain(broken);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(snapshot(out)).toEqual(before);
    // kpi report renders every notebook before it writes any: the built-in reports are not even rewritten.
    const reports = ['public', 'restricted'].flatMap((d) => walk(join(out, d, 'reports')));
    const written = () => reports.map((f) => statSync(f).mtimeMs);
    const mtimes = written();
    const report = await cli(['report', '--out', out, ...config]);
    expect(report.code, report.stderr).toBe(1);
    expect(report.stderr).toContain(broken);
    expect(report.stderr).not.toMatch(/^\s+at /m);
    expect(snapshot(out)).toEqual(before);
    expect(reports).toHaveLength(3);
    expect(written()).toEqual(mtimes);
    // Mended, it is rendered beside the built-in ones.
    writeFileSync(
      notebook,
      '---\ntitle: Egen\n---\n# Egen rapport\n\n```sql pladser show\nSELECT 42 AS svar\n```\n',
    );
    const mended = await cli(['report', '--out', out, ...config]);
    expect(mended.code, mended.stderr).toBe(0);
    expect(mended.stdout).toContain('public/reports/egen.html');
    expect(readFileSync(join(out, 'public', 'reports', 'egen.html'), 'utf8')).toContain('Egen rapport');
  });
});

describe('the published warehouse copy', () => {
  it('a BI tool holding it open read-write blocks no run and keeps its consistent view', async () => {
    const inbox = await sampleInbox();
    const { out } = await runInbox(inbox, { asOf: '2025-03-01', config: { keepRuns: 1 } });
    const script = join(await tempDir('kpi-bi-'), 'bi.mjs');
    writeFileSync(
      script,
      `import { createRequire } from 'node:module';
       const require = createRequire(${JSON.stringify(join(ROOT, 'package.json'))});
       const { DuckDBInstance } = require('@duckdb/node-api');
       const db = await DuckDBInstance.create(${JSON.stringify(join(out, 'restricted', 'warehouse.duckdb'))});
       const c = await db.connect();
       const count = async () => (await c.runAndReadAll('SELECT count(*)::INTEGER AS n FROM ingest.employment')).getRowObjectsJson()[0].n;
       console.log('ready ' + await count());
       process.stdin.once('data', async () => { console.log('again ' + await count()); process.exit(0); });`,
    );
    const bi = spawn(process.execPath, [script], { stdio: ['pipe', 'pipe', 'inherit'] });
    let said = '';
    await new Promise<void>((resolve) =>
      bi.stdout!.on('data', (d) => {
        said += String(d);
        if (said.includes('ready')) resolve();
      }),
    );
    const seen = said.trim();
    // Two more runs publish while it keeps the file open (pruning keeps the run it holds).
    writeFileSync(
      join(inbox, 'employment', 'zz_extra.csv'),
      'cpr;month;wage_hours;in_education\n0101901234;2024-06;10;nej\n',
    );
    await runInbox(inbox, { asOf: '2025-03-01', out, config: { keepRuns: 1 } });
    const last = await runInbox(inbox, { asOf: '2025-03-01', out, config: { keepRuns: 1 } });
    bi.stdin!.write('go\n');
    await new Promise((r) => bi.on('exit', r));
    expect(said.trim().split('\n')).toEqual([seen, seen.replace('ready', 'again')]);
    const db = await Db.open(join(out, 'restricted', 'warehouse.duckdb'), { readOnly: true });
    const now = await db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM ingest.employment');
    db.close();
    expect(now.n).toBe(Number(seen.split(' ')[1]) + 1);
    expect(last.manifest.runId).toBe(
      JSON.parse(readFileSync(join(out, 'public', 'kpis.json'), 'utf8')).runId,
    );
  });
});

/** The run folders in <out>/.runs, and the one `current` points at. */
function runsOf(out: string): { runs: string[]; current: string } {
  return {
    runs: readdirSync(join(out, '.runs'))
      .filter((d) => !d.startsWith('.'))
      .sort(),
    current: readlinkSync(join(out, 'current')).split('/').pop()!,
  };
}

describe('keeping runs', () => {
  it('pruning keeps exactly keepRuns runs, the newest, and never one a reader holds open', async () => {
    const inbox = await smallInbox();
    const config = { keepRuns: 2 };
    const ids: string[] = [];
    const { out, manifest } = await runInbox(inbox, { asOf: '2025-03-01', config });
    ids.push(manifest.runId);
    for (let i = 0; i < 2; i++)
      ids.push((await runInbox(inbox, { asOf: '2025-03-01', config, out })).manifest.runId);
    // Three runs published, two kept: the last two, the current one among them.
    expect(runsOf(out)).toEqual({ runs: ids.slice(1).sort(), current: ids[2] });

    // A reader opens the older kept run's kpis.json and holds it while two more runs publish.
    const held = ids[1]!;
    const file = join(out, '.runs', held, 'public', 'kpis.json');
    const before = createHash('sha256').update(readFileSync(file)).digest('hex');
    const script = join(await tempDir('kpi-reader-'), 'reader.mjs');
    writeFileSync(
      script,
      `import { openSync, readFileSync } from 'node:fs';
       import { createHash } from 'node:crypto';
       const fd = openSync(${JSON.stringify(file)}, 'r');
       console.log('ready');
       process.stdin.once('data', () => {
         console.log(createHash('sha256').update(readFileSync(fd)).digest('hex'));
         process.exit(0);
       });`,
    );
    const reader = spawn(process.execPath, [script], { stdio: ['pipe', 'pipe', 'inherit'] });
    let said = '';
    await new Promise<void>((resolve) =>
      reader.stdout!.on('data', (d) => {
        said += String(d);
        if (said.includes('ready')) resolve();
      }),
    );
    const events: LogEvent[] = [];
    const reporter = { event: (e: LogEvent) => events.push(e) };
    for (let i = 0; i < 2; i++) {
      ids.push((await runInbox(inbox, { asOf: '2025-03-01', config, out, reporter })).manifest.runId);
    }
    // The two newest, and the held one beside them; the run nobody held (ids[0]) went long ago.
    expect(runsOf(out)).toEqual({ runs: [held, ids[3]!, ids[4]!].sort(), current: ids[4] });
    expect(events.filter((e) => e.event === 'kept_open').map((e) => e.message)).toEqual([
      `den ældre kørsel ${held} er beholdt, fordi proces ${reader.pid} har den åben; den fjernes ved en senere kørsel`,
      `den ældre kørsel ${held} er beholdt, fordi proces ${reader.pid} har den åben; den fjernes ved en senere kørsel`,
    ]);
    reader.stdin!.write('go\n');
    await new Promise((r) => reader.on('exit', r));
    expect(said.trim().split('\n')).toEqual(['ready', before]);
    expect(readdirSync(join(out, '.runs', held, 'public')).length).toBeGreaterThan(3); // whole, not half-pruned
    // Let go: the next run prunes it, and exactly two runs are left.
    ids.push((await runInbox(inbox, { asOf: '2025-03-01', config, out })).manifest.runId);
    expect(runsOf(out)).toEqual({ runs: ids.slice(4).sort(), current: ids[5] });
  });
});

async function personKeys(out: string): Promise<string[]> {
  const db = await Db.open(join(out, 'restricted', 'warehouse.duckdb'), { readOnly: true });
  const rows = await db.all<{ k: string }>(
    `SELECT DISTINCT p.person_key AS k FROM (SELECT person_id FROM ingest.employment UNION ALL SELECT person_id FROM ingest.neet)
      JOIN ingest.persons p USING (person_id) ORDER BY 1`,
  );
  db.close();
  return rows.map((r) => r.k);
}

describe('the process that writes the warehouse', () => {
  it('never reads an extract: raw values are parsed in the ingest worker and arrive pseudonymised', async () => {
    // DuckDB can persist leftover heap bytes in a database file (duckdb/duckdb#23382), so a process
    // whose DuckDB has held a raw CPR must not write the warehouse.
    const inbox = await tempDir('kpi-rel-in-');
    cpSync(EXAMPLES, inbox, { recursive: true });
    const seen: string[] = [];
    const out = await tempDir('kpi-rel-out-');
    sqlHooks.observe = (sql) => seen.push(sql);
    try {
      const r = await runInbox(inbox, { asOf: '2025-03-01', out });
      expect(r.manifest.totals.rowsLoaded).toBeGreaterThan(20);
    } finally {
      sqlHooks.observe = undefined;
    }
    expect(seen.length).toBeGreaterThan(50);
    expect(seen.filter((q) => q.includes(inbox) || /read_csv|read_xlsx|sniff_csv/i.test(q))).toEqual([]);
    // Parquet only from the worker's hand-over and the run's own published tables.
    expect(seen.filter((q) => /read_parquet/.test(q) && !q.includes('handover') && !q.includes(out))).toEqual(
      [],
    );
  });
});

describe('the pseudonymisation key', () => {
  it('the same key gives the same person keys; a new key rebuilds with new keys only, and says so', async () => {
    const inbox = await sampleInbox();
    const a = await runInbox(inbox, { asOf: '2025-03-01' });
    const again = await runInbox(inbox, { asOf: '2025-03-01' });
    expect(await personKeys(again.out)).toEqual(await personKeys(a.out));
    const keysA = await personKeys(a.out);
    const rotated = await runInbox(inbox, {
      asOf: '2025-03-01',
      out: a.out,
      key: `${TEST_KEY}-rotated-2026`,
    });
    const keysB = await personKeys(rotated.out);
    expect(keysB.length).toBe(keysA.length);
    expect(keysB.filter((k) => keysA.includes(k))).toEqual([]);
    expect(rotated.manifest.keyFingerprint).not.toBe(a.manifest.keyFingerprint);
    expect(rotated.manifest.warnings.map((w) => w.code)).toContain('key_rotated');
    // Published figures do not depend on the key.
    const values = (m: KpisJson) => JSON.stringify(m.kpis.map((k) => k.series.map((p) => p.value)));
    expect(values(rotated.kpis)).toBe(values(a.kpis));
  });
});

/** Every cell of every sheet of a workbook: its value, formula and cached result. */
async function workbookCells(file: string): Promise<Record<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const cells: Record<string, unknown> = {};
  wb.eachSheet((ws) => {
    ws.eachRow((row) => {
      row.eachCell((c) => {
        cells[`${ws.name}!${c.address}`] = c.value;
      });
    });
  });
  return cells;
}

describe('determinism', () => {
  it('the same inbox, configuration and --as-of give identical public/ and restricted/ apart from run id and timestamps', async () => {
    const inbox = await sampleInbox();
    const a = await runInbox(inbox, { asOf: '2025-03-01' });
    const b = await runInbox(inbox, { asOf: '2025-03-01' });
    const files = (out: string) =>
      ['public', 'restricted'].flatMap((t) => walk(join(out, t)).map((f) => relative(out, f))).sort();
    expect(files(b.out)).toEqual(files(a.out));
    const db = await Db.open(':memory:');
    // The restricted site's last night shows each stage's time, as the manifest does: a timestamp too.
    const normalise = (text: string, m: Manifest) =>
      text
        .replaceAll(m.runId, 'RUN')
        .replace(/"generatedAt": "[^"]+"/, '')
        .replace(/<td class="num">[\d.,]+ s<\/td>/g, '<td class="num">S</td>');
    for (const f of files(a.out)) {
      const [fa, fb] = [join(a.out, f), join(b.out, f)];
      if (f.endsWith('.parquet')) {
        const q = (p: string) =>
          db.all(
            `SELECT * EXCLUDE (${f.endsWith('kpis.parquet') ? 'run_id' : 'contract'}) FROM read_parquet('${p}')`,
          );
        expect(await q(fb), f).toEqual(await q(fa));
      } else if (f.endsWith('.arrow')) {
        const rows = (p: string) =>
          tableFromIPC(readFileSync(p))
            .toArray()
            .map((r) => ({ ...r.toJSON(), run_id: null }));
        expect(rows(fb), f).toEqual(rows(fa));
      } else if (f.endsWith('.duckdb')) {
        const tables = async (p: string) => {
          await db.run(`ATTACH '${p}' AS w (READ_ONLY)`);
          const names = await db.all<{ s: string; t: string }>(
            "SELECT schema_name AS s, table_name AS t FROM duckdb_tables() WHERE database_name = 'w' ORDER BY 1, 2",
          );
          const content: Record<string, unknown> = {};
          for (const n of names)
            content[`${n.s}.${n.t}`] = await db.all(`SELECT * FROM w.${n.s}.${n.t} ORDER BY ALL`);
          await db.run('DETACH w');
          return content;
        };
        expect(await tables(fb), f).toEqual(await tables(fa));
      } else if (f.endsWith('.xlsx')) {
        // A workbook is a zip whose entries carry the time they were written: its sheets are compared.
        expect(await workbookCells(fb), f).toEqual(await workbookCells(fa));
      } else if (/\.(png)$/.test(f)) {
        expect(readFileSync(fb).equals(readFileSync(fa)), f).toBe(true);
      } else {
        // Compared line by line (a page's tags each on a line), so that a difference shows where it is.
        const lines = (p: string, m: Manifest) =>
          normalise(readFileSync(p, 'utf8'), m).split(/(?<=>)(?=<)|\n/);
        expect(lines(fb, b.manifest), f).toEqual(lines(fa, a.manifest));
      }
    }
    db.close();
  });
});

describe('DuckDB memory and spill folder', () => {
  it('runs with a memory limit and a configured temp folder, and leaves no spill files behind', async () => {
    const inbox = await sampleInbox();
    const temp = await tempDir('kpi-spill-');
    const { manifest } = await runInbox(inbox, {
      asOf: '2025-03-01',
      config: { duckdb: { memoryLimit: '64MB', tempDirectory: temp, threads: 1 } },
    });
    expect(manifest.totals.rowsLoaded).toBeGreaterThan(0);
    expect(readdirSync(temp)).toEqual([]);
  });

  it('gives the ingest worker 80 % of the memory limit, and leaves a setting it cannot read to DuckDB', () => {
    const worker = (memoryLimit?: string) =>
      workerDuckdbOptions('/tmp/w', parseConfig({ duckdb: { memoryLimit } })).memoryLimit;
    expect(worker('1.5GB')).toBe('1200MB');
    expect(worker(' 1.5 gb ')).toBe('1200MB');
    expect(worker('400 MiB')).toBe('335MB');
    expect(worker('2GiB')).toBe('1717MB');
    expect(worker('64MB')).toBe('51MB');
    expect(worker('80%')).toBe('80%');
    expect(worker(undefined)).toBeUndefined();
    expect(scaleMemoryLimit('1000000000', 0.5)).toBe('500MB');
  });
});
