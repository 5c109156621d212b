/**
 * KPI case folders: test/cases/<case>/inbox in, expected.json out. The expected figures are computed by
 * hand (each case's "why" says how) and written as exact fractions.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fraction, runInbox } from './helpers.ts';

interface ExpectedPoint {
  period: string;
  numerator: number | null;
  denominator: number | null;
  persons?: number;
  value: string;
  target: string | null;
  status: string;
}
interface Expected {
  asOf: string;
  kpis: Record<
    string,
    { status: string; baseline?: { period: string; value: string }; series: ExpectedPoint[] }
  >;
}

const CASES = join(import.meta.dirname, 'cases');

describe.each(readdirSync(CASES).filter((c) => existsSync(join(CASES, c, 'expected.json'))))(
  'case %s',
  (name) => {
    const dir = join(CASES, name);
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;

    it('publishes the hand-computed figures', async () => {
      const { kpis } = await runInbox(join(dir, 'inbox'), {
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
        expect(entry!.series.map((p) => p.period)).toEqual(exp.series.map((p) => p.period));
        for (const e of exp.series) {
          const p = entry!.series.find((s) => s.period === e.period)!;
          expect({
            period: p.period,
            numerator: p.numerator,
            denominator: p.denominator,
            status: p.status,
          }).toEqual({
            period: e.period,
            numerator: e.numerator,
            denominator: e.denominator,
            status: e.status,
          });
          expect(p.value, `${id} ${e.period} value`).toBe(fraction(e.value));
          expect(p.target, `${id} ${e.period} target`).toBe(e.target === null ? null : fraction(e.target));
          if (e.persons !== undefined) expect(p.persons, `${id} ${e.period} persons`).toBe(e.persons);
        }
      }
    });
  },
);
