/**
 * The KPI engine's small parts on their own (docs/kpis.md, docs/outputs.md): periods, exact fractions,
 * disclosure control, the public entry with secondary suppression and restatements, the words a KPI is
 * described in, and how evaluation treats municipalities, breakdowns and periods not yet started.
 */
import { describe, expect, it } from 'vitest';
import { formatPercent, formatValue, ruleText, statusWord, unitText } from '../pipelines/core/describe.ts';
import { periodMonths, periodYear } from '../pipelines/core/periods.ts';
import { Rational } from '../pipelines/core/rational.ts';
import { Db } from '../pipelines/duckdb.ts';
import { setLang } from '../pipelines/i18n/index.ts';
import type { KpiDefinition } from '../pipelines/kpis/catalogue.ts';
import { suppressCount, suppressedPoints, suppressShare } from '../pipelines/kpis/disclosure.ts';
import { evaluateKpi, evaluateRows, type KpiRow, meetsTarget } from '../pipelines/kpis/evaluate.ts';
import { noDataEntry, toPublicEntry } from '../pipelines/kpis/publicEntry.ts';
import type { KpiEntry } from '../schemas/outputs.ts';
import { testKpi } from './helpers.ts';

const def = testKpi;
const row = (
  period: string,
  numerator: number | null,
  denominator: number | null,
  over: Partial<KpiRow> = {},
): KpiRow => ({
  municipality: '360',
  period,
  numerator,
  denominator,
  complete: true,
  ...over,
});
const r = (n: number | bigint, d: number | bigint = 1) => new Rational(BigInt(n), BigInt(d));
const parts = (x: Rational) => [x.num, x.den];

describe('periods', () => {
  it('a year, a half-year and a month have their first and last month; a survey wave has none', () => {
    expect(periodMonths('2027')).toEqual({ first: '2027-01', last: '2027-12' });
    expect(periodMonths('2027-H1')).toEqual({ first: '2027-01', last: '2027-06' });
    expect(periodMonths('2027-H2')).toEqual({ first: '2027-07', last: '2027-12' });
    expect(periodMonths('2027-05')).toEqual({ first: '2027-05', last: '2027-05' });
    for (const p of [
      '2027-1',
      '2027-H3',
      'x2027',
      '20271',
      '2027x',
      '2027-05x',
      'x2027-05',
      'x2027-H1',
      '2027-H1x',
      '2o27',
    ])
      expect(periodMonths(p), p).toBeUndefined();
    expect([periodYear('2027'), periodYear('2027-H2'), periodYear('2027-05'), periodYear('2027-1')]).toEqual([
      2027, 2027, 2027, 2027,
    ]);
  });
});

describe('exact fractions', () => {
  it('are kept in lowest terms with a positive denominator', () => {
    expect(parts(r(6, -4))).toEqual([-3n, 2n]);
    expect(parts(r(-6, -4))).toEqual([3n, 2n]);
    expect(parts(r(0, 5))).toEqual([0n, 1n]);
    expect(parts(r(0, -5))).toEqual([0n, 1n]);
    expect(parts(r(7, 1))).toEqual([7n, 1n]);
    expect(() => r(1, 0)).toThrow('Rational with denominator 0');
  });

  it('read numbers as written, exponents included, and bigints as they are', () => {
    expect(parts(Rational.of(0.02))).toEqual([1n, 50n]);
    expect(parts(Rational.of(-1.25))).toEqual([-5n, 4n]);
    expect(parts(Rational.of(1e21))).toEqual([10n ** 21n, 1n]); // "1e+21"
    expect(parts(Rational.of(1e100))).toEqual([10n ** 100n, 1n]); // a three-digit exponent
    expect(parts(Rational.of(1.5e-7))).toEqual([3n, 20_000_000n]); // "1.5e-7"
    expect(parts(Rational.of(12345678901234567890n))).toEqual([12345678901234567890n, 1n]);
    expect(() => Rational.of(Number.NaN)).toThrow('not a finite number: NaN');
    expect(() => Rational.of(Number.POSITIVE_INFINITY)).toThrow('not a finite number: Infinity');
  });

  it('add, subtract, multiply, divide, raise and compare exactly', () => {
    expect(parts(r(1, 3).add(r(1, 6)))).toEqual([1n, 2n]);
    expect(parts(r(1, 3).sub(r(1, 2)))).toEqual([-1n, 6n]);
    expect(parts(r(2, 3).mul(r(9, 4)))).toEqual([3n, 2n]);
    expect(parts(r(2, 3).div(r(4, 9)))).toEqual([3n, 2n]);
    expect(parts(r(3, 2).pow(3))).toEqual([27n, 8n]);
    expect(parts(r(3, 2).pow(0))).toEqual([1n, 1n]);
    expect(parts(r(3, 2).pow(-2))).toEqual([4n, 9n]);
    expect(() => r(3, 2).pow(0.5)).toThrow('integer powers only');
    expect([r(1, 3).cmp(r(2, 6)), r(1, 3).cmp(r(1, 2)), r(-1, 2).cmp(r(-1, 3))]).toEqual([0, -1, -1]);
    expect(r(1, 8).toNumber()).toBe(0.125);
  });
});

describe('disclosure control', () => {
  it('a count of 1 to minCell − 1 is suppressed; 0, minCell and missing counts are not', () => {
    expect([null, undefined, 0, 1, 4, 5, 6].map((n) => suppressCount(n, 5))).toEqual([
      false,
      false,
      false,
      true,
      true,
      false,
      false,
    ]);
    expect(suppressShare(10, null, 5)).toBe(false); // no denominator: no share to hide
    expect(suppressShare(null, 3, 5)).toBe(false); // no numerator: no share either
    expect(suppressShare(0, 0, 5)).toBe(true); // nobody at all is a group below minCell
    expect(suppressCount(1, 1)).toBe(false); // minCell 1: nothing to hide
  });

  it('a share is suppressed by a small numerator, a small complement or a denominator below minCell', () => {
    expect(suppressShare(null, 100, 5)).toBe(false);
    expect(suppressShare(5, null, 5)).toBe(false);
    expect(suppressShare(0, 5, 5)).toBe(false); // 0 of 5: nothing small
    expect(suppressShare(5, 5, 5)).toBe(false); // 5 of 5
    expect(suppressShare(0, 4, 5)).toBe(true); // denominator below minCell
    expect(suppressShare(5, 9, 5)).toBe(true); // complement 4
    expect(suppressShare(5, 10, 5)).toBe(false);
  });
});

describe('the public entry', () => {
  const channels = (telefon: number, mail: number, over: Partial<KpiDefinition> = {}) => {
    const d = def({ unit: 'count', target: { rule: 'none' }, baseline: undefined, ...over });
    const rows = [
      row('2024', telefon + mail, null),
      row('2024', telefon, null, { dimension: 'channel', member: 'telefon' }),
      row('2024', mail, null, { dimension: 'channel', member: 'mail' }),
    ];
    return evaluateRows(d, rows, '2025-06-01', '360', true)[0]!;
  };
  const hiddenOf = (ev: ReturnType<typeof channels>) =>
    ev.points
      .filter((p) => suppressedPoints(ev, 5).has(p))
      .map((p) => p.breakdown?.channel ?? 'total')
      .sort();

  it('secondary suppression: one hidden cell hides the smallest other non-zero cell too', () => {
    expect(hiddenOf(channels(3, 40))).toEqual(['mail', 'telefon']);
    expect(hiddenOf(channels(20, 40))).toEqual([]);
  });

  it('with nothing else to hide, the total goes; a count of 0 is never the one hidden', () => {
    const d = def({ unit: 'count', target: { rule: 'none' }, baseline: undefined });
    const rows = [
      row('2024', 3, null),
      row('2024', 3, null, { dimension: 'channel', member: 'telefon' }),
      row('2024', 0, null, { dimension: 'channel', member: 'mail' }),
    ];
    const ev = evaluateRows(d, rows, '2025-06-01', '360', true)[0]!;
    expect(hiddenOf(ev)).toEqual(['telefon', 'total']);
    // disclosure: false (a KPI without persons behind it) hides nothing.
    expect(hiddenOf(channels(3, 40, { disclosure: false }))).toEqual([]);
  });

  it('persons below minCell suppress a point of any unit (a share too), with its status; published persons are counts of their own', () => {
    const d = def({ publishPersons: true });
    const ev = evaluateRows(
      d,
      [row('2020', 100, 1000, { persons: 3 }), row('2021', 200, 1000, { persons: 50 })],
      '2025-01-01',
      '360',
      true,
    )[0]!;
    const e = toPublicEntry(ev, 5);
    expect(e.series.map((p) => [p.period, p.value, p.persons, p.suppressed, p.status])).toEqual([
      ['2020', null, null, true, null],
      ['2021', 0.2, 50, false, 'on_track'],
    ]);
    expect(toPublicEntry({ ...ev, def: { ...d, disclosure: false } }, 5).series[0]!.persons).toBe(3);
    expect(
      toPublicEntry({ ...ev, def: { ...d, publishPersons: false } }, 5).series[0]!.persons,
    ).toBeUndefined();
  });

  it('a count KPI is suppressed by its count, a share by its numerator and denominator; no value, nothing to hide', () => {
    const count = evaluateRows(def({ unit: 'count' }), [row('2020', 3, null)], '2025-01-01', '360', true)[0]!;
    expect(toPublicEntry(count, 5).series[0]).toMatchObject({ value: null, suppressed: true });
    const rate = evaluateRows(def({ unit: 'rate' }), [row('2020', 3, 1000)], '2025-01-01', '360', true)[0]!;
    expect(toPublicEntry(rate, 5).series[0]).toMatchObject({ value: null, suppressed: true });
    const none = evaluateRows(def(), [row('2020', null, 3)], '2025-01-01', '360', true)[0]!;
    expect(toPublicEntry(none, 5).series[0]).toMatchObject({
      value: null,
      suppressed: false,
      denominator: 3,
    });
  });

  it('an average (hours a week) is suppressed by the persons behind it, not by its own small value', () => {
    const hours = (persons?: number) =>
      evaluateRows(
        def({ unit: 'hours', target: { rule: 'none' } }),
        [row('2020', 2, null, persons === undefined ? {} : { persons })],
        '2025-01-01',
        '360',
        true,
      )[0]!;
    expect(toPublicEntry(hours(100), 5).series[0]).toMatchObject({ value: 2, suppressed: false });
    expect(toPublicEntry(hours(5), 5).series[0]).toMatchObject({ value: 2, suppressed: false });
    expect(toPublicEntry(hours(4), 5).series[0]).toMatchObject({ value: null, suppressed: true });
    // Without persons the value itself is taken as a count, as before.
    expect(toPublicEntry(hours(), 5).series[0]).toMatchObject({ value: null, suppressed: true });
    // A count KPI stays suppressed by its count whatever the persons.
    const count = evaluateRows(
      def({ unit: 'count' }),
      [row('2020', 3, null, { persons: 100 })],
      '2025-01-01',
      '360',
      true,
    )[0]!;
    expect(toPublicEntry(count, 5).series[0]).toMatchObject({ value: null, suppressed: true });
  });

  it('lists a closed period whose value changed as a restatement, with the previous value and run', () => {
    const d = def({ grain: 'year', unit: 'count', target: { rule: 'none' }, baseline: undefined });
    const before = toPublicEntry(
      evaluateRows(
        d,
        [row('2022', 10, null), row('2023', 20, null), row('2024', 30, null, { complete: false })],
        '2025-01-01',
        '360',
        true,
      )[0]!,
      5,
    );
    const now = evaluateRows(
      d,
      [row('2022', 10, null), row('2023', 21, null), row('2024', 31, null)],
      '2025-02-01',
      '360',
      true,
    )[0]!;
    const e = toPublicEntry(now, 5, { entry: before, runId: 'R1' });
    // 2024 was incomplete before: its change is no restatement.
    expect(e.restatements).toEqual([{ period: '2023', previousValue: 20, value: 21, previousRunId: 'R1' }]);
    expect(toPublicEntry(now, 5).restatements).toEqual([]);
  });

  it('a restated breakdown cell names its breakdown', () => {
    const d = def({ unit: 'count', target: { rule: 'none' }, baseline: undefined });
    const mk = (n: number) =>
      toPublicEntry(
        evaluateRows(
          d,
          [row('2023', n, null, { dimension: 'channel', member: 'mail' })],
          '2025-01-01',
          '360',
          true,
        )[0]!,
        1,
      );
    expect(
      toPublicEntry(
        evaluateRows(
          d,
          [row('2023', 9, null, { dimension: 'channel', member: 'mail' })],
          '2025-01-01',
          '360',
          true,
        )[0]!,
        1,
        { entry: mk(8), runId: 'R0' },
      ).restatements,
    ).toEqual([
      { period: '2023', breakdown: { channel: 'mail' }, previousValue: 8, value: 9, previousRunId: 'R0' },
    ]);
  });

  it('a share and a rate are judged by numerator, complement and denominator; a count by itself; no value, never hidden', () => {
    const one = (d: KpiDefinition, n: number, den: number | null) =>
      toPublicEntry(evaluateRows(d, [row('2020', n, den)], '2025-01-01', '360', true)[0]!, 5).series[0]!;
    // 10 of 12: the 2 who did not succeed are a small group.
    expect(one(def(), 10, 12)).toMatchObject({ value: null, numerator: null, suppressed: true });
    expect(one(def({ unit: 'rate' }), 10, 12)).toMatchObject({ value: null, suppressed: true });
    expect(one(def({ unit: 'count' }), 10, null)).toMatchObject({ value: 10, suppressed: false });
    // A point without a value has nothing to hide, even with a small count.
    const ev = evaluateRows(def({ unit: 'count' }), [row('2020', 2, null)], '2025-01-01', '360', true)[0]!;
    const noValue = { ...ev, points: ev.points.map((p) => ({ ...p, value: null })) };
    expect(suppressedPoints(noValue, 5).size).toBe(0);
  });

  it('secondary suppression picks the smallest non-zero cell with a value, else the total; cells without a total hide alone', () => {
    const d = def({ unit: 'count', target: { rule: 'none' }, baseline: undefined });
    const evaluate = (cells: [string, number][]) =>
      evaluateRows(
        d,
        [
          row(
            '2024',
            cells.reduce((a, [, n]) => a + n, 0),
            null,
          ),
          ...cells.map(([member, n]) => row('2024', n, null, { dimension: 'channel', member })),
        ],
        '2025-06-01',
        '360',
        true,
      )[0]!;
    const hidden = (ev: ReturnType<typeof evaluate>) =>
      ev.points
        .filter((p) => suppressedPoints(ev, 5).has(p))
        .map((p) => p.breakdown?.channel ?? 'total')
        .sort();
    expect(
      hidden(
        evaluate([
          ['telefon', 3],
          ['mail', 40],
          ['chat', 10],
        ]),
      ),
    ).toEqual(['chat', 'telefon']);
    // The smallest, not the first in the cells' order (chat, mail, telefon).
    expect(
      hidden(
        evaluate([
          ['telefon', 3],
          ['mail', 10],
          ['chat', 40],
        ]),
      ),
    ).toEqual(['mail', 'telefon']);
    // A cell without a value (no data) cannot give the hidden one away, so it is not the one hidden.
    const withoutValue = (ev: ReturnType<typeof evaluate>, member: string) => ({
      ...ev,
      points: ev.points.map((p) => (p.breakdown?.channel === member ? { ...p, value: null } : p)),
    });
    expect(
      hidden(
        withoutValue(
          evaluate([
            ['telefon', 3],
            ['mail', 40],
            ['chat', 10],
          ]),
          'chat',
        ),
      ),
    ).toEqual(['mail', 'telefon']);
    // Nothing else non-zero with a value: the total goes.
    expect(
      hidden(
        withoutValue(
          evaluate([
            ['telefon', 3],
            ['mail', 40],
            ['chat', 0],
          ]),
          'mail',
        ),
      ),
    ).toEqual(['telefon', 'total']);
    // A total hidden on its own, with no cell to add (the cells without value or 0): it stays alone.
    const lone = withoutValue(
      evaluate([
        ['telefon', 3],
        ['mail', 0],
      ]),
      'telefon',
    );
    expect(hidden(lone)).toEqual(['total']);
    // Breakdown cells without a total row: nothing to recompute a hidden cell from.
    const cellsOnly = evaluateRows(
      d,
      [
        row('2024', 3, null, { dimension: 'channel', member: 'telefon' }),
        row('2024', 40, null, { dimension: 'channel', member: 'mail' }),
      ],
      '2025-06-01',
      '360',
      true,
    )[0]!;
    expect(hidden(cellsOnly)).toEqual(['telefon']);
  });

  it('targets derived from a hidden baseline are withheld; fixed targets, a fixed baseline and a hidden cell are not', () => {
    const targets = (over: Partial<KpiDefinition>, rows: KpiRow[]) =>
      toPublicEntry(evaluateRows(def(over), rows, '2025-01-01', '360', true)[0]!, 5)
        .series.filter((p) => !p.breakdown)
        .map((p) => p.target);
    const small2020 = [row('2020', 3, 1000), row('2021', 200, 1000)];
    expect(targets({}, small2020)).toEqual([null, null]);
    expect(targets({ target: { rule: 'absolute_change', perYear: 0.01 } }, small2020)).toEqual([null, null]);
    expect(targets({}, [row('2020', 100, 1000), row('2021', 200, 1000)])).toEqual([0.1, 0.102]);
    expect(targets({ target: { rule: 'fixed', values: { '2020': 0.05, '2021': 0.06 } } }, small2020)).toEqual(
      [0.05, 0.06],
    );
    // A fixed baseline is the configuration's, not the hidden data's.
    expect(targets({ baseline: { period: '2020', value: 0.1, fixed: true } }, small2020)).toEqual([
      0.1, 0.102,
    ]);
    // Only a breakdown cell of the baseline year is small: the total, and so the targets, stand.
    const cellSmall = [
      row('2020', 100, 1000),
      row('2020', 3, 500, { dimension: 'gender', member: 'k' }),
      row('2020', 97, 500, { dimension: 'gender', member: 'm' }),
      row('2021', 200, 1000),
    ];
    expect(targets({}, cellSmall)).toEqual([0.1, 0.102]);
  });

  it('a period that had no data or was incomplete before is no restatement; breakdown cells are compared cell by cell', () => {
    const d = def({ unit: 'count', target: { rule: 'none' }, baseline: undefined });
    const entry = (rows: KpiRow[], previous?: KpiEntry) =>
      toPublicEntry(
        evaluateRows(d, rows, '2025-01-01', '360', true)[0]!,
        1,
        previous ? { entry: previous, runId: 'R0' } : undefined,
      );
    const before = entry([row('2022', 10, null), row('2024', 5, null)]); // 2023 had no data
    expect(before.series.map((p) => [p.period, p.status])).toEqual([
      ['2022', 'no_target'],
      ['2023', 'no_data'],
      ['2024', 'no_target'],
    ]);
    expect(
      entry([row('2022', 10, null), row('2023', 7, null), row('2024', 5, null)], before).restatements,
    ).toEqual([]);
    const cells = (mail: number, telefon: number) => [
      row('2023', mail + telefon, null),
      row('2023', mail, null, { dimension: 'channel', member: 'mail' }),
      row('2023', telefon, null, { dimension: 'channel', member: 'telefon' }),
    ];
    expect(entry(cells(8, 20), entry(cells(8, 20))).restatements).toEqual([]);
  });

  it('a KPI held back before it was ever published has no figures, only the reason', () => {
    const held = { reason: 'employment blev afvist', files: ['employment/e.csv'] };
    expect(noDataEntry(def(), '360', held)).toEqual({
      id: 'k',
      title: 'K',
      unit: 'share',
      grain: 'year',
      direction: 'increase',
      municipality: '360',
      source: 'test',
      baseline: null,
      target: { rule: 'relative_growth', perYear: 0.02 },
      series: [],
      latest: null,
      status: 'no_data',
      heldBack: held,
      restatements: [],
    });
  });
});

describe('evaluation', () => {
  it('each municipality in the rows gets its own result, in code order; none gives the configured one', () => {
    const rows = [row('2020', 10, 100), { ...row('2020', 30, 100), municipality: '101' }];
    const evs = evaluateRows(def(), rows, '2025-01-01', '360', true);
    expect(evs.map((e) => [e.municipality, e.points[0]!.value?.toNumber()])).toEqual([
      ['101', 0.3],
      ['360', 0.1],
    ]);
    expect(evaluateRows(def(), [], '2025-01-01', '851', true).map((e) => [e.municipality, e.status])).toEqual(
      [['851', 'no_data']],
    );
  });

  it('periods that start after the as-of month are not published', () => {
    const asOf = '2025-06-15';
    const points = (grain: KpiDefinition['grain'], periods: string[]) =>
      evaluateRows(
        def({ grain, baseline: undefined, target: { rule: 'none' } }),
        periods.map((p) => row(p, 1, 10)),
        asOf,
        '360',
        true,
      )[0]!.points.map((p) => p.period);
    expect(points('half_year', ['2025-H1', '2025-H2'])).toEqual(['2025-H1']);
    expect(points('month', ['2025-05', '2025-06', '2025-07'])).toEqual(['2025-05', '2025-06']);
    expect(points('year', ['2024', '2025', '2026'])).toEqual(['2024', '2025']);
    expect(points('wave', ['2025-2', '2026-1'])).toEqual(['2025-2']);
  });

  it('a year series without a baseline runs from its first to its last year, gaps as no_data', () => {
    const ev = evaluateRows(
      def({ baseline: undefined, target: { rule: 'none' } }),
      [row('2023', 1, 10), row('2021', 1, 10)],
      '2025-01-01',
      '360',
      true,
    )[0]!;
    expect(ev.points.map((p) => [p.period, p.status, p.complete])).toEqual([
      ['2021', 'no_target', true],
      ['2022', 'no_data', false],
      ['2023', 'no_target', true],
    ]);
  });

  it('other grains list their periods in order, from the baseline on', () => {
    const ev = evaluateRows(
      def({ grain: 'half_year', baseline: { period: '2024-H1' }, target: { rule: 'none' } }),
      [row('2024-H2', 1, 10), row('2023-H2', 1, 10), row('2024-H1', 1, 10)],
      '2025-06-01',
      '360',
      true,
    )[0]!;
    expect(ev.points.map((p) => p.period)).toEqual(['2024-H1', '2024-H2']);
  });

  it('a share without a denominator has no value (incomplete); a count without a numerator too', () => {
    const ev = evaluateRows(def(), [row('2020', 5, 0), row('2021', 5, null)], '2025-01-01', '360', true)[0]!;
    expect(ev.points.map((p) => [p.value, p.status])).toEqual([
      [null, 'incomplete'],
      [null, 'incomplete'],
    ]);
    expect(ev.status).toBe('incomplete');
    const count = evaluateRows(
      def({ unit: 'count' }),
      [row('2020', null, null)],
      '2025-01-01',
      '360',
      true,
    )[0]!;
    expect(count.points[0]!.status).toBe('incomplete');
    const rate = evaluateRows(def({ unit: 'rate' }), [row('2020', 3, 4)], '2025-01-01', '360', true)[0]!;
    expect(rate.points[0]!.value?.toNumber()).toBe(0.75);
  });

  it('a fixed baseline value wins over the data', () => {
    const ev = evaluateRows(
      def({ baseline: { period: '2020', value: 0.3, fixed: true } }),
      [row('2020', 10, 100), row('2021', 30, 100)],
      '2025-01-01',
      '360',
      true,
    )[0]!;
    expect(ev.baseline).toEqual({ period: '2020', value: Rational.of(0.3), from: 'config' });
    expect(ev.points[1]!.status).toBe('off_track'); // 0.30 < 0.3 × 1.02 = 0.306 (from the data: 0.102)
  });

  it('breakdowns: each member is a series; the overall status is the total’s, or the worst at the last period', () => {
    const d = def({ baseline: undefined, target: { rule: 'threshold', min: 0.5 } });
    const cells = [
      row('2024', 6, 10, { dimension: 'channel', member: 'telefon' }),
      row('2024', 4, 10, { dimension: 'channel', member: 'mail' }),
      row('2023', 1, 10, { dimension: 'channel', member: 'mail' }),
    ];
    const onlyCells = evaluateRows(d, cells, '2025-01-01', '360', true)[0]!;
    expect(onlyCells.points.map((p) => [p.breakdown?.channel, p.period, p.status])).toEqual([
      ['mail', '2023', 'off_track'],
      ['mail', '2024', 'off_track'],
      ['telefon', '2024', 'on_track'],
    ]);
    expect([onlyCells.status, onlyCells.latest?.period, onlyCells.latest?.breakdown]).toEqual([
      'off_track',
      '2024',
      { channel: 'mail' },
    ]);
    expect(onlyCells.baseline).toBeNull();
    const withTotal = evaluateRows(d, [...cells, row('2024', 10, 20)], '2025-01-01', '360', true)[0]!;
    expect([withTotal.status, withTotal.latest?.breakdown]).toEqual(['on_track', undefined]);
    const onlyOne = evaluateRows(d, cells.slice(0, 1), '2025-01-01', '360', true)[0]!;
    expect(onlyOne.status).toBe('on_track');
  });

  it('the overall status: incomplete when nothing is complete but something is under way, else no_data', () => {
    const ev = evaluateRows(def(), [row('2020', 1, 10, { complete: false })], '2025-01-01', '360', true)[0]!;
    expect([ev.status, ev.latest]).toEqual(['incomplete', null]);
    const none = evaluateRows(def(), [row('2020', 1, 10)], '2025-01-01', '360', false)[0]!;
    expect([none.status, none.points[0]!.status]).toEqual(['no_data', 'no_data']);
  });

  it('targets that cannot be had: no baseline (no_baseline), a year without a fixed value, a wave without a benchmark (no_target)', () => {
    const statuses = (over: Partial<KpiDefinition>, rows: KpiRow[]) =>
      evaluateRows(def(over), rows, '2025-01-01', '360', true)[0]!.points.map((p) => [
        p.period,
        p.target?.toNumber() ?? null,
        p.status,
      ]);
    const rows = [row('2021', 20, 100), row('2022', 30, 100)];
    // Growth and change need a baseline; without one configured or in the data, no_baseline.
    expect(statuses({ baseline: undefined }, rows)).toEqual([
      ['2021', null, 'no_baseline'],
      ['2022', null, 'no_baseline'],
    ]);
    expect(statuses({ target: { rule: 'absolute_change', perYear: 0.01 } }, rows)).toEqual([
      ['2020', null, 'no_data'],
      ['2021', null, 'no_baseline'],
      ['2022', null, 'no_baseline'],
    ]);
    expect(
      statuses({ baseline: undefined, target: { rule: 'absolute_change', perYear: 0.01 } }, rows),
    ).toEqual([
      ['2021', null, 'no_baseline'],
      ['2022', null, 'no_baseline'],
    ]);
    expect(
      statuses({ baseline: undefined, target: { rule: 'fixed', values: { '2021': 0.1 } } }, rows),
    ).toEqual([
      ['2021', 0.1, 'on_track'],
      ['2022', null, 'no_target'],
    ]);
    // A threshold given neither a minimum nor a maximum is no target.
    expect(statuses({ baseline: undefined, target: { rule: 'threshold' } }, rows)).toEqual([
      ['2021', null, 'no_target'],
      ['2022', null, 'no_target'],
    ]);
    expect(
      statuses({ baseline: undefined, grain: 'wave', target: { rule: 'benchmark' } }, [
        row('2021-1', 20, 100, { benchmark: 0.1 }),
        row('2022-1', 30, 100, { benchmark: null }),
      ]),
    ).toEqual([
      ['2021-1', 0.1, 'on_track'],
      ['2022-1', null, 'no_target'],
    ]);
  });

  it('a threshold is judged by its own side, whatever the direction', () => {
    const max = { direction: 'increase' as const, target: { rule: 'threshold' as const, max: 0 } };
    expect(meetsTarget(max, r(1), r(0))).toBe(false);
    expect(meetsTarget(max, r(0), r(0))).toBe(true);
    const min = { direction: 'decrease' as const, target: { rule: 'threshold' as const, min: 0.5 } };
    expect(meetsTarget(min, r(1, 2), r(1, 2))).toBe(true);
    expect(meetsTarget(min, r(49, 100), r(1, 2))).toBe(false);
  });

  it('the status is that of the last complete period with a value; persons of a year without data are none', () => {
    const ev = evaluateRows(
      def({ publishPersons: true }),
      [row('2020', 100, 1000, { persons: 50 }), row('2022', 130, null, { persons: 60 })],
      '2025-01-01',
      '360',
      true,
    )[0]!;
    expect(ev.points.map((p) => [p.period, p.status, p.persons])).toEqual([
      ['2020', 'on_track', 50],
      ['2021', 'no_data', null],
      ['2022', 'incomplete', 60],
    ]);
    expect([ev.status, ev.latest?.period]).toEqual(['on_track', '2020']);
    // Only periods without data: no_data, not incomplete.
    const empty = evaluateRows(def({ baseline: { period: '2020' } }), [], '2025-01-01', '360', true)[0]!;
    expect([empty.municipality, empty.status, empty.points, empty.baseline]).toEqual([
      '360',
      'no_data',
      [],
      { period: '2020', value: null, from: null },
    ]);
    const gaps = evaluateRows(
      def({ grain: 'month', baseline: undefined, target: { rule: 'none' } }),
      [row('2024-01', 1, null, { complete: false })],
      '2025-01-01',
      '360',
      false,
    )[0]!;
    expect([gaps.status, gaps.points.map((p) => p.status)]).toEqual(['no_data', ['no_data']]);
  });

  it('without a total row, the status is that of the latest complete period of any series', () => {
    const d = def({ baseline: undefined, target: { rule: 'threshold', min: 0.5 } });
    const cell = (member: string, period: string, n: number) =>
      row(period, n, 100, { dimension: 'survey', member });
    // B's series ends first, and comes last: its last period is not the latest.
    const ev = evaluateRows(
      d,
      [
        cell('A', '2020', 40),
        cell('A', '2021', 40),
        cell('A', '2022', 60),
        cell('B', '2020', 70),
        cell('B', '2021', 30),
      ],
      '2025-01-01',
      '360',
      true,
    )[0]!;
    expect([ev.latest?.period, ev.latest?.breakdown, ev.status]).toEqual([
      '2022',
      { survey: 'A' },
      'on_track',
    ]);
  });

  it('a KPI with one breakdown series and no total row keeps that series’ baseline', () => {
    const ev = evaluateRows(
      def(),
      [
        row('2020', 100, 1000, { dimension: 'survey', member: 'A' }),
        row('2021', 120, 1000, { dimension: 'survey', member: 'A' }),
      ],
      '2025-01-01',
      '360',
      true,
    )[0]!;
    expect([ev.baseline?.period, ev.baseline?.value?.toNumber(), ev.status]).toEqual([
      '2020',
      0.1,
      'on_track',
    ]);
  });

  it('runs the KPI’s SQL only when every extract it reads was delivered, and reads its numbers', async () => {
    const db = await Db.open(':memory:');
    const sqlText = `SELECT '360' AS municipality, 2024 AS period, 3::BIGINT AS numerator, 4::BIGINT AS denominator,
      true AS complete, NULL AS benchmark UNION ALL
      SELECT '360', '2025', 1, NULL, false, 0.5`;
    const d = def({
      baseline: undefined,
      target: { rule: 'none' },
      extracts: ['employment', 'neet'],
      sqlText,
    });
    const [ev] = await evaluateKpi(db, d, '2025-06-01', '360', ['employment', 'neet']);
    expect(
      ev!.points.map((p) => [p.period, p.numerator, p.denominator, p.value?.toNumber() ?? null]),
    ).toEqual([
      ['2024', 3, 4, 0.75],
      ['2025', 1, null, null],
    ]);
    // One of its extracts missing: no_data, and the SQL (which would fail) is not run.
    const broken = def({ extracts: ['employment', 'neet'], sqlText: 'SELECT * FROM nowhere' });
    const [held] = await evaluateKpi(db, broken, '2025-06-01', '360', ['employment']);
    expect([held!.status, held!.municipality, held!.points]).toEqual(['no_data', '360', []]);
    // A count KPI's SQL need not return a denominator or a benchmark: they are none, not NaN.
    const count = def({
      unit: 'count',
      baseline: undefined,
      target: { rule: 'none' },
      sqlText: `SELECT '360' AS municipality, '2024' AS period, 7 AS numerator, true AS complete`,
    });
    const [c] = await evaluateKpi(db, count, '2025-06-01', '360', ['employment']);
    expect(c!.points.map((p) => [p.numerator, p.denominator, p.value?.toNumber(), p.target])).toEqual([
      [7, null, 7, null],
    ]);
    db.close();
  });
});

describe('the words a KPI is described in', () => {
  it('values by unit, in Danish and English', () => {
    expect(formatValue('share', 0.5234)).toBe('52,3 %');
    expect(formatValue('rate', 0.1)).toBe('10,0 %');
    expect(formatValue('dkk', 12345.6)).toBe('12.345,60 kr.');
    expect(formatValue('count', 1709)).toBe('1.709');
    expect(formatValue('score', 4.25)).toBe('4,3');
    expect(formatValue('count', null)).toBe('–');
    expect(formatValue('count', undefined)).toBe('–');
    expect([formatPercent(0.5), formatPercent(0.555), formatPercent(null), formatPercent(undefined)]).toEqual(
      ['50 %', '55,5 %', '–', '–'],
    );
    setLang('en');
    try {
      expect(formatValue('share', 0.5234)).toBe('52.3 %');
      expect(formatValue('count', 1709)).toBe('1,709');
    } finally {
      setLang('da');
    }
  });

  it('target rules', () => {
    expect(ruleText({ rule: 'relative_growth', perYear: 0.02 }, 'share')).toBe(
      'årlig vækst 2 % fra baseline',
    );
    expect(ruleText({ rule: 'absolute_change', perYear: -0.01, until: '2024' }, 'share')).toBe(
      'baseline −1 procentpoint pr. år til og med 2024, derefter fastholdt',
    );
    expect(ruleText({ rule: 'absolute_change', perYear: 0 }, 'count')).toContain('baseline +0 ');
    expect(ruleText({ rule: 'absolute_change', perYear: 10 }, 'count')).toBe('baseline +10 pr. år');
    expect(ruleText({ rule: 'absolute_change', perYear: 0.5 }, 'rate')).toBe(
      'baseline +50 procentpoint pr. år',
    );
    expect(ruleText({ rule: 'fixed', values: { '2027': 0.1, '2028': 0.15 } }, 'share')).toBe(
      'faste mål: 2027 10,0 %, 2028 15,0 %',
    );
    expect(ruleText({ rule: 'threshold', min: 0.9 }, 'share')).toBe('mindst 90,0 %');
    expect(ruleText({ rule: 'threshold', max: 12 }, 'count')).toBe('højst 12');
    expect(ruleText({ rule: 'benchmark' }, 'share')).toBe('målingens benchmark (fra survey_benchmarks)');
    expect(ruleText({ rule: 'none' }, 'share')).toBe('intet mål');
  });

  it('units, grains, directions and statuses', () => {
    expect(unitText({ unit: 'share', grain: 'half_year', direction: 'decrease' })).toBe(
      'andel, opgjort pr. halvår, retning: faldende',
    );
    expect(
      ['on_track', 'off_track', 'incomplete', 'no_target', 'no_data', 'no_baseline', 'other'].map(statusWord),
    ).toEqual([
      'På sporet',
      'Ikke på sporet',
      'Ufuldstændig',
      'Intet mål',
      'Ingen data',
      'Ingen baseline',
      'other',
    ]);
  });
});
