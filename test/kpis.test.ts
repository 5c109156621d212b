/** Target rules, baselines and statuses (docs/kpis.md), exact arithmetic, disclosure control and config. */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../pipelines/config.ts';
import { Rational } from '../pipelines/core/rational.ts';
import { ConfigError } from '../pipelines/errors.ts';
import { setLang } from '../pipelines/i18n/index.ts';
import type { KpiDefinition } from '../pipelines/kpis/catalogue.ts';
import { suppressCount, suppressShare } from '../pipelines/kpis/disclosure.ts';
import { evaluateRows, type KpiRow, meetsTarget, targetFor } from '../pipelines/kpis/evaluate.ts';
import { toPublicEntry } from '../pipelines/kpis/publicEntry.ts';
import { testKpi } from './helpers.ts';

const share = testKpi;
const row = (period: string, numerator: number, denominator: number | null, complete = true): KpiRow => ({
  municipality: '360',
  period,
  numerator,
  denominator,
  complete,
});
const statuses = (def: KpiDefinition, rows: KpiRow[], asOf = '2025-06-01', delivered = true) =>
  Object.fromEntries(
    evaluateRows(def, rows, asOf, '360', delivered)[0]!.points.map((p) => [p.period, p.status]),
  );

describe('exact arithmetic', () => {
  it('an increase of exactly 5 % is not above 5 %', () => {
    const increase = new Rational(1050n, 1000n).sub(Rational.of(1));
    expect(increase.cmp(Rational.of(0.05))).toBe(0);
    expect(1050 / 1000 - 1 > 0.05).toBe(true); // the float way gets it wrong
  });
  it('reads decimals as written', () => {
    expect(Rational.of(0.02)).toEqual(new Rational(1n, 50n));
    expect(Rational.of(-0.01).add(Rational.of(0.01))).toEqual(new Rational(0n));
    expect(Rational.of(1e-7)).toEqual(new Rational(1n, 10000000n));
  });
});

describe('target rules', () => {
  const b = { period: '2020', value: new Rational(1n, 5n) };
  it('relative_growth: baseline × (1 + perYear)^(Y − baseline year)', () => {
    expect(targetFor({ rule: 'relative_growth', perYear: 0.02 }, '2022', b)).toEqual(
      new Rational(10404n, 50000n),
    );
  });
  it('absolute_change holds after `until`', () => {
    const rule = { rule: 'absolute_change' as const, perYear: -0.01, until: '2024' };
    expect(targetFor(rule, '2023', b)).toEqual(new Rational(17n, 100n));
    expect(targetFor(rule, '2024', b)).toEqual(new Rational(16n, 100n));
    expect(targetFor(rule, '2026', b)).toEqual(new Rational(16n, 100n));
  });
  it('fixed: a half-year takes its year value; an unlisted period has none', () => {
    const rule = { rule: 'fixed' as const, values: { '2027': 0.1, '2028-H1': 0.12 } };
    expect(targetFor(rule, '2027-H2', null)).toEqual(Rational.of(0.1));
    expect(targetFor(rule, '2028-H1', null)).toEqual(Rational.of(0.12));
    expect(targetFor(rule, '2029', null)).toBeNull();
  });
  it('threshold: min and max, each in its own direction', () => {
    const min = share({ target: { rule: 'threshold', min: 0.5 } });
    expect(meetsTarget(min, Rational.of(0.5), Rational.of(0.5))).toBe(true);
    expect(meetsTarget(min, Rational.of(0.4999), Rational.of(0.5))).toBe(false);
    const max = share({ direction: 'decrease', target: { rule: 'threshold', max: 0 } });
    expect(meetsTarget(max, Rational.of(0), Rational.of(0))).toBe(true);
    expect(meetsTarget(max, Rational.of(1), Rational.of(0))).toBe(false);
  });
});

describe('status', () => {
  it('increase: on_track at or above the target, off_track below', () => {
    // baseline 100/1000; 2021 target 0.102 exactly.
    const s = statuses(share(), [row('2020', 100, 1000), row('2021', 102, 1000), row('2022', 103, 1000)]);
    expect(s).toEqual({ '2020': 'on_track', '2021': 'on_track', '2022': 'off_track' }); // 2022 target 0.10404
  });
  it('decrease: on_track at or below the target, off_track above', () => {
    const def = share({ direction: 'decrease', target: { rule: 'absolute_change', perYear: -0.01 } });
    const s = statuses(def, [row('2020', 150, 1000), row('2021', 140, 1000), row('2022', 131, 1000)]);
    expect(s).toEqual({ '2020': 'on_track', '2021': 'on_track', '2022': 'off_track' });
  });
  it('counts: absolute_change +10 a year', () => {
    const def = share({ unit: 'count', target: { rule: 'absolute_change', perYear: 10 } });
    expect(statuses(def, [row('2020', 30, null), row('2021', 40, null), row('2022', 49, null)])).toEqual({
      '2020': 'on_track',
      '2021': 'on_track',
      '2022': 'off_track',
    });
  });
  it('incomplete periods, gaps without data, and the overall status from the latest complete period', () => {
    const [ev] = evaluateRows(
      share(),
      [row('2020', 100, 1000), row('2022', 90, 1000), row('2023', 200, 1000, false)],
      '2024-03-01',
      '360',
      true,
    );
    expect(ev!.points.map((p) => [p.period, p.status])).toEqual([
      ['2020', 'on_track'],
      ['2021', 'no_data'],
      ['2022', 'off_track'],
      ['2023', 'incomplete'],
    ]);
    expect(ev!.latest?.period).toBe('2022');
    expect(ev!.status).toBe('off_track');
  });
  it('baseline: from data, else the configured value, else no_baseline', () => {
    const rows = [row('2020', 10, 100, false), row('2021', 30, 100)];
    expect(statuses(share(), rows)['2021']).toBe('no_baseline');
    const [ev] = evaluateRows(
      share({ baseline: { period: '2020', value: 0.25 } }),
      rows,
      '2025-01-01',
      '360',
      true,
    );
    expect(ev!.baseline).toEqual({ period: '2020', value: Rational.of(0.25), from: 'config' });
    expect(ev!.points[1]!.status).toBe('on_track'); // 0.30 >= 0.25 × 1.02
  });
  it('fixed: on_track at or above the listed value, off_track below, no_target where none is listed', () => {
    const def = share({
      grain: 'half_year',
      baseline: undefined,
      target: { rule: 'fixed', values: { '2027': 0.1 } },
    });
    const rows = [row('2027-H1', 10, 100), row('2027-H2', 9, 100), row('2028-H1', 50, 100)];
    expect(statuses(def, rows, '2028-12-01')).toEqual({
      '2027-H1': 'on_track',
      '2027-H2': 'off_track',
      '2028-H1': 'no_target',
    });
  });
  it('benchmark: against the wave’s benchmark, in both directions; no_target without one', () => {
    const def = share({ grain: 'wave', baseline: { period: 'first' }, target: { rule: 'benchmark' } });
    const rows = [
      { ...row('2024-1', 88, 100), benchmark: 0.88 },
      { ...row('2025-1', 87, 100), benchmark: 0.88 },
      { ...row('2025-2', 87, 100), benchmark: null },
    ];
    expect(statuses(def, rows)).toEqual({
      '2024-1': 'on_track',
      '2025-1': 'off_track',
      '2025-2': 'no_target',
    });
  });
  it('no_data when an extract was not delivered, no_target without a rule', () => {
    const [ev] = evaluateRows(share(), [], '2025-01-01', '360', false);
    expect(ev!.status).toBe('no_data');
    expect(statuses(share({ target: { rule: 'none' } }), [row('2020', 1, 10), row('2021', 2, 10)])).toEqual({
      '2020': 'no_target',
      '2021': 'no_target',
    });
  });
});

describe('disclosure control (minCell 5)', () => {
  it('suppresses counts in 1..4 and shares with a small numerator, complement or denominator', () => {
    expect([0, 1, 4, 5].map((n) => suppressCount(n, 5))).toEqual([false, true, true, false]);
    expect(suppressShare(4, 100, 5)).toBe(true);
    expect(suppressShare(96, 100, 5)).toBe(true);
    expect(suppressShare(0, 4, 5)).toBe(true);
    expect(suppressShare(0, 100, 5)).toBe(false);
    expect(suppressShare(5, 100, 5)).toBe(false);
  });
  it('publishes a suppressed point without value, numerator, denominator and status', () => {
    const [ev] = evaluateRows(
      share(),
      [row('2020', 100, 1000), row('2021', 3, 20)],
      '2025-01-01',
      '360',
      true,
    );
    const entry = toPublicEntry(ev!, 5);
    expect(entry.series[1]).toMatchObject({
      period: '2021',
      value: null,
      numerator: null,
      denominator: null,
      suppressed: true,
      status: null,
    });
    expect(entry.series[0]).toMatchObject({ value: 0.1, numerator: 100, suppressed: false });
  });
  it('hides the baseline and the targets derived from it when the baseline point is suppressed', () => {
    const [ev] = evaluateRows(
      share(),
      [row('2020', 2, 1000), row('2021', 100, 1000)],
      '2025-01-01',
      '360',
      true,
    );
    const entry = toPublicEntry(ev!, 5);
    expect(entry.baseline?.value).toBeNull();
    expect(entry.series.map((p) => p.target)).toEqual([null, null]);
  });
});

describe('configuration', () => {
  it('names an unknown KPI id and lists the known ones', () => {
    expect(() => parseConfig({ kpis: { neet_shar: {} } }, 'kpi.json')).toThrow(ConfigError);
    expect(() => parseConfig({ kpis: { neet_shar: {} } }, 'kpi.json')).toThrow(
      /kpis\.neet_shar: der er ingen KPI med dette id\. Kendte id’er: sel85_employment_rate/,
    );
  });
  it('names a bad target rule and a bad field', () => {
    expect(() =>
      parseConfig({ kpis: { neet_share: { target: { rule: 'linear', perYear: 1 } } } }, 'kpi.json'),
    ).toThrow(/kpis\.neet_share\.target\.rule/);
    expect(() => parseConfig({ municipality: { code: '36', name: 'X' } }, 'kpi.json')).toThrow(
      /municipality\.code: en kommunekode på 3 cifre/,
    );
    expect(() => parseConfig({ minCel: 3 }, 'kpi.json')).toThrow(/minCel/);
  });
  it('speaks English with --lang en, zod’s own messages included', () => {
    setLang('en');
    try {
      expect(() => parseConfig({ kpis: { neet_shar: {} } }, 'kpi.json')).toThrow(
        /kpis\.neet_shar: there is no KPI with this id\. Known ids: sel85_employment_rate/,
      );
      expect(() => parseConfig({ minCell: 'x' }, 'kpi.json')).toThrow(
        'The configuration file kpi.json is not valid:\n  - minCell: Invalid input: expected number, received string',
      );
    } finally {
      setLang('da');
    }
    expect(() => parseConfig({ minCell: 'x' }, 'kpi.json')).toThrow(
      'Konfigurationsfilen kpi.json er ikke gyldig:\n  - minCell: Ugyldigt input: forventede tal, fik streng',
    );
  });
});
