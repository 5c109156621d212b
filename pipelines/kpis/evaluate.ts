/**
 * Evaluates KPIs: runs each sql/kpis/<id>.sql against the warehouse, then applies the baseline, the
 * target rule and the status logic of spec/kpis.md with exact fractions. The SQL returns one row per
 * municipality and period: numerator, denominator (NULL for counts), complete, and optionally persons.
 */
import { readFile } from 'node:fs/promises';
import type { ExtractName } from '../../schemas/extracts.ts';
import type { KpiStatus, TargetRule } from '../../schemas/outputs.ts';
import type { Db } from '../duckdb.ts';
import type { KpiDefinition } from './catalogue.ts';
import { Rational } from './rational.ts';

export const SQL_DIR = new URL('../../sql/', import.meta.url);

export interface KpiRow {
  municipality: string;
  period: string;
  numerator: number | null;
  denominator: number | null;
  persons?: number | null;
  complete: boolean;
}

export interface EvaluatedPoint {
  period: string;
  value: Rational | null;
  numerator: number | null;
  denominator: number | null;
  persons: number | null;
  target: Rational | null;
  status: KpiStatus;
  complete: boolean;
}

export interface EvaluatedKpi {
  def: KpiDefinition;
  municipality: string;
  baseline: { period: string; value: Rational | null; from: 'data' | 'config' | null } | null;
  points: EvaluatedPoint[];
  latest: EvaluatedPoint | null;
  status: KpiStatus;
}

export async function kpiSql(id: string): Promise<string> {
  return readFile(new URL(`kpis/${id}.sql`, SQL_DIR), 'utf8');
}

export function periodYear(period: string): number {
  return Number.parseInt(period.slice(0, 4), 10);
}

function kpiValue(def: KpiDefinition, row: KpiRow): Rational | null {
  if (row.numerator === null) return null;
  if (def.unit === 'share' || def.unit === 'rate') {
    if (!row.denominator) return null;
    return new Rational(BigInt(row.numerator), BigInt(row.denominator));
  }
  return Rational.of(row.numerator);
}

const NEEDS_BASELINE: TargetRule['rule'][] = ['relative_growth', 'absolute_change'];

/** The target for a period under a rule (kpis.md, "Target rules"); null when the rule sets none. */
export function targetFor(
  rule: TargetRule,
  period: string,
  baseline: { period: string; value: Rational | null } | null,
): Rational | null {
  const y = periodYear(period);
  switch (rule.rule) {
    case 'relative_growth': {
      if (!baseline?.value) return null;
      const n = y - periodYear(baseline.period);
      return baseline.value.mul(Rational.of(1).add(Rational.of(rule.perYear)).pow(n));
    }
    case 'absolute_change': {
      if (!baseline?.value) return null;
      const until = rule.until ? Math.min(y, periodYear(rule.until)) : y;
      return baseline.value.add(
        Rational.of(rule.perYear).mul(Rational.of(until - periodYear(baseline.period))),
      );
    }
    case 'fixed': {
      const v = rule.values[period] ?? rule.values[String(y)];
      return v === undefined ? null : Rational.of(v);
    }
    case 'threshold': {
      const v = rule.min ?? rule.max;
      return v === undefined ? null : Rational.of(v);
    }
    default:
      return null;
  }
}

export function meetsTarget(
  def: Pick<KpiDefinition, 'direction' | 'target'>,
  value: Rational,
  target: Rational,
): boolean {
  const c = value.cmp(target);
  if (def.target.rule === 'threshold') return def.target.min !== undefined ? c >= 0 : c <= 0;
  return def.direction === 'decrease' ? c <= 0 : c >= 0;
}

function periodsBetween(first: number, last: number): string[] {
  const out: string[] = [];
  for (let y = first; y <= last; y++) out.push(String(y));
  return out;
}

/** Evaluates one KPI for every municipality in its rows (or the configured one, when there are none). */
export function evaluateRows(
  def: KpiDefinition,
  rows: KpiRow[],
  asOf: string,
  defaultMunicipality: string,
  delivered: boolean,
): EvaluatedKpi[] {
  const municipalities = [...new Set(rows.map((r) => r.municipality))].sort();
  if (municipalities.length === 0) municipalities.push(defaultMunicipality);
  const asOfYear = periodYear(asOf);
  return municipalities.map((municipality) => {
    const mine = rows.filter((r) => r.municipality === municipality && periodYear(r.period) <= asOfYear);
    const byPeriod = new Map(mine.map((r) => [r.period, r]));
    const dataYears = mine.map((r) => periodYear(r.period));
    const first = def.baseline ? periodYear(def.baseline.period) : Math.min(...dataYears);
    const last = dataYears.length > 0 ? Math.max(...dataYears) : first - 1;
    const periods = def.grain === 'year' ? periodsBetween(first, last) : mine.map((r) => r.period).sort();

    let baseline: EvaluatedKpi['baseline'] = null;
    if (def.baseline) {
      const row = byPeriod.get(def.baseline.period);
      const fromData = row?.complete ? kpiValue(def, row) : null;
      if (fromData) baseline = { period: def.baseline.period, value: fromData, from: 'data' };
      else if (def.baseline.value !== undefined)
        baseline = { period: def.baseline.period, value: Rational.of(def.baseline.value), from: 'config' };
      else baseline = { period: def.baseline.period, value: null, from: null };
    }

    const points: EvaluatedPoint[] = periods.map((period) => {
      const row = byPeriod.get(period);
      const value = row ? kpiValue(def, row) : null;
      const target = targetFor(def.target, period, baseline);
      let status: KpiStatus;
      if (!delivered || value === null) status = 'no_data';
      else if (!row!.complete) status = 'incomplete';
      else if (def.target.rule === 'none') status = 'no_target';
      else if (NEEDS_BASELINE.includes(def.target.rule) && !baseline?.value) status = 'no_baseline';
      else if (target === null) status = 'no_target';
      else status = meetsTarget(def, value, target) ? 'on_track' : 'off_track';
      return {
        period,
        value,
        numerator: row?.numerator ?? null,
        denominator: row?.denominator ?? null,
        persons: def.publishPersons ? (row?.persons ?? null) : null,
        target,
        status,
        complete: row?.complete ?? false,
      };
    });
    const complete = points.filter((p) => p.complete && p.value !== null);
    const latest = complete.length > 0 ? complete[complete.length - 1]! : null;
    const status: KpiStatus = latest
      ? latest.status
      : points.some((p) => p.status === 'incomplete')
        ? 'incomplete'
        : 'no_data';
    return { def, municipality, baseline, points, latest, status };
  });
}

export async function evaluateKpi(
  db: Db,
  def: KpiDefinition,
  asOf: string,
  defaultMunicipality: string,
  deliveredExtracts: ExtractName[],
): Promise<EvaluatedKpi[]> {
  const delivered = def.extracts.every((e) => deliveredExtracts.includes(e));
  const rows = delivered ? await db.all<KpiRow>(await kpiSql(def.id)) : [];
  return evaluateRows(
    def,
    rows.map((r) => ({
      ...r,
      municipality: String(r.municipality),
      period: String(r.period),
      complete: Boolean(r.complete),
    })),
    asOf,
    defaultMunicipality,
    delivered,
  );
}
