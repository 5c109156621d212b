/**
 * KPI case folders: test/cases/<case>/inbox in, expected.json out. The expected figures are computed by
 * hand (each case's "why" says how) and written as exact fractions.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TariffAlertsJson } from '../schemas/outputs.ts';
import { fraction, runInbox } from './helpers.ts';

interface ExpectedPoint {
  period: string;
  breakdown?: Record<string, string>;
  numerator: number | null;
  denominator: number | null;
  persons?: number;
  value: string | null;
  target: string | null;
  status: string;
}
interface Expected {
  asOf: string;
  kpis: Record<
    string,
    { status: string; baseline?: { period: string; value: string }; series: ExpectedPoint[] }
  >;
  tariffAlerts?: { providerId: string; increase: string; threshold: number }[];
  rejectedRows?: number;
}

const CASES = join(import.meta.dirname, 'cases');
const key = (p: { period: string; breakdown?: Record<string, string> }) =>
  `${p.period} ${JSON.stringify(p.breakdown ?? {})}`;

describe.each(readdirSync(CASES).filter((c) => existsSync(join(CASES, c, 'expected.json'))))(
  'case %s',
  (name) => {
    const dir = join(CASES, name);
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;

    it('publishes the hand-computed figures', async () => {
      const { kpis, out, manifest } = await runInbox(join(dir, 'inbox'), {
        asOf: expected.asOf,
        configFile: existsSync(join(dir, 'config.json')) ? join(dir, 'config.json') : undefined,
      });
      for (const [id, exp] of Object.entries(expected.kpis)) {
        const entry = kpis.kpis.find((k) => k.id === id);
        expect(entry, id).toBeDefined();
        expect(entry!.status, `${id} status`).toBe(exp.status);
        if (exp.baseline) {
          expect(entry!.baseline?.period).toBe(exp.baseline.period);
          expect(entry!.baseline?.value, `${id} baseline`).toBe(fraction(exp.baseline.value));
        }
        expect(entry!.series.map(key).sort()).toEqual(exp.series.map(key).sort());
        for (const e of exp.series) {
          const p = entry!.series.find((s) => key(s) === key(e))!;
          expect(
            { numerator: p.numerator, denominator: p.denominator, status: p.status },
            `${id} ${key(e)}`,
          ).toEqual({
            numerator: e.numerator,
            denominator: e.denominator,
            status: e.status,
          });
          expect(p.value, `${id} ${key(e)} value`).toBe(e.value === null ? null : fraction(e.value));
          expect(p.target, `${id} ${key(e)} target`).toBe(e.target === null ? null : fraction(e.target));
          if (e.persons !== undefined) expect(p.persons, `${id} ${key(e)} persons`).toBe(e.persons);
        }
      }
      if (expected.tariffAlerts) {
        const published = JSON.parse(
          readFileSync(join(out, 'public', 'tariff_alerts.json'), 'utf8'),
        ) as TariffAlertsJson;
        expect(published.alerts.map((a) => [a.providerId, a.threshold])).toEqual(
          expected.tariffAlerts.map((a) => [a.providerId, a.threshold]),
        );
        for (const [i, a] of expected.tariffAlerts.entries()) {
          const [ratio, minus] = a.increase.split(' - ');
          expect(published.alerts[i]!.increase).toBeCloseTo(fraction(ratio!) - Number(minus), 12);
        }
      }
      if (expected.rejectedRows !== undefined)
        expect(manifest.totals.rowsRejected).toBe(expected.rejectedRows);
    });
  },
);
