/**
 * Bad input, on purpose (docs/privacy-and-reliability.md, "Bad input: clear error, nothing lost"): every kind
 * of malformed delivery gets a specific message, exact loaded and rejected counts, and the run still
 * publishes (exit 0). Rows read = loaded + rejected for every file.
 */
import { appendFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../pipelines/cli.ts';
import { parseConfig } from '../pipelines/config.ts';
import { ingestInbox } from '../pipelines/ingest/ingest.ts';
import { sniffHooks } from '../pipelines/ingest/sniff.ts';
import { openWorkDb } from '../pipelines/run/cache.ts';
import type { KpisJson, Manifest } from '../schemas/outputs.ts';
import { CASES, EMP, row, writeBadInbox } from './bad-input-cases.ts';
import { cli, lollandFile, runInbox, snapshot, TEST_KEY, tempDir } from './helpers.ts';

describe('a matrix of malformed deliveries, in one real run', () => {
  let manifest: Manifest;
  let quarantine: string;
  let out: string;
  let code: number;
  let stderr = '';
  let stdout = '';
  beforeAll(async () => {
    const inbox = await tempDir('kpi-badin-');
    await writeBadInbox(inbox);
    out = await tempDir('kpi-badout-');
    const err = new Writable({
      write: (chunk, _e, cb) => {
        stderr += String(chunk);
        cb();
      },
    });
    code = await main(
      ['run', '--inbox', inbox, '--out', out, '--as-of', '2026-11-22', '--config', await lollandFile()],
      { KPI_PSEUDONYM_KEY: TEST_KEY },
      new Writable({
        write: (chunk, _e, cb) => {
          stdout += String(chunk);
          cb();
        },
      }),
      err,
    );
    manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
    quarantine = join(out, 'restricted', 'quarantine');
  });

  it('covers at least 25 kinds of bad input, and the run still publishes without a stack trace', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
    // Whole employment files were rejected: what reads employment is held back (never published
    // before, so it is published as no_data with the reason), and the run exits 3.
    expect(code, stderr).toBe(3);
    expect(stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
    expect(manifest.heldBack.map((h) => `${h.kind} ${h.id}`)).toEqual([
      'kpi sel85_employment_rate',
      'kpi treatment_employment_retained',
      'kpi jobfokus_success_share',
      'kpi ungeloftet_share',
      'contract jobfokus',
      'contract ungeloftet',
    ]);
    const rejected = manifest.inputs.filter((i) => i.status === 'rejected').map((i) => i.file);
    expect(rejected).toEqual([
      'employment/03_binary.csv',
      'employment/04_pipe_delimited.csv',
      'employment/05_mixed_encoding.csv',
      'employment/06_missing_column.csv',
      'employment/13_truncated.csv.gz',
      'employment/18_stray_cp1252_byte.csv',
      'employment/19_old_excel.xls',
      'enrollment/11b_formula_uncomputed.xlsx',
      'enrollment/12_merged.xlsx',
    ]);
    // The §85 rate reads employment only; the contracts read enrollment too.
    expect(manifest.heldBack[0]!.files).toEqual(rejected.filter((f) => f.startsWith('employment/')));
    expect(manifest.heldBack.find((h) => h.id === 'ungeloftet')!.files).toEqual(rejected);
    const kpis = JSON.parse(readFileSync(join(out, 'public', 'kpis.json'), 'utf8')) as KpisJson;
    const sel85 = kpis.kpis.find((k) => k.id === 'sel85_employment_rate')!;
    expect([sel85.status, sel85.series, sel85.heldBack?.files.length]).toEqual(['no_data', [], 7]);
  });

  it('tells the analyst in Danish: the summary, the warnings and the quarantine files', () => {
    expect(stdout).toMatch(/^Kørsel \S+, opgjort pr\. 2026-11-22: offentliggjort i /);
    expect(stdout).toMatch(/\nRækker: [\d.]+ læst, [\d.]+ indlæst, [\d.]+ i karantæne/);
    expect(stdout).toContain('  employment/03_binary.csv: afvist: filen er binær');
    expect(stdout).toContain('Holdt tilbage (6)');
    expect(stdout).not.toMatch(/\b(rows|loaded|quarantined|rejected|warnings?)\b/i);
    expect(stderr).toContain('"message":"employment/03_binary.csv: afvist, 0 af 0 rækker med"');
    const rejects = readFileSync(join(quarantine, 'employment', '07_duplicate_key.csv.rejects.csv'), 'utf8');
    expect(rejects).toBe(
      '\uFEFFlinje;kolonne;regel;besked;værdi\n3;cpr+month;duplicate_key;nøglen (cpr, month) står allerede på linje 2 i denne fil;2024-01\n',
    );
    const whole = readFileSync(join(quarantine, 'employment', '03_binary.csv.rejects.csv'), 'utf8');
    expect(whole.split('\n')[0]).toBe('\uFEFFlinje;kolonne;regel;besked;værdi');
  });

  it.each(CASES.map((c) => [c.file, c] as const))('%s', (file, c) => {
    const input = manifest.inputs.find((i) => i.file === file);
    expect(input, file).toBeDefined();
    expect(input!.status, `${file}: ${input!.message ?? ''}`).toBe(c.status);
    expect([input!.rowsRead, input!.rowsLoaded, input!.rowsRejected], file).toEqual(c.counts);
    expect(input!.rowsRead).toBe(input!.rowsLoaded + input!.rowsRejected + input!.rowsSkipped);
    const warning = manifest.warnings.find((w) => w.file === file);
    const rejects = (() => {
      try {
        return readFileSync(join(quarantine, `${file}.rejects.csv`), 'utf8');
      } catch {
        return '';
      }
    })();
    if (c.rule) expect(rejects, `${file} quarantine`).toContain(c.rule);
    if (c.message) {
      const text = `${input!.message ?? ''}\n${warning?.message ?? ''}\n${rejects}`;
      if (typeof c.message === 'string') expect(text).toContain(c.message);
      else expect(text).toMatch(c.message);
    }
    expect(rejects).not.toMatch(/\d{6}-?\d{4}/); // values are masked
  });
});

describe('a delivery that is still being written', () => {
  afterEach(() => {
    sniffHooks.afterFirstChunk = undefined;
  });
  it('is skipped with a message, and loaded by the next run', async () => {
    const inbox = await tempDir('kpi-growing-');
    const file = join(inbox, 'employment', 'e.csv');
    mkdirSync(join(inbox, 'employment'));
    writeFileSync(file, `${EMP}\n${row(1, '2024-01')}\n`);
    sniffHooks.afterFirstChunk = () => appendFileSync(file, `${row(1, '2024-02')}\n`);
    const work = await tempDir('kpi-growing-work-');
    const db = await openWorkDb(work, parseConfig({}), TEST_KEY);
    const first = await ingestInbox(db, { inbox, workDir: work });
    expect(first.inputs[0]).toMatchObject({ status: 'rejected', rowsLoaded: 0 });
    expect(first.inputs[0]!.message).toContain('filen ændrede sig, mens den blev læst');
    sniffHooks.afterFirstChunk = undefined;
    db.close();
    const db2 = await openWorkDb(await tempDir('kpi-growing-work-'), parseConfig({}), TEST_KEY);
    const second = await ingestInbox(db2, { inbox, workDir: work });
    expect(second.inputs[0]).toMatchObject({ status: 'loaded', rowsRead: 2, rowsLoaded: 2 });
    db2.close();
  });
});

describe('a missing inbox', () => {
  it('exits 2 and leaves the published outputs alone: every file byte-identical, nothing added', async () => {
    const inbox = await tempDir('kpi-noinbox-in-');
    mkdirSync(join(inbox, 'employment'));
    writeFileSync(join(inbox, 'employment', 'e.csv'), `${EMP}\n${row(1, '2024-01')}\n${row(2, '2024-01')}\n`);
    const { out } = await runInbox(inbox, { asOf: '2024-03-01' });
    const before = snapshot(out);
    const entries = () => readdirSync(out).sort();
    const top = entries();
    const runs = readdirSync(join(out, '.runs')).sort();
    for (const command of ['run', 'check']) {
      const r = await cli([command, '--inbox', '/nonexistent/inbox', '--out', out, '--as-of', '2024-03-01']);
      expect(r.code, command).toBe(2);
      expect(r.stderr).toContain('Indbakken /nonexistent/inbox findes ikke eller er ikke en mappe');
      expect(snapshot(out), command).toEqual(before);
      expect(entries(), command).toEqual(top); // no lock, work folder or staging left behind
      expect(readdirSync(join(out, '.runs')).sort(), command).toEqual(runs);
    }
  });
});

describe('a stale extract', () => {
  it('gives a stale_extract warning, and the periods that need its missing months are incomplete', async () => {
    // Employment was delivered up to December 2024, but the run is as of November 2026.
    const { runInbox } = await import('./helpers.ts');
    const inbox = join(import.meta.dirname, 'cases', 'sel85-target-groups', 'inbox');
    const { manifest, kpis } = await runInbox(inbox, { asOf: '2026-11-22', config: { minCell: 1 } });
    const stale = manifest.warnings.find((w) => w.code === 'stale_extract');
    expect(stale?.message).toBe(
      'employment: seneste leverede måned er 2024-12, men pr. 2026-11-22 forventedes data mindst til og med 2026-09. Perioder, der mangler månederne, vises som ufuldstændige.',
    );
    const sel85 = kpis.kpis.find((k) => k.id === 'sel85_employment_rate')!;
    // P1's open decision runs on through 2025 and 2026, but there is no employment data for those years.
    expect(sel85.series.filter((p) => p.period >= '2025').map((p) => [p.period, p.status])).toEqual([
      ['2025', 'incomplete'],
      ['2026', 'incomplete'],
    ]);
    expect(sel85.latest?.period).toBe('2024');
  });
});
