/**
 * What BI tools read: kpis.json against its generated JSON Schema, the same rows in Parquet, Arrow and
 * Danish CSV; disclosure control that cannot be undone from the published cells; restatements;
 * several municipalities; user-defined initiatives.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { tableFromIPC } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../pipelines/cli.ts';
import { LOLLAND_KPIS } from '../pipelines/demo/lolland.ts';
import { Db } from '../pipelines/duckdb.ts';
import { LONG_COLUMNS } from '../pipelines/publish/tables.ts';
import { type KpiEntry, KpisJson } from '../schemas/outputs.ts';
import { cli, runInbox, TEST_KEY, tempDir } from './helpers.ts';

const CASES = join(import.meta.dirname, 'cases');

function write(path: string, content: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
}

describe('published files', () => {
  let out: string;
  let kpis: KpisJson;
  beforeAll(async () => {
    const inbox = await tempDir('kpi-pub-');
    cpSync(join(CASES, 'sel85-target-groups', 'inbox'), inbox, { recursive: true });
    cpSync(join(CASES, 'occupancy-months', 'inbox'), inbox, { recursive: true });
    cpSync(join(CASES, 'tariff-thresholds', 'inbox'), inbox, { recursive: true });
    // Lolland's baselines and targets, as its configuration sets them: series from 2020, with targets.
    ({ out, kpis } = await runInbox(inbox, {
      asOf: '2025-01-15',
      config: { minCell: 1, kpis: LOLLAND_KPIS },
    }));
  });

  it('kpis.json and tariff_alerts.json validate against their generated JSON Schemas', () => {
    const ajv = new Ajv2020.default({ allErrors: true, strict: false });
    for (const name of ['kpis', 'tariff_alerts', 'manifest']) {
      const schema = JSON.parse(readFileSync(join(out, 'public', 'schemas', `${name}.schema.json`), 'utf8'));
      const file = name === 'manifest' ? join(out, 'manifest.json') : join(out, 'public', `${name}.json`);
      const validate = ajv.compile(schema);
      expect(
        validate(JSON.parse(readFileSync(file, 'utf8'))),
        `${name}: ${ajv.errorsText(validate.errors)}`,
      ).toBe(true);
    }
    // and a broken document does not validate: the schema is not a formality
    const validate = ajv.compile(
      JSON.parse(readFileSync(join(out, 'public', 'schemas', 'kpis.schema.json'), 'utf8')),
    );
    expect(validate({ ...kpis, kpis: [{ ...kpis.kpis[0], status: 'great' }] })).toBe(false);
  });

  it('the schema and the engine refuse a dozen wrong kpis.json documents', () => {
    const ajv = new Ajv2020.default({ allErrors: true, strict: false });
    const json = ajv.compile(
      JSON.parse(readFileSync(join(out, 'public', 'schemas', 'kpis.schema.json'), 'utf8')),
    );
    const share = kpis.kpis.findIndex((k) => k.unit === 'share' && k.series.length > 0);
    const count = kpis.kpis.findIndex((k) => k.unit === 'count' && k.series.length > 0);
    expect([share, count].every((i) => i >= 0)).toBe(true);
    /** The published document with one thing changed in entry `i`. */
    const wrong = (i: number, change: (k: KpiEntry) => KpiEntry): KpisJson => ({
      ...kpis,
      kpis: kpis.kpis.map((k, j) => (j === i ? change(structuredClone(k)) : k)),
    });
    const point = (k: KpiEntry, p: Partial<KpiEntry['series'][number]>) => ({
      ...k,
      series: [{ ...k.series[0]!, ...p }, ...k.series.slice(1)],
    });
    const cases: [string, KpisJson, boolean][] = [
      [
        'a suppressed point with a value',
        wrong(share, (k) =>
          point(k, { suppressed: true, value: 0.4, numerator: null, denominator: null, status: null }),
        ),
        true,
      ],
      [
        'a suppressed point with a numerator',
        wrong(count, (k) =>
          point(k, { suppressed: true, value: null, numerator: 3, denominator: null, status: null }),
        ),
        true,
      ],
      [
        'a suppressed point with a status',
        wrong(share, (k) =>
          point(k, { suppressed: true, value: null, numerator: null, denominator: null, status: 'on_track' }),
        ),
        true,
      ],
      ['the period "banana"', wrong(share, (k) => point(k, { period: 'banana' })), true],
      ['a half-year in a yearly KPI', wrong(share, (k) => point(k, { period: '2024-H1' })), true],
      ['a month 13', wrong(share, (k) => ({ ...point(k, { period: '2024-13' }), grain: 'month' })), true],
      ['a share of 7.5', wrong(share, (k) => point(k, { value: 7.5 })), true],
      ['a negative share target', wrong(share, (k) => point(k, { target: -0.1 })), true],
      ['a municipality "Lolland"', wrong(share, (k) => ({ ...k, municipality: 'Lolland' })), true],
      ['a four-digit kommunekode', wrong(share, (k) => ({ ...k, municipality: '0360' })), true],
      ['an unknown status', wrong(count, (k) => point(k, { status: 'great' as never })), true],
      [
        'the same KPI twice for one municipality',
        { ...kpis, kpis: [...kpis.kpis, kpis.kpis[share]!] },
        false,
      ],
    ];
    expect(cases.length).toBeGreaterThanOrEqual(12);
    for (const [what, doc, inJsonSchema] of cases) {
      expect(KpisJson.safeParse(doc).success, what).toBe(false);
      if (inJsonSchema) expect(json(doc), what).toBe(false);
    }
    // The published documents themselves pass both.
    expect(KpisJson.safeParse(kpis).success).toBe(true);
    expect(json(kpis)).toBe(true);
  });

  const points = () =>
    kpis.kpis.flatMap((k) =>
      k.series.map((p) => ({
        kpi: k.id,
        period: p.period,
        member: Object.values(p.breakdown ?? {})[0] ?? null,
        value: p.value,
      })),
    );

  it('kpis.parquet has the documented columns and the same values', async () => {
    const db = await Db.open(':memory:');
    const cols = await db.all<{ column_name: string; column_type: string }>(
      `DESCRIBE SELECT * FROM read_parquet('${join(out, 'public', 'kpis.parquet')}')`,
    );
    expect(cols.map((c) => [c.column_name, c.column_type])).toEqual(Object.entries(LONG_COLUMNS));
    const rows = await db.all<{ kpi: string; period: string; member: string | null; value: number | null }>(
      `SELECT kpi_id AS kpi, period, breakdown_value AS member, value FROM read_parquet('${join(out, 'public', 'kpis.parquet')}')`,
    );
    db.close();
    expect(rows).toEqual(points());
    expect(rows.length).toBeGreaterThanOrEqual(10);
  });

  it('kpis.arrow reads back with the same columns and values', () => {
    const table = tableFromIPC(readFileSync(join(out, 'public', 'kpis.arrow')));
    expect(table.schema.fields.map((f) => f.name)).toEqual(Object.keys(LONG_COLUMNS));
    // The types are Parquet's: as_of is a date (days), not text.
    const types = Object.fromEntries(table.schema.fields.map((f) => [f.name, String(f.type)]));
    expect([types.as_of, types.value, types.suppressed, types.period]).toEqual([
      'Date32<DAY>',
      'Float64',
      'Bool',
      'Utf8',
    ]);
    expect(new Date(table.get(0)!.as_of as number).toISOString().slice(0, 10)).toBe(kpis.asOf);
    const rows = table
      .toArray()
      .map((r) => ({ kpi: r.kpi_id, period: r.period, member: r.breakdown_value, value: r.value }));
    expect(rows).toEqual(points());
  });

  it('kpis.csv is Danish Excel: BOM, semicolons, decimal comma, and the same numbers', () => {
    const text = readFileSync(join(out, 'public', 'kpis.csv'), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...lines] = text.slice(1).trimEnd().split('\r\n');
    expect(header!.split(';')).toEqual(Object.keys(LONG_COLUMNS));
    const at = (name: string) => Object.keys(LONG_COLUMNS).indexOf(name);
    const parsed = lines.map((l) => {
      const f = l.split(';');
      const v = f[at('value')]!;
      return {
        kpi: f[at('kpi_id')],
        period: f[at('period')],
        member: f[at('breakdown_value')] || null,
        value: v === '' ? null : Number(v.replace(',', '.')),
      };
    });
    expect(parsed).toEqual(points());
    expect(text).toContain(';0,7777777777777778;'); // 14/18 with a decimal comma
    // Words for people: the status and yes/no, never on_track next to nej.
    const words = [
      'På sporet',
      'Ikke på sporet',
      'Ufuldstændig',
      'Intet mål',
      'Ingen baseline',
      'Ingen data',
    ];
    const statuses = lines.map((l) => l.split(';')[at('status')]);
    expect(statuses.filter((w) => !words.includes(w!))).toEqual([]);
    expect(statuses).toContain('Ingen data');
    expect(text).not.toMatch(/;(on_track|off_track|incomplete|no_target|no_data|no_baseline);/);
  });
});

describe('disclosure control', () => {
  it('suppresses small café channels so that no hidden value can be recomputed from the published cells', async () => {
    const inbox = await tempDir('kpi-sdc-');
    // 2024: telefon 3 is below 5; the total and the other channels would give it away.
    // 2025: only one channel has contacts (2): total and channel are both below 5.
    write(
      join(inbox, 'cafe', 'cafe.csv'),
      [
        'date;inquiries;channel;age_band',
        '2024-03-01;40;fremmoede;',
        '2024-03-01;3;telefon;',
        '2024-03-02;12;online;',
        '2024-12-02;7;akuttelefon;',
        '2025-02-01;2;fremmoede;',
        '2025-12-01;0;telefon;',
        '',
      ].join('\n'),
    );
    const { kpis } = await runInbox(inbox, { asOf: '2026-01-15' });
    const cafe = kpis.kpis.find((k) => k.id === 'cafe_inquiries')!;
    for (const period of ['2024', '2025']) {
      const group = cafe.series.filter((p) => p.period === period);
      const total = group.find((p) => !p.breakdown)!;
      const cells = group.filter((p) => p.breakdown);
      // An attacker's attempt: with the total published and all but one cell published, the last is
      // total - sum(others). Every suppressed value must resist that.
      const hiddenCells = cells.filter((c) => c.suppressed);
      if (!total.suppressed) expect(hiddenCells.length === 0 || hiddenCells.length >= 2, period).toBe(true);
      if (total.suppressed)
        expect(hiddenCells.length, `${period}: the total is sum of the cells`).toBeGreaterThanOrEqual(1);
      for (const c of group.filter((p) => p.suppressed)) {
        expect(c.value).toBeNull();
        expect(c.numerator).toBeNull();
      }
    }
    const cell = (period: string, channel: string) =>
      cafe.series.find((p) => p.period === period && p.breakdown?.channel === channel)!;
    expect(cell('2024', 'telefon').suppressed).toBe(true); // primary: 3
    expect(cell('2024', 'akuttelefon').suppressed).toBe(true); // secondary: the smallest other
    expect(cell('2024', 'fremmoede').value).toBe(40);
    expect(cafe.series.find((p) => p.period === '2024' && !p.breakdown)!.value).toBe(62);
    expect(cell('2025', 'fremmoede').suppressed).toBe(true);
    expect(cafe.series.find((p) => p.period === '2025' && !p.breakdown)!.suppressed).toBe(true);
    expect(cell('2025', 'telefon')).toMatchObject({ value: 0, suppressed: false });
    // Every figure in public/ also passed through the suppression: no 3 and no 7 anywhere for 2024.
    expect(JSON.stringify(cafe.series.filter((p) => p.period === '2024').map((p) => p.value))).toBe(
      '[62,null,40,12,null]',
    ); // total, akuttelefon, fremmoede, online, telefon
  });
});

describe('restatements', () => {
  it('lists a closed period whose value changed since the previous run, with the previous value and run id', async () => {
    const inbox = await tempDir('kpi-restate-');
    cpSync(join(CASES, 'sel85-target-groups', 'inbox'), inbox, { recursive: true });
    const config = JSON.parse(readFileSync(join(CASES, 'sel85-target-groups', 'config.json'), 'utf8'));
    const first = await runInbox(inbox, { asOf: '2025-01-15', config });
    const before = first.kpis.kpis.find((k) => k.id === 'sel85_employment_rate')!;
    expect(before.restatements).toEqual([]);
    // A late correction: P1 had no wage hours in December 2024 after all.
    write(
      join(inbox, 'employment', 'eindkomst_zz_rettelse.csv'),
      'cpr;month;wage_hours;in_education\n010180-1101;2024-12;0;nej\n',
    );
    const second = await runInbox(inbox, { asOf: '2025-01-15', config, out: first.out });
    const after = second.kpis.kpis.find((k) => k.id === 'sel85_employment_rate')!;
    expect(after.restatements).toEqual([
      { period: '2024', previousValue: 14 / 18, value: 13 / 18, previousRunId: first.kpis.runId },
    ]);
    expect(after.series.find((p) => p.period === '2024')!.value).toBe(13 / 18);
  });
});

describe('several municipalities in one inbox', () => {
  it('computes every KPI per municipality from the municipality column', async () => {
    const inbox = await tempDir('kpi-multi-');
    const src = readFileSync(join(CASES, 'neet-age-boundaries', 'inbox', 'neet', 'ungedata.csv'), 'utf8')
      .trimEnd()
      .split('\n');
    // The five young people delivered for Lolland (360), and five others with the same birth dates and
    // statuses (other serial digits) for Guldborgsund (376).
    const lines = [`${src[0]}\tkommunekode`];
    for (const l of src.slice(1)) lines.push(`${l}\t360`);
    for (const l of src.slice(1)) {
      const f = l.split('\t');
      lines.push(`${f[0]!.slice(0, 8)}9${f[0]!.slice(9)}\t${f.slice(1).join('\t')}\t376`);
    }
    write(join(inbox, 'neet', 'ungedata.csv'), `${lines.join('\n')}\n`);
    // Both municipalities are published only when the configuration opts in to both.
    const config = JSON.parse(readFileSync(join(CASES, 'neet-age-boundaries', 'config.json'), 'utf8'));
    const { kpis } = await runInbox(inbox, {
      asOf: '2025-02-01',
      config: { ...config, municipalities: ['360', '376'] },
    });
    const neet = kpis.kpis.filter((k) => k.id === 'neet_share');
    expect(neet.map((k) => k.municipality)).toEqual(['360', '376']);
    for (const k of neet) {
      expect(k.series.map((p) => [p.period, p.numerator, p.denominator])).toEqual([
        ['2023', 3, 34],
        ['2024', 34, 52],
      ]);
    }
  });
});

describe('user-defined initiatives (the Kolding pattern)', () => {
  const initiative = (sql: string) => ({
    minCell: 1,
    initiatives: [
      {
        id: 'sel85_decisions_started',
        title: 'Nye §85-afgørelser',
        unit: 'count',
        grain: 'year',
        direction: 'increase',
        sql,
        baseline: { period: '2023' },
        target: { rule: 'absolute_change', perYear: 1 },
        extracts: ['sel85'],
      },
    ],
  });

  it('publishes an initiative like a built-in KPI, with baseline, target and status', async () => {
    const sql = `SELECT municipality, CAST(year(start_date) AS VARCHAR) AS period, count(*) AS numerator,
      NULL AS denominator, year(start_date) < year(meta.as_of()) AS complete FROM staging.sel85 GROUP BY ALL`;
    const { kpis } = await runInbox(join(CASES, 'sel85-target-groups', 'inbox'), {
      asOf: '2025-01-15',
      config: initiative(sql),
    });
    const k = kpis.kpis.find((e) => e.id === 'sel85_decisions_started') as KpiEntry;
    // decisions starting 2023: D1, D2, D5; 2024: D1b, D4 (D3 started 2022, before the baseline)
    expect(k.series.map((p) => [p.period, p.value, p.target, p.status])).toEqual([
      ['2023', 3, 3, 'on_track'],
      ['2024', 2, 4, 'off_track'],
    ]);
    expect(k.status).toBe('off_track');
  });

  it('rejects a broken initiative at start-up with its name, the field and DuckDB’s error (exit 2)', async () => {
    const dir = await tempDir('kpi-ini-');
    write(join(dir, 'config.json'), JSON.stringify(initiative('SELECT * FROM staging.sel86')));
    const out = await tempDir('kpi-ini-out-');
    const stderr: string[] = [];
    const sink = { write: (s: string) => stderr.push(s) } as unknown as NodeJS.WritableStream;
    const code = await main(
      [
        'run',
        '--inbox',
        join(CASES, 'sel85-target-groups', 'inbox'),
        '--out',
        out,
        '--config',
        join(dir, 'config.json'),
      ],
      { KPI_PSEUDONYM_KEY: TEST_KEY },
      sink,
      sink,
    );
    expect(code).toBe(2);
    expect(stderr.join('')).toContain(
      'initiatives.0.sql (sel85_decisions_started): SQL’en kan ikke køre. DuckDB siger: Catalog Error: Table with name sel86 does not exist',
    );
  });

  it('rejects a bad configuration with exit 2 and one message per cause, naming the file and the field', async () => {
    const dir = await tempDir('kpi-cfg-');
    const file = (name: string, config: unknown) => {
      write(join(dir, name), JSON.stringify(config));
      return join(dir, name);
    };
    const known =
      'Kendte id’er: sel85_employment_rate, neet_share, treatment_employment_retained, neet_without_benefit, cafe_inquiries, survey_satisfaction, survey_response_rate, tariff_alerts, occupancy_rate, rangliste_placering, rangliste_forskel, hoejdespringer_placering';
    // Each invocation has one thing wrong, and the key is set unless the key is what is wrong.
    const cases: [string, string[], Record<string, string>, string][] = [
      [
        'a typo in a KPI id',
        ['--config', file('typo.json', { kpis: { nete_share: {} } })],
        { KPI_PSEUDONYM_KEY: TEST_KEY },
        `Konfigurationsfilen ${join(dir, 'typo.json')} er ikke gyldig:\n  - kpis.nete_share: der er ingen KPI med dette id. ${known}. Mente du neet_share?\n`,
      ],
      [
        'a target rule without its figure',
        ['--config', file('rule.json', { kpis: { neet_share: { target: { rule: 'absolute_change' } } } })],
        { KPI_PSEUDONYM_KEY: TEST_KEY },
        `Konfigurationsfilen ${join(dir, 'rule.json')} er ikke gyldig:\n  - kpis.neet_share.target.perYear: Ugyldigt input: forventede tal, fik undefined\n`,
      ],
      [
        'a configuration file that is not there',
        ['--config', join(dir, 'missing.json')],
        { KPI_PSEUDONYM_KEY: TEST_KEY },
        `Kan ikke læse konfigurationsfilen ${join(dir, 'missing.json')}: ENOENT\n`,
      ],
      [
        'no pseudonymisation key',
        ['--config', file('ok.json', {})],
        {},
        'Der er ingen pseudonymiseringsnøgle.\n',
      ],
    ];
    for (const [what, args, env, message] of cases) {
      const out = await tempDir('kpi-cfg-out-');
      const r = await cli(['run', '--inbox', join(dir, 'inbox'), '--out', out, ...args], env);
      expect(r.code, what).toBe(2);
      expect(r.stderr.startsWith(message), `${what}:\n${r.stderr}`).toBe(true);
      expect(readdirSync(out), what).toEqual([]); // nothing is touched
    }
  });
});

describe('kpi.config.example.json', () => {
  it('is a valid configuration whose initiative runs', async () => {
    const { loadConfig } = await import('../pipelines/config.ts');
    const { validateInitiatives } = await import('../pipelines/run/initiatives.ts');
    const config = await loadConfig(join(import.meta.dirname, '..', 'kpi.config.example.json'));
    expect(config.initiatives.map((i) => i.id)).toEqual(['sel85_new_decisions']);
    await expect(validateInitiatives(config, '2026-11-22')).resolves.toBeUndefined();
  });
});
