/**
 * A municipality's own extract, declared in its configuration (docs/own-data.md): the language
 * school's absence (test/fixtures/own-extract) in two dialects, its checks and ranges, pseudonymisation,
 * the incremental cache, an initiative on it, and each start-up validation error.
 *
 * By hand: fravaer_2024-07_09.csv (Windows-1252, `;`, Danish headers) has 7 rows; line 5 breaks the
 * check (50 absent of 40 planned), line 6 plans 500 lessons (max 400), line 7 has module DU4: 4 load.
 * fravaer_2024-10_12.csv (UTF-8, `,`, English headers) loads its 3 (du3 is DU3).
 * Planned 40+40+50+30 + 40+40+60 = 300, absent 10+20+5+3 + 8+12+30 = 88: 2024-H2 is 88/300, over all six
 * months, from 4 persons (6 CPRs in the inbox; 2 only on quarantined rows).
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../pipelines/config.ts';
import { ConfigError } from '../pipelines/errors.ts';
import type { KpisJson, Manifest } from '../schemas/outputs.ts';
import { collectCprs, cprScanner, scanFiles } from './cpr-scan.ts';
import { cli, runInbox, tempDir, walk, warehouseRows } from './helpers.ts';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'own-extract');
const INBOX = join(FIXTURE, 'inbox');
const CONFIG_FILE = join(FIXTURE, 'kpi.config.json');
const CONFIG = JSON.parse(readFileSync(CONFIG_FILE, 'utf8')) as {
  extracts: Record<string, Record<string, unknown>>;
  initiatives: Record<string, unknown>[];
};
const AS_OF = '2025-02-01';

describe('an own extract loads like a built-in one', () => {
  let out: string;
  let first: { kpis: KpisJson; manifest: Manifest };
  let second: { kpis: KpisJson; manifest: Manifest };

  beforeAll(async () => {
    out = await tempDir('kpi-own-');
    first = await runInbox(INBOX, { asOf: AS_OF, configFile: CONFIG_FILE, out });
    second = await runInbox(INBOX, { asOf: AS_OF, configFile: CONFIG_FILE, out });
  });

  it('reads both dialects and counts every row', () => {
    const inputs = first.manifest.inputs.filter((i) => i.extract === 'sprogskole_fravaer');
    expect(
      inputs.map((i) => [i.file, i.encoding, i.delimiter, i.rowsRead, i.rowsLoaded, i.rowsRejected]),
    ).toEqual([
      ['sprogskole_fravaer/fravaer_2024-07_09.csv', 'latin-1', ';', 7, 4, 3],
      ['sprogskole_fravaer/fravaer_2024-10_12.csv', 'utf-8', ',', 3, 3, 0],
    ]);
  });

  it("quarantines the row that breaks the check with the check's message, and the rows out of range", () => {
    const file = join(
      out,
      'restricted',
      'quarantine',
      'sprogskole_fravaer',
      'fravaer_2024-07_09.csv.rejects.csv',
    );
    const lines = readFileSync(file, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines).toEqual([
      'linje;kolonne;regel;besked;værdi',
      '5;absent_lessons;check_1;Fravær kan ikke være større end de planlagte lektioner;50',
      '6;planned_lessons;above_maximum;planned_lessons skal være ≤ 400;500',
      '7;module;unknown_code;forventede én af: DU1, DU2, DU3, andet;DU4',
    ]);
  });

  it('has the view staging.<name> with person_id and birth_date in place of the CPR', async () => {
    const cols = (await warehouseRows(
      out,
      "SELECT column_name FROM information_schema.columns WHERE table_schema = 'staging' AND table_name = 'sprogskole_fravaer' ORDER BY ordinal_position",
    )) as { column_name: string }[];
    expect(cols.map((c) => c.column_name)).toEqual([
      'person_id',
      'birth_date',
      'month',
      'module',
      'planned_lessons',
      'absent_lessons',
      'note',
      'municipality',
      '_file',
      '_line',
    ]);
    const rows = (await warehouseRows(
      out,
      `SELECT count(*)::INTEGER AS n, count(DISTINCT person_id)::INTEGER AS persons,
         string_agg(DISTINCT module, ',' ORDER BY module) AS modules,
         strftime(min(birth_date), '%Y-%m-%d') AS oldest, any_value(municipality) AS municipality
       FROM staging.sprogskole_fravaer`,
    )) as { n: number; persons: number; modules: string; oldest: string; municipality: string }[];
    expect(rows).toEqual([
      { n: 7, persons: 4, modules: 'DU1,DU2,DU3', oldest: '1990-01-01', municipality: '360' },
    ]);
  });

  it('publishes an initiative on it with the exact value', () => {
    const k = first.kpis.kpis.find((x) => x.id === 'sprogskole_fravaersandel')!;
    expect(k.series).toEqual([
      expect.objectContaining({
        period: '2024-H2',
        numerator: 88,
        denominator: 300,
        value: 88 / 300,
        status: 'no_target',
      }),
    ]);
    expect(k.status).toBe('no_target');
  });

  it('leaves no raw CPR in any file under --out', async () => {
    const cprs = new Set<string>();
    for (const f of walk(INBOX)) collectCprs(readFileSync(f).toString('latin1'), cprs);
    expect(cprs.size).toBe(6);
    const { scan, leaks } = cprScanner(cprs);
    await scanFiles(out, scan);
    expect(leaks).toEqual([]);
  });

  it('reuses its files in the next run, without parsing them again', () => {
    const inputs = second.manifest.inputs.filter((i) => i.extract === 'sprogskole_fravaer');
    expect(inputs.map((i) => [i.file, i.fromCache, i.rowsLoaded])).toEqual([
      ['sprogskole_fravaer/fravaer_2024-07_09.csv', true, 4],
      ['sprogskole_fravaer/fravaer_2024-10_12.csv', true, 3],
    ]);
    const k = second.kpis.kpis.find((x) => x.id === 'sprogskole_fravaersandel')!;
    expect(k.series.map((p) => [p.numerator, p.denominator])).toEqual([[88, 300]]);
  });

  it('kpi explain shows the initiative on it with its card', async () => {
    const r = await cli(['explain', 'sprogskole_fravaersandel', '--config', CONFIG_FILE, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('Udtræk:      sprogskole_fravaer');
    expect(lines).toContain('Temaer:      Integration');
    expect(lines).toContain('Ansvarlig:   Sprogcenter Lolland');
    expect(lines).toContain('Opfølgning:  hvert halvår');
  });

  it('is checked by kpi check, which names its quarantined rows', async () => {
    const r = await cli(['check', '--inbox', INBOX, '--config', CONFIG_FILE, '--as-of', AS_OF, '--out', out]);
    expect(r.stdout).toContain('sprogskole_fravaer/fravaer_2024-07_09.csv');
    expect(r.stdout).toContain('Fravær kan ikke være større end de planlagte lektioner');
    expect(r.code, r.stderr).toBe(0);
  });
});

describe('an own extract rejected whole holds back what reads it', () => {
  it('keeps the initiative at its previous figures and exits 3; the rest is published', async () => {
    const inbox = await tempDir('kpi-own-hold-');
    cpSync(INBOX, inbox, { recursive: true });
    const out = await tempDir('kpi-own-hold-out-');
    const args = ['run', '--inbox', inbox, '--config', CONFIG_FILE, '--as-of', AS_OF, '--out', out];
    expect((await cli(args)).code).toBe(0);
    const before = JSON.parse(readFileSync(join(out, 'public', 'kpis.json'), 'utf8')) as KpisJson;
    // The October-December file is delivered again without its absence column.
    const file = join(inbox, 'sprogskole_fravaer', 'fravaer_2024-10_12.csv');
    writeFileSync(file, 'cpr,month,module,planned_lessons\n0101901234,2024-10,DU1,40\n');
    const r = await cli(args);
    expect(r.code, r.stderr).toBe(3);
    const after = JSON.parse(readFileSync(join(out, 'public', 'kpis.json'), 'utf8')) as KpisJson;
    const entry = (k: KpisJson) => k.kpis.find((x) => x.id === 'sprogskole_fravaersandel')!;
    const { heldBack, ...rest } = entry(after);
    expect(heldBack?.files).toEqual(['sprogskole_fravaer/fravaer_2024-10_12.csv']);
    expect(heldBack?.reason).toContain('absent_lessons');
    expect(rest).toEqual(entry(before));
    expect(rest.series.map((p) => [p.numerator, p.denominator])).toEqual([[88, 300]]);
  });
});

describe('start-up validation names each bad field of an own extract', () => {
  const own = CONFIG.extracts.sprogskole_fravaer!;
  const columns = own.columns as Record<string, unknown>;
  const withExtract = (extract: Record<string, unknown>, name = 'sprogskole_fravaer') => ({
    ...CONFIG,
    extracts: { [name]: extract },
  });
  const problem = (raw: unknown): string => {
    try {
      parseConfig(raw);
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      return (e as Error).message;
    }
    throw new Error('the configuration was accepted');
  };

  it('an unknown type', () => {
    const msg = problem(withExtract({ ...own, columns: { ...columns, note: { type: 'float' } } }));
    expect(msg).toContain('extracts.sprogskole_fravaer.columns.note.type:');
    expect(msg).toContain('tilladte værdier: cpr, text, code, integer, decimal, boolean, date, month');
  });

  it('a key column that is not declared', () => {
    const msg = problem(withExtract({ ...own, key: ['cpr', 'maaned'] }));
    expect(msg).toContain(
      'extracts.sprogskole_fravaer.key.1: kolonnen maaned er ikke erklæret under columns; de erklærede er cpr, month, module, planned_lessons, absent_lessons, note',
    );
  });

  it('a name that clashes with a built-in extract', () => {
    const msg = problem(withExtract(own, 'employment'));
    expect(msg).toContain('extracts.employment: "employment" er allerede et indbygget udtræk');
  });

  it('a code column without its values, and a range on text', () => {
    const msg = problem(
      withExtract({
        ...own,
        columns: { ...columns, module: { type: 'code' }, note: { type: 'text', max: 3 } },
      }),
    );
    expect(msg).toContain('extracts.sprogskole_fravaer.columns.module.values: en kolonne af typen code');
    expect(msg).toContain('extracts.sprogskole_fravaer.columns.note.max: min og max gælder kun');
  });

  it('an initiative that reads an extract nobody declared, with a suggestion', () => {
    const ini = { ...CONFIG.initiatives[0], extracts: ['sprogskole_fravar'] };
    const msg = problem({ ...CONFIG, initiatives: [ini] });
    expect(msg).toContain('initiatives.0.extracts.0: der er intet udtræk "sprogskole_fravar"');
    expect(msg).toContain('sprogskole_fravaer');
  });

  it('check SQL that does not run stops the run with exit 2, before anything is read', async () => {
    const dir = await mkdtemp(join(await tempDir(), 'cfg-'));
    const file = join(dir, 'kpi.config.json');
    const checks = [{ sql: 'absent_lessons <= planed_lessons', message: 'x' }];
    await writeFile(file, JSON.stringify(withExtract({ ...own, checks })));
    const out = join(dir, 'out');
    const r = await cli(['run', '--inbox', INBOX, '--config', file, '--as-of', AS_OF, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'extracts.sprogskole_fravaer.checks.0.sql: kolonnen planed_lessons findes ikke i rækken',
    );
    expect(r.stderr).toContain('Mente du planned_lessons?');
    expect(r.stderr).toContain('planed_lessons');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(out, 'public'))).toBe(false);
  });
});
