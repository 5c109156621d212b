/**
 * Running it every night: the scheduler, the logs, `kpi explain`, and `--select`.
 */
import { spawn } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../pipelines/cli.ts';
import { streamReporter } from '../pipelines/log.ts';
import type { KpisJson } from '../schemas/outputs.ts';
import { lolland, lollandFile, runInbox, STAGES, TEST_KEY, tempDir } from './helpers.ts';

const ROOT = join(import.meta.dirname, '..');

/** Every published file under public/ and restricted/, by its path there, with its bytes. */
function publishedFiles(out: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const top of ['public', 'restricted']) {
    for (const f of readdirSync(join(out, top), { recursive: true, withFileTypes: true })) {
      if (f.isFile()) {
        const path = join(f.parentPath, f.name);
        files.set(path.slice(path.indexOf(`${top}/`)), readFileSync(path));
      }
    }
  }
  return files;
}
const CASES = join(ROOT, 'test', 'cases');

function capture(): Writable & { text: () => string; isTTY?: boolean } {
  const chunks: string[] = [];
  const w = new Writable({
    write(c, _e, cb) {
      chunks.push(String(c));
      cb();
    },
  }) as Writable & { text: () => string; isTTY?: boolean };
  w.text = () => chunks.join('');
  return w;
}

describe('kpi schedule', () => {
  it('triggers on the schedule, skips a tick while a run is going on, survives a failed run, and stops on SIGTERM', async () => {
    const inbox = join(await tempDir('kpi-sched-'), 'inbox'); // does not exist yet: the first run fails
    const out = await tempDir('kpi-sched-out-');
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'bin', 'kpi.js'),
        'schedule',
        '--cron',
        '* * * * * *',
        '--inbox',
        inbox,
        '--out',
        out,
        '--json',
      ],
      {
        // Every run pauses 2.5 s at the KPI stage, so the 1-second ticks meet a running run.
        env: {
          PATH: process.env.PATH,
          KPI_PSEUDONYM_KEY: TEST_KEY,
          KPI_FAULT_PAUSE: 'kpis',
          KPI_FAULT_PAUSE_MS: '2500',
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    const events: Record<string, unknown>[] = [];
    let buffer = '';
    const seen = (pred: (e: Record<string, unknown>) => boolean) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (events.some(pred)) resolve();
          else setTimeout(check, 50);
        };
        check();
      });
    child.stderr!.on('data', (d) => {
      buffer += String(d);
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const l of lines) if (l.startsWith('{')) events.push(JSON.parse(l));
    });
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    const sched = (name: string) => (e: Record<string, unknown>) =>
      e.stage === 'schedule' && e.event === name;
    await seen(sched('run_failed'));
    cpSync(join(CASES, 'sel85-target-groups', 'inbox'), inbox, { recursive: true });
    await seen(sched('run_finished'));
    await seen(sched('tick_skipped'));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const s = events.filter((e) => e.stage === 'schedule').map((e) => e.event);
    expect(s[0]).toBe('started');
    expect(s).toContain('next_run');
    expect(s.indexOf('run_failed')).toBeLessThan(s.indexOf('run_finished'));
    expect(s[s.length - 1]).toBe('stopped');
    // Never two at once: every run_started comes after the previous run ended.
    let open = 0;
    for (const e of s) {
      if (e === 'run_started') expect(++open).toBe(1);
      if (e === 'run_finished' || e === 'run_failed') open--;
    }
    const failed = events.find(sched('run_failed'))!;
    expect(failed.exitCode).toBe(2);
    expect(events.find(sched('next_run'))!.next).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(JSON.parse(readFileSync(join(out, 'public', 'kpis.json'), 'utf8')).kpis.length).toBeGreaterThan(0);
  }, 60_000);

  it('refuses a bad cron expression or a missing key before it starts (exit 2)', async () => {
    const err = capture();
    expect(
      await main(['schedule', '--cron', 'every night'], { KPI_PSEUDONYM_KEY: TEST_KEY }, capture(), err),
    ).toBe(2);
    expect(err.text()).toContain('er ikke et cron-udtryk');
    const err2 = capture();
    expect(await main(['schedule', '--cron', '0 2 * * *'], {}, capture(), err2)).toBe(2);
    expect(err2.text()).toContain('Der er ingen pseudonymiseringsnøgle.');
  });
});

describe('logs', () => {
  it('off a terminal: JSON lines with run id, stage, event, counts and durations', async () => {
    const err = capture();
    const out = await tempDir();
    const code = await main(
      ['run', '--inbox', join(CASES, 'sel85-target-groups', 'inbox'), '--out', out, '--as-of', '2025-01-15'],
      { KPI_PSEUDONYM_KEY: TEST_KEY },
      capture(),
      err,
    );
    expect(code).toBe(0);
    const lines = err
      .text()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const l of lines) {
      expect(typeof l.time).toBe('string');
      expect(l.runId).toMatch(/^\d{8}T\d{6}Z-[0-9a-f]{6}$/);
      expect(typeof l.stage).toBe('string');
      expect(typeof l.event).toBe('string');
    }
    const file = lines.find((l) => l.event === 'file')!;
    expect(Object.keys(file)).toEqual(
      expect.arrayContaining(['file', 'status', 'rowsRead', 'rowsLoaded', 'rowsRejected']),
    );
    const done = lines.filter((l) => l.event === 'done');
    expect(done.map((l) => l.stage)).toEqual(STAGES);
    for (const d of done) expect(typeof d.seconds).toBe('number');
    expect(err.text()).not.toMatch(/\d{6}-?\d{4}/);
  });

  it('on a terminal: progress lines per stage and file; --quiet shows none, --verbose every KPI', () => {
    const tty = capture();
    tty.isTTY = true;
    const r = streamReporter(tty);
    r.event({ stage: 'ingest', event: 'start' });
    r.event({
      stage: 'ingest',
      event: 'file',
      file: 'employment/e.csv',
      status: 'loaded',
      rowsRead: 6,
      rowsLoaded: 5,
      rowsRejected: 1,
      message: 'employment/e.csv: indlæst, 5 af 6 rækker med, 1 i karantæne',
    });
    r.event({ stage: 'ingest', event: 'done', seconds: 4.2 });
    r.event({ stage: 'kpis', event: 'kpi', kpi: 'neet_share', message: 'neet_share computed' });
    expect(tty.text()).toBe(
      '▸ indlæsning\n  employment/e.csv: indlæst, 5 af 6 rækker med, 1 i karantæne\n✓ indlæsning (4,2 s)\n',
    );
    const verbose = capture();
    verbose.isTTY = true;
    streamReporter(verbose, { verbose: true }).event({
      stage: 'kpis',
      event: 'kpi',
      kpi: 'neet_share',
      message: 'neet_share computed',
    });
    expect(verbose.text()).toBe('  neet_share computed\n');
    const quiet = capture();
    quiet.isTTY = true;
    streamReporter(quiet, { quiet: true }).event({ stage: 'ingest', event: 'start' });
    expect(quiet.text()).toBe('');
  });
});

describe('kpi explain', () => {
  it('names the definition, the source passage, the SQL file and the input files with sha256', async () => {
    const { out, manifest } = await runInbox(join(CASES, 'sel85-target-groups', 'inbox'), {
      asOf: '2025-01-15',
      config: lolland({ minCell: 1 }),
    });
    const stdout = capture();
    // Explained with the configuration the run used (Lolland's: its strategy's target and passage).
    const config = await lollandFile({ minCell: 1 });
    expect(
      await main(
        ['explain', 'sel85_employment_rate', '--out', out, '--config', config],
        {},
        stdout,
        capture(),
      ),
    ).toBe(0);
    const text = stdout.text();
    expect(text).toContain('Beskæftigelse blandt borgere med §85-støtte (psykiatri) (sel85_employment_rate)');
    expect(text).toContain('«Der forventes en årlig stigning på 2%.');
    expect(text).toContain('SQL:         sql/kpis/sel85_employment_rate.sql');
    for (const i of manifest.inputs)
      expect(text).toContain(
        `${i.file}  indlæst, ${i.rowsLoaded} af ${i.rowsRead} rækker  sha256 ${i.sha256}`,
      );
    expect(text).toMatch(/2024\s+77,8 %\s+mål\s+–\s+Ingen baseline/); // no 2020 data: no baseline, no target
    const err = capture();
    expect(await main(['explain', 'nope', '--out', out], {}, capture(), err)).toBe(2);
    expect(err.text()).toContain('Der er ingen KPI med id’et "nope"');
    // Units, directions and rules in words, not identifiers.
    expect(text).toContain('Enhed:       andel, opgjort pr. år, retning: stigende');
    expect(text).toContain('Mål:         årlig vækst 2 % fra baseline');
    const en = capture();
    await main(
      ['explain', 'neet_share', '--out', out, '--lang', 'en', '--config', config],
      {},
      en,
      capture(),
    );
    expect(en.text()).toContain('Target:      baseline −1 percentage points a year up to 2024, held after');
  });
});

describe('--select', () => {
  it('recomputes the selected KPIs and contracts, and leaves every other published file byte-identical', async () => {
    const inbox = await tempDir('kpi-select-');
    cpSync(join(CASES, 'sel85-target-groups', 'inbox'), inbox, { recursive: true });
    cpSync(join(CASES, 'neet-age-boundaries', 'inbox', 'neet'), join(inbox, 'neet'), { recursive: true });
    const config = lolland({ minCell: 1 });
    const first = await runInbox(inbox, { asOf: '2025-01-15', config });
    const out = first.out;
    const pick = (k: KpisJson, id: string) => k.kpis.find((e) => e.id === id)!;
    const neet2024 = (k: KpisJson) => pick(k, 'neet_share').series.find((p) => p.period === '2024')!;
    expect([neet2024(first.kpis).numerator, neet2024(first.kpis).denominator]).toEqual([34, 52]);
    // New NEET data: a young person (born 2005) NEET all twelve months of 2024 → 46 / 64.
    writeFileSync(
      join(inbox, 'neet', 'ny_ung.csv'),
      `cpr;month;in_job;in_education;on_benefit\n${Array.from(
        { length: 12 },
        (_, i) => `150605-4321;2024-${String(i + 1).padStart(2, '0')};nej;nej;nej`,
      ).join('\n')}\n`,
    );
    // And a correction that would change sel85_employment_rate for 2024, which is not selected.
    writeFileSync(
      join(inbox, 'employment', 'zz_rettelse.csv'),
      'cpr;month;wage_hours;in_education\n010180-1101;2024-12;0;nej\n',
    );
    const before = publishedFiles(out);
    const code = await main(
      [
        'run',
        '--inbox',
        inbox,
        '--out',
        out,
        '--as-of',
        '2025-01-15',
        '--select',
        'neet_share,jobfokus',
        '--quiet',
        '--config',
        await lollandFile({ minCell: 1 }),
      ],
      { KPI_PSEUDONYM_KEY: TEST_KEY },
      capture(),
      capture(),
    );
    expect(code).toBe(0);
    const after = JSON.parse(readFileSync(join(out, 'public', 'kpis.json'), 'utf8')) as KpisJson;
    // The selected KPI is recomputed from the new data.
    expect([neet2024(after).numerator, neet2024(after).denominator, neet2024(after).value]).toEqual([
      46,
      64,
      46 / 64,
    ]);
    // Every other KPI entry is the same, byte for byte, in kpis.json and in kpis.csv (but for the run id).
    expect(after.kpis.map((k) => k.id)).toEqual(first.kpis.kpis.map((k) => k.id));
    for (const k of first.kpis.kpis.filter((e) => e.id !== 'neet_share')) {
      expect(JSON.stringify(pick(after, k.id)), k.id).toBe(JSON.stringify(k));
    }
    const rows = (csv: Buffer) =>
      csv
        .toString('utf8')
        .split('\n')
        .filter((l) => !l.includes(';neet_share;'))
        .map((l) => l.slice(l.indexOf(';')));
    const afterFiles = publishedFiles(out);
    expect(rows(afterFiles.get('public/kpis.csv')!)).toEqual(rows(before.get('public/kpis.csv')!));
    // Charts of the other KPIs and both contracts' files (jobfokus has no participants: unchanged too).
    const untouched = [...before.keys()].filter(
      (f) => /\/(charts|contracts)\//.test(f) && !f.includes('neet_share.'),
    );
    expect(untouched.length).toBe(13 * 3 + 2 * 3 + 2 * 3); // 13 other KPI charts, 2 contract charts, 2 contracts (JSON, evidence, workbook)
    for (const f of untouched) expect(afterFiles.get(f)?.equals(before.get(f)!), f).toBe(true);
    expect(
      afterFiles.get('public/charts/neet_share.svg')?.equals(before.get('public/charts/neet_share.svg')!),
    ).toBe(false);
    // A full run picks the correction up.
    const full = await runInbox(inbox, { asOf: '2025-01-15', config, out });
    expect(pick(full.kpis, 'sel85_employment_rate').series.find((p) => p.period === '2024')!.value).toBe(
      13 / 18,
    );
  });
});
