/**
 * Turns an evaluated KPI into its public kpis.json entry: floats for publishing, disclosure control
 * (primary and secondary), and restatements against the previous published run (docs/outputs.md).
 */
import type { HeldBack, KpiEntry, SeriesPoint } from '../../schemas/outputs.ts';
import type { KpiDefinition } from './catalogue.ts';
import { suppressCount, suppressedPoints } from './disclosure.ts';
import type { EvaluatedKpi, EvaluatedPoint } from './evaluate.ts';

/**
 * The latest point the public may see: the latest complete, unsuppressed point of the total series (or
 * of every series when there is no total), off track before on track as in evaluate.ts. A suppressed
 * latest point would tell, through its status, on which side of the target its hidden value lies.
 */
function publicLatest(ev: EvaluatedKpi, hidden: Set<EvaluatedPoint>): EvaluatedPoint | null {
  const hasTotal = ev.points.some((p) => !p.breakdown);
  const seen = ev.points.filter(
    (p) => (!hasTotal || !p.breakdown) && p.complete && p.value !== null && !hidden.has(p),
  );
  const last = seen
    .map((p) => p.period)
    .sort()
    .pop();
  const atLast = seen.filter((p) => p.period === last);
  return (
    atLast.find((p) => p.status === 'off_track') ??
    atLast.find((p) => p.status === 'on_track') ??
    atLast[0] ??
    null
  );
}

export function toPublicEntry(
  ev: EvaluatedKpi,
  minCell: number,
  previous?: { entry: KpiEntry; runId: string },
): KpiEntry {
  const hidden = suppressedPoints(ev, minCell);
  const baselinePoint = ev.baseline
    ? ev.points.find((p) => p.period === ev.baseline!.period && !p.breakdown)
    : undefined;
  // A target derived from a suppressed baseline would give the baseline away.
  const baselineHidden =
    ev.baseline?.from === 'data' && baselinePoint !== undefined && hidden.has(baselinePoint);
  const derivedTargets = ev.def.target.rule === 'relative_growth' || ev.def.target.rule === 'absolute_change';
  const toPoint = (p: EvaluatedPoint): SeriesPoint => {
    const suppressed = hidden.has(p);
    const point: SeriesPoint = {
      period: p.period,
      ...(p.breakdown ? { breakdown: p.breakdown } : {}),
      value: suppressed || p.value === null ? null : p.value.toNumber(),
      target: baselineHidden && derivedTargets ? null : (p.target?.toNumber() ?? null),
      numerator: suppressed ? null : p.numerator,
      denominator: suppressed ? null : p.denominator,
      // No status either: it tells on which side of the target the hidden value lies.
      status: suppressed ? null : p.status,
      suppressed,
    };
    if (ev.def.publishPersons) {
      point.persons =
        suppressed || (ev.def.disclosure !== false && suppressCount(p.persons, minCell)) ? null : p.persons;
    }
    return point;
  };
  const series = ev.points.map(toPoint);
  const shown = ev.def.disclosure === false ? ev.latest : publicLatest(ev, hidden);
  const latest = shown ? toPoint(shown) : null;
  // The KPI's status is its public latest point's; when every complete point is suppressed, none.
  const status = ev.latest && !shown ? null : shown ? shown.status : ev.status;
  const key = (s: { period: string; breakdown?: Record<string, string> }) =>
    `${s.period}|${JSON.stringify(s.breakdown ?? {})}`;
  const restatements: KpiEntry['restatements'] = [];
  if (previous) {
    const now = new Map(series.map((s) => [key(s), s]));
    for (const old of previous.entry.series) {
      if (old.status === 'incomplete' || old.status === 'no_data') continue;
      const cur = now.get(key(old));
      if (cur && cur.value !== old.value) {
        restatements.push({
          period: old.period,
          ...(old.breakdown ? { breakdown: old.breakdown } : {}),
          previousValue: old.value,
          value: cur.value,
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
    latest: latest
      ? { period: latest.period, value: latest.value, target: latest.target, status: latest.status! }
      : null,
    status,
    ...(ev.def.initiative ? { initiative: ev.def.initiative } : {}),
    restatements,
  };
}

/** A KPI held back before it was ever published: no figures, and the reason. */
export function noDataEntry(def: KpiDefinition, municipality: string, heldBack: HeldBack): KpiEntry {
  return {
    id: def.id,
    title: def.title,
    unit: def.unit,
    grain: def.grain,
    direction: def.direction,
    municipality,
    source: def.source,
    baseline: null,
    target: def.target,
    series: [],
    latest: null,
    status: 'no_data',
    ...(def.initiative ? { initiative: def.initiative } : {}),
    heldBack,
    restatements: [],
  };
}
