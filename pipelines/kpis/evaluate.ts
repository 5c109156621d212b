/**
 * Evaluates KPIs: runs each sql/kpis/<id>.sql against the warehouse, then applies the baseline, the
 * target rule and the status logic of docs/kpis.md with exact fractions.
 *
 * The SQL returns one row per municipality, period and (optionally) breakdown: `numerator`,
 * `denominator` (NULL for counts), `complete`, and optionally `persons`, `dimension` + `member` (a
 * breakdown such as channel = telefon; NULL for the total) and `benchmark` (the benchmark target).
 * Every (dimension, member) is its own series with its own baseline, targets and statuses.
 */
import { readFile } from 'node:fs/promises';
import type { KpiStatus, TargetRule } from '../../schemas/outputs.ts';
import { SQL_DIR } from '../core/paths.ts';
import { periodMonths, periodYear } from '../core/periods.ts';
import { Rational } from '../core/rational.ts';
import type { Db } from '../duckdb.ts';
import type { KpiDefinition } from './catalogue.ts';

export interface KpiRow {
  municipality: string;
  period: string;
  numerator: number | null;
  denominator: number | null;
  persons?: number | null;
  complete: boolean;
  dimension?: string | null;
  member?: string | null;
  benchmark?: number | null;
}

export interface EvaluatedPoint {
  period: string;
  breakdown?: Record<string, string>;
  value: Rational | null;
  numerator: number | null;
  denominator: number | null;
  persons: number | null;
  /** The persons behind the point, as the SQL gave them (published only with publishPersons). */
  personsBehind: number | null;
  target: Rational | null;
  status: KpiStatus;
  complete: boolean;
}

export interface Baseline {
  period: string;
  value: Rational | null;
  from: 'data' | 'config' | null;
}

export interface EvaluatedKpi {
  def: KpiDefinition;
  municipality: string;
  /** The baseline of the total series (or of the only series); null when there is none. */
  baseline: Baseline | null;
  points: EvaluatedPoint[];
  latest: EvaluatedPoint | null;
  status: KpiStatus;
}

export async function kpiSql(def: Pick<KpiDefinition, 'id' | 'sqlText' | 'engineSql'>): Promise<string> {
  return def.sqlText ?? def.engineSql ?? readFile(new URL(`kpis/${def.id}.sql`, SQL_DIR), 'utf8');
}

function kpiValue(def: KpiDefinition, row: KpiRow): Rational | null {
  if (row.numerator === null) return null;
  if (def.unit === 'share' || def.unit === 'rate') {
    if (!row.denominator) return null;
    return Rational.of(row.numerator).div(Rational.of(row.denominator));
  }
  return Rational.of(row.numerator);
}

const NEEDS_BASELINE: TargetRule['rule'][] = ['relative_growth', 'absolute_change'];

/** The target for a period under a rule (docs/kpis.md, "Target rules"); null when the rule sets none. */
export function targetFor(
  rule: TargetRule,
  period: string,
  baseline: { period: string; value: Rational | null } | null,
  benchmark?: number | null,
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
    case 'benchmark':
      return benchmark === null || benchmark === undefined ? null : Rational.of(benchmark);
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

function yearsBetween(first: number, last: number): string[] {
  const out: string[] = [];
  for (let y = first; y <= last; y++) out.push(String(y));
  return out;
}

const groupKey = (r: Pick<KpiRow, 'dimension' | 'member'>) =>
  r.dimension ? `${r.dimension}\u0000${r.member}` : '';

function evaluateSeries(
  def: KpiDefinition,
  rows: KpiRow[],
  delivered: boolean,
): { baseline: Baseline | null; points: EvaluatedPoint[] } {
  const byPeriod = new Map(rows.map((r) => [r.period, r]));
  const dataPeriods = rows.map((r) => r.period).sort();
  const baselinePeriod = def.baseline?.period === 'first' ? dataPeriods[0] : def.baseline?.period;
  let periods: string[];
  if (def.grain === 'year') {
    const years = dataPeriods.map(periodYear);
    const first = baselinePeriod ? periodYear(baselinePeriod) : Math.min(...years);
    periods = years.length ? yearsBetween(first, Math.max(...years)) : [];
  } else {
    periods = dataPeriods.filter((p) => !baselinePeriod || p >= baselinePeriod);
  }

  let baseline: Baseline | null = null;
  if (baselinePeriod) {
    const row = byPeriod.get(baselinePeriod);
    const fromData = row?.complete && !def.baseline?.fixed ? kpiValue(def, row) : null;
    if (fromData) baseline = { period: baselinePeriod, value: fromData, from: 'data' };
    else if (def.baseline?.value !== undefined)
      baseline = { period: baselinePeriod, value: Rational.of(def.baseline.value), from: 'config' };
    else baseline = { period: baselinePeriod, value: null, from: null };
  }

  const breakdown = rows[0]?.dimension ? { [rows[0].dimension]: String(rows[0].member) } : undefined;
  const points = periods.map((period): EvaluatedPoint => {
    const row = byPeriod.get(period);
    const value = row ? kpiValue(def, row) : null;
    const target = targetFor(def.target, period, baseline, row?.benchmark);
    let status: KpiStatus;
    // No data is never zero (docs/privacy-and-reliability.md): a period with nothing at all is no_data; one
    // with a population but without the outcome data it needs (the months after the last delivery, the
    // running month) has no value and is incomplete.
    if (!delivered || !row) status = 'no_data';
    else if (value === null) status = 'incomplete';
    else if (!row!.complete) status = 'incomplete';
    else if (def.target.rule === 'none') status = 'no_target';
    else if (NEEDS_BASELINE.includes(def.target.rule) && !baseline?.value) status = 'no_baseline';
    else if (target === null) status = 'no_target';
    else status = meetsTarget(def, value, target) ? 'on_track' : 'off_track';
    return {
      period,
      ...(breakdown ? { breakdown } : {}),
      value,
      numerator: row?.numerator ?? null,
      denominator: row?.denominator ?? null,
      persons: def.publishPersons ? (row?.persons ?? null) : null,
      personsBehind: row?.persons === undefined || row?.persons === null ? null : Number(row.persons),
      target,
      status,
      complete: row?.complete ?? false,
    };
  });
  return { baseline, points };
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
  const asOfMonth = asOf.slice(0, 7);
  // Periods that start after the as-of month are not published: they have no data yet, only a group.
  const started = (period: string) => {
    const months = periodMonths(period);
    return months ? months.first <= asOfMonth : periodYear(period) <= periodYear(asOf);
  };
  return municipalities.map((municipality) => {
    const mine = rows.filter((r) => r.municipality === municipality && started(r.period));
    const groups = [...new Set(mine.map(groupKey))].sort();
    if (groups.length === 0) groups.push('');
    const series = groups.map((g) => ({
      g,
      ...evaluateSeries(
        def,
        mine.filter((r) => groupKey(r) === g),
        delivered,
      ),
    }));
    const total = series.find((s) => s.g === '') ?? (series.length === 1 ? series[0] : undefined);
    const points = series.flatMap((s) => s.points);
    // The overall status is that of the latest complete period: of the total series where there is
    // one, else of every series in that period: off_track if any is off track, else on_track if any is.
    const judged = total ? total.points : points;
    const complete = judged.filter((p) => p.complete && p.value !== null);
    const lastPeriod = complete
      .map((p) => p.period)
      .sort()
      .pop();
    const atLast = complete.filter((p) => p.period === lastPeriod);
    const latest =
      atLast.find((p) => p.status === 'off_track') ??
      atLast.find((p) => p.status === 'on_track') ??
      atLast[0] ??
      null;
    const status: KpiStatus = latest
      ? latest.status
      : points.some((p) => p.status === 'incomplete')
        ? 'incomplete'
        : 'no_data';
    return { def, municipality, baseline: total?.baseline ?? null, points, latest, status };
  });
}

export async function evaluateKpi(
  db: Db,
  def: KpiDefinition,
  asOf: string,
  defaultMunicipality: string,
  deliveredExtracts: readonly string[],
): Promise<EvaluatedKpi[]> {
  const delivered = def.extracts.every((e) => deliveredExtracts.includes(e));
  // An initiative's SQL comes from the configuration: `db` is then the sandbox (sandbox.ts), and the
  // statement runs on its own, as written.
  const sql = await kpiSql(def);
  const rows = delivered ? await (def.sqlText ? db.single<KpiRow>(sql) : db.all<KpiRow>(sql)) : [];
  return evaluateRows(
    def,
    rows.map((r) => ({
      ...r,
      municipality: String(r.municipality),
      period: String(r.period),
      complete: Boolean(r.complete),
      numerator: r.numerator === null ? null : Number(r.numerator),
      denominator: r.denominator === null || r.denominator === undefined ? null : Number(r.denominator),
      benchmark: r.benchmark === null || r.benchmark === undefined ? null : Number(r.benchmark),
    })),
    asOf,
    defaultMunicipality,
    delivered,
  );
}
