/**
 * Hand-computed figures (expected.json of a KPI case or a pack) against what a run published. Values and
 * targets are written as exact fractions ("88/300"), compared as the float a correctly rounded division
 * gives.
 */
import { expect } from 'vitest';
import type { KpisJson } from '../schemas/outputs.ts';
import { fraction } from './helpers.ts';

export interface ExpectedPoint {
  period: string;
  breakdown?: Record<string, string>;
  numerator: number | null;
  denominator: number | null;
  persons?: number;
  value: string | null;
  target: string | null;
  status: string;
}

export interface ExpectedKpi {
  status: string;
  baseline?: { period: string; value: string };
  series: ExpectedPoint[];
}

const key = (p: { period: string; breakdown?: Record<string, string> }) =>
  `${p.period} ${JSON.stringify(p.breakdown ?? {})}`;

/** Every expected KPI is published with exactly these points, statuses, values and targets. */
export function expectKpis(kpis: KpisJson, expected: Record<string, ExpectedKpi>): void {
  for (const [id, exp] of Object.entries(expected)) {
    const entry = kpis.kpis.find((k) => k.id === id);
    expect(entry, id).toBeDefined();
    expect(entry!.status, `${id} status`).toBe(exp.status);
    if (exp.baseline) {
      expect(entry!.baseline?.period).toBe(exp.baseline.period);
      expect(entry!.baseline?.value, `${id} baseline`).toBe(fraction(exp.baseline.value));
    }
    expect(entry!.series.map(key).sort(), `${id} periods`).toEqual(exp.series.map(key).sort());
    for (const e of exp.series) {
      const p = entry!.series.find((s) => key(s) === key(e))!;
      expect(
        { numerator: p.numerator, denominator: p.denominator, status: p.status },
        `${id} ${key(e)}`,
      ).toEqual({ numerator: e.numerator, denominator: e.denominator, status: e.status });
      expect(p.value, `${id} ${key(e)} value`).toBe(e.value === null ? null : fraction(e.value));
      expect(p.target, `${id} ${key(e)} target`).toBe(e.target === null ? null : fraction(e.target));
      if (e.persons !== undefined) expect(p.persons, `${id} ${key(e)} persons`).toBe(e.persons);
    }
  }
}
