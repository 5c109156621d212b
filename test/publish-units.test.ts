/**
 * The long tables BI tools and Excel read (docs/outputs.md) and who may read restricted files
 * (docs/privacy-and-reliability.md), on hand-made input: every column of a row, the Danish CSV to the
 * byte, Parquet and Arrow with the documented types, also when there are no rows; group lookup, modes
 * and the key-file warning.
 */
import { chmodSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Db } from '../pipelines/duckdb.ts';
import { ConfigError } from '../pipelines/errors.ts';
import { setLang } from '../pipelines/i18n/index.ts';
import {
  groupId,
  keyFileWarnings,
  lockDown,
  privateDir,
  restrictedAccess,
} from '../pipelines/publish/access.ts';
import { LONG_COLUMNS, longRows, writeArrow, writeCsv, writeParquet } from '../pipelines/publish/tables.ts';
import type { KpiEntry, KpisJson } from '../schemas/outputs.ts';
import { tempDir } from './helpers.ts';

afterEach(() => setLang('da'));

const entry = (over: Partial<KpiEntry>): KpiEntry => ({
  id: 'neet_share',
  title: 'Unge; "uden" job',
  unit: 'share',
  grain: 'year',
  direction: 'decrease',
  municipality: '360',
  source: 'neet',
  baseline: { period: '2020', value: 0.125, from: 'data' },
  target: { rule: 'none' },
  series: [],
  latest: null,
  status: 'no_target',
  restatements: [],
  ...over,
});

const KPIS: KpisJson = {
  schemaVersion: 1,
  runId: '20270101T010000Z-abcdef',
  asOf: '2027-01-15',
  generatedAt: '2027-01-15T01:00:00.000Z',
  minCell: 5,
  kpis: [
    entry({
      series: [
        {
          period: '2020',
          value: 0.125,
          target: 0.1,
          numerator: 5,
          denominator: 40,
          persons: 40,
          status: 'off_track',
          suppressed: false,
        },
        {
          period: '2021',
          value: null,
          target: null,
          numerator: null,
          denominator: null,
          status: 'no_data',
          suppressed: true,
          breakdown: { gender: 'k' },
        },
      ],
    }),
    entry({
      id: 'cafe_inquiries',
      title: 'Henvendelser',
      unit: 'count',
      grain: 'month',
      direction: 'increase',
      baseline: null,
      heldBack: { reason: 'cafe/a.csv blev afvist', files: ['cafe/a.csv'] },
      series: [
        {
          period: '2026-11',
          value: 1234.5,
          target: null,
          numerator: null,
          denominator: null,
          status: 'incomplete',
          suppressed: false,
        },
      ],
    }),
  ],
};

describe('long rows', () => {
  it('one row per point, with the KPI, the breakdown, the baseline and whether it was held back', () => {
    const rows = longRows(KPIS);
    expect(rows).toEqual([
      {
        run_id: '20270101T010000Z-abcdef',
        as_of: '2027-01-15',
        kpi_id: 'neet_share',
        title: 'Unge; "uden" job',
        unit: 'share',
        grain: 'year',
        direction: 'decrease',
        municipality: '360',
        period: '2020',
        breakdown_dimension: null,
        breakdown_value: null,
        breakdown_label: null,
        value: 0.125,
        target: 0.1,
        numerator: 5,
        denominator: 40,
        persons: 40,
        status: 'off_track',
        suppressed: false,
        baseline_period: '2020',
        baseline_value: 0.125,
        held_back: false,
      },
      expect.objectContaining({
        period: '2021',
        breakdown_dimension: 'gender',
        breakdown_value: 'k',
        breakdown_label: 'k', // no label in the catalogue: the value itself
        value: null,
        persons: null,
        suppressed: true,
        held_back: false,
      }),
      expect.objectContaining({
        kpi_id: 'cafe_inquiries',
        baseline_period: null,
        baseline_value: null,
        held_back: true,
      }),
    ]);
    for (const r of rows) expect(Object.keys(r)).toEqual(Object.keys(LONG_COLUMNS));
  });
});

describe('kpis.csv', () => {
  it('is Danish Excel to the byte: BOM, semicolons, decimal comma, quoted text, status and yes/no in words, CRLF', async () => {
    const dir = await tempDir('kpi-csv-');
    await writeCsv(longRows(KPIS), dir);
    const text = readFileSync(join(dir, 'kpis.csv'), 'utf8');
    expect(text).toBe(
      `\uFEFF${Object.keys(LONG_COLUMNS).join(';')}\r\n` +
        '20270101T010000Z-abcdef;2027-01-15;neet_share;"Unge; ""uden"" job";share;year;decrease;360;2020;;;;0,125;0,1;5;40;40;Ikke på sporet;nej;2020;0,125;nej\r\n' +
        '20270101T010000Z-abcdef;2027-01-15;neet_share;"Unge; ""uden"" job";share;year;decrease;360;2021;gender;k;k;;;;;;Ingen data;ja;2020;0,125;nej\r\n' +
        '20270101T010000Z-abcdef;2027-01-15;cafe_inquiries;Henvendelser;count;month;increase;360;2026-11;;;;1234,5;;;;;Ufuldstændig;nej;;;ja\r\n',
    );
  });

  it('in English with --lang en; a line break in a title is quoted; no rows is the header alone', async () => {
    setLang('en');
    const dir = await tempDir('kpi-csv-en-');
    const rows = longRows({ ...KPIS, kpis: [entry({ title: 'two\nlines', series: KPIS.kpis[0]!.series })] });
    await writeCsv(rows.slice(0, 1), dir);
    const lines = readFileSync(join(dir, 'kpis.csv'), 'utf8').split('\r\n');
    expect(lines[1]).toContain(';"two\nlines";');
    expect(lines[1]).toMatch(/;Off track;no;2020;0,125;no$/);
    await writeCsv([], dir);
    expect(readFileSync(join(dir, 'kpis.csv'), 'utf8')).toBe(
      `\uFEFF${Object.keys(LONG_COLUMNS).join(';')}\r\n`,
    );
  });
});

describe('kpis.parquet and kpis.arrow', () => {
  const readParquet = async (file: string) => {
    const db = await Db.open(':memory:');
    try {
      const types = await db.all<{ column_name: string; column_type: string }>(
        `SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('${file}'))`,
      );
      const rows = await db.all<Record<string, unknown>>(
        `SELECT kpi_id, period, value, suppressed, held_back, CAST(as_of AS VARCHAR) AS as_of FROM read_parquet('${file}') ORDER BY kpi_id, period`,
      );
      return { types: Object.fromEntries(types.map((t) => [t.column_name, t.column_type])), rows };
    } finally {
      db.close();
    }
  };

  it('Parquet has the documented columns and types and the same values; with no rows, the columns still', async () => {
    const dir = await tempDir('kpi-parquet-');
    await writeParquet(longRows(KPIS), dir, dir);
    const { types, rows } = await readParquet(join(dir, 'kpis.parquet'));
    expect(types).toEqual(LONG_COLUMNS);
    expect(rows).toEqual([
      {
        kpi_id: 'cafe_inquiries',
        period: '2026-11',
        value: 1234.5,
        suppressed: false,
        held_back: true,
        as_of: '2027-01-15',
      },
      {
        kpi_id: 'neet_share',
        period: '2020',
        value: 0.125,
        suppressed: false,
        held_back: false,
        as_of: '2027-01-15',
      },
      {
        kpi_id: 'neet_share',
        period: '2021',
        value: null,
        suppressed: true,
        held_back: false,
        as_of: '2027-01-15',
      },
    ]);
    const empty = await tempDir('kpi-parquet-empty-');
    await writeParquet([], empty, empty);
    const none = await readParquet(join(empty, 'kpis.parquet'));
    expect([none.types, none.rows]).toEqual([LONG_COLUMNS, []]);
  });

  it('Arrow has the columns with float, boolean and text types and the same values', async () => {
    const dir = await tempDir('kpi-arrow-');
    await writeArrow(longRows(KPIS), dir);
    const { tableFromIPC } = await import('apache-arrow');
    const bytes = readFileSync(join(dir, 'kpis.arrow'));
    // The Arrow IPC file format (not the stream format): it starts and ends with ARROW1.
    expect([bytes.subarray(0, 6).toString(), bytes.subarray(-6).toString()]).toEqual(['ARROW1', 'ARROW1']);
    const table = tableFromIPC(bytes);
    expect(table.schema.fields.map((f) => [f.name, String(f.type)])).toEqual(
      Object.entries(LONG_COLUMNS).map(([c, t]) => [
        c,
        t === 'DOUBLE' ? 'Float64' : t === 'BOOLEAN' ? 'Bool' : t === 'DATE' ? 'Date32<DAY>' : 'Utf8',
      ]),
    );
    // as_of is a date, as in Parquet: the as-of day, not text.
    expect(new Date(table.getChild('as_of')!.get(0) as number).toISOString().slice(0, 10)).toBe(KPIS.asOf);
    expect(table.getChild('value')!.toArray()).toEqual(new Float64Array([0.125, 0, 1234.5]));
    expect(table.getChild('value')!.get(1)).toBeNull();
    expect([...table.getChild('held_back')!]).toEqual([false, false, true]);
    expect([...table.getChild('kpi_id')!]).toEqual(['neet_share', 'neet_share', 'cafe_inquiries']);
    expect([...table.getChild('breakdown_value')!]).toEqual([null, 'k', null]);
  });
});

describe.skipIf(process.platform === 'win32')('access', () => {
  it('a group by number, by name from /etc/group, and a group that does not exist is a configuration error', () => {
    expect(groupId('1234')).toBe(1234);
    const line = readFileSync('/etc/group', 'utf8')
      .split('\n')
      .find((l) => /^[a-z_][^:]*:[^:]*:\d+:/.test(l) && !l.startsWith('root:'))!;
    const [name, , gid] = line.split(':');
    expect(groupId(name!)).toBe(Number(gid));
    expect(groupId('root')).toBe(0);
    expect(() => groupId('ingen-saadan-gruppe')).toThrow(ConfigError);
    expect(() => groupId('12abc')).toThrow(ConfigError); // a name, not a number
    expect(() => groupId('abc12')).toThrow(ConfigError);
    expect(() => groupId('ingen-saadan-gruppe')).toThrow(
      'restrictedGroup: der er ingen gruppe "ingen-saadan-gruppe" på denne maskine.',
    );
  });

  it('the owner only by default, the group with restrictedGroup', () => {
    expect(restrictedAccess(undefined)).toEqual({ dirMode: 0o700, fileMode: 0o600 });
    expect(restrictedAccess('0')).toEqual({ dirMode: 0o2750, fileMode: 0o640, gid: 0 });
  });

  it('privateDir makes the folder and its parents, and gives an existing one the access; lockDown a whole tree, links left alone', async () => {
    const root = await tempDir('kpi-access-');
    const mode = (p: string) => (statSync(p).mode & 0o7777).toString(8);
    const deep = join(root, 'a', 'b');
    await privateDir(deep, restrictedAccess(undefined));
    expect(mode(deep)).toBe('700');
    chmodSync(deep, 0o755);
    // A group other than this process's own, so that the group is seen to change (and the owner not).
    const other = readFileSync('/etc/group', 'utf8')
      .split('\n')
      .map((l) => Number(l.split(':')[2]))
      .find((g) => Number.isInteger(g) && g !== process.getgid!())!;
    await privateDir(deep, restrictedAccess(String(other)));
    expect([mode(deep), statSync(deep).gid, statSync(deep).uid]).toEqual(['2750', other, process.getuid!()]);

    const tree = join(root, 'tree');
    mkdirSync(join(tree, 'sub'), { recursive: true, mode: 0o755 });
    writeFileSync(join(tree, 'sub', 'f.txt'), 'x', { mode: 0o644 });
    const outside = join(root, 'outside.txt');
    writeFileSync(outside, 'y', { mode: 0o644 });
    symlinkSync(outside, join(tree, 'link'));
    await lockDown(tree, restrictedAccess(undefined));
    expect([mode(tree), mode(join(tree, 'sub')), mode(join(tree, 'sub', 'f.txt'))]).toEqual([
      '700',
      '700',
      '600',
    ]);
    expect(mode(outside)).toBe('644');
    await lockDown(join(root, 'missing'), restrictedAccess(undefined)); // nothing there: nothing to do
  });

  it('warns about a key file others or its group can read, and names the chmod; not about one only the owner or the restricted group reads', async () => {
    const dir = await tempDir('kpi-keyfile-');
    const key = join(dir, 'key');
    writeFileSync(key, 'k');
    chmodSync(key, 0o644);
    const [w] = await keyFileWarnings(key);
    expect(w).toEqual({
      code: 'key_file_permissions',
      message: `Nøglefilen ${key} kan læses af alle brugere på maskinen (tilstand 644). Den, der kan læse nøglen, kan beregne person_key for de CPR-numre, vedkommende kender. Gør den kun læsbar for ejeren: chmod 600 ${key}`,
    });
    expect((await keyFileWarnings(key, 'kpi'))[0]!.message).toContain('alle brugere på maskinen');
    chmodSync(key, 0o640);
    expect((await keyFileWarnings(key))[0]!.message).toContain('kan læses af dens gruppe (tilstand 640)');
    expect(await keyFileWarnings(key, 'kpi')).toEqual([]);
    chmodSync(key, 0o604);
    expect((await keyFileWarnings(key, 'kpi'))[0]!.message).toContain(
      'alle brugere på maskinen (tilstand 604)',
    );
    chmodSync(key, 0o600);
    expect(await keyFileWarnings(key)).toEqual([]);
    expect(await keyFileWarnings(join(dir, 'missing'))).toEqual([]);
    expect(await keyFileWarnings(undefined)).toEqual([]);
  });
});
