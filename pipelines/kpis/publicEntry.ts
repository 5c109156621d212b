/**
 * Turns an evaluated KPI into its public kpis.json entry: floats for publishing, disclosure control,
 * and restatements against the previous published run (outputs.md).
 */
import type { KpiEntry, SeriesPoint } from '../../schemas/outputs.ts';
import { suppressCount, suppressShare } from './disclosure.ts';
import type { EvaluatedKpi, EvaluatedPoint } from './evaluate.ts';

function isSuppressed(ev: EvaluatedKpi, p: EvaluatedPoint, minCell: number): boolean {
  if (p.value === null) return false;
  if (ev.def.unit === 'share' || ev.def.unit === 'rate')
    return suppressShare(p.numerator, p.denominator, minCell);
  return suppressCount(p.numerator, minCell);
}

export function toPublicEntry(
  ev: EvaluatedKpi,
  minCell: number,
  previous?: { entry: KpiEntry; runId: string },
): KpiEntry {
  const baselinePoint = ev.baseline ? ev.points.find((p) => p.period === ev.baseline!.period) : undefined;
  // A target derived from a suppressed baseline would give the baseline away.
  const baselineHidden =
    ev.baseline?.from === 'data' && baselinePoint !== undefined && isSuppressed(ev, baselinePoint, minCell);
  const series: SeriesPoint[] = ev.points.map((p) => {
    const suppressed = isSuppressed(ev, p, minCell);
    const point: SeriesPoint = {
      period: p.period,
      value: suppressed || p.value === null ? null : p.value.toNumber(),
      target:
        baselineHidden && ev.def.target.rule !== 'fixed' && ev.def.target.rule !== 'threshold'
          ? null
          : (p.target?.toNumber() ?? null),
      numerator: suppressed ? null : p.numerator,
      denominator: suppressed ? null : p.denominator,
      status: p.status,
      suppressed,
    };
    if (ev.def.publishPersons) point.persons = suppressCount(p.persons, minCell) ? null : p.persons;
    return point;
  });
  const latestPoint = ev.latest ? series.find((s) => s.period === ev.latest!.period)! : null;
  const restatements: KpiEntry['restatements'] = [];
  if (previous) {
    for (const old of previous.entry.series) {
      if (old.status === 'incomplete' || old.status === 'no_data') continue;
      const now = series.find((s) => s.period === old.period);
      if (now && now.value !== old.value) {
        restatements.push({
          period: old.period,
          previousValue: old.value,
          value: now.value,
          previousRunId: previous.runId,
        });
      }
    }
  }
  return {
    id: ev.def.id,
    title: ev.def.title,
    unit: ev.def.unit,
    grain: ev.def.grain,
    direction: ev.def.direction,
    municipality: ev.municipality,
    source: ev.def.source,
    baseline: ev.baseline
      ? {
          period: ev.baseline.period,
          value: baselineHidden ? null : (ev.baseline.value?.toNumber() ?? null),
          from: ev.baseline.from,
        }
      : null,
    target: ev.def.target,
    series,
    latest: latestPoint
      ? {
          period: latestPoint.period,
          value: latestPoint.value,
          target: latestPoint.target,
          status: latestPoint.status,
        }
      : null,
    status: ev.status,
    restatements,
  };
}
