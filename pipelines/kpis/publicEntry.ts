/**
 * Turns an evaluated KPI into its public kpis.json entry: floats for publishing, disclosure control
 * (primary and secondary), and restatements against the previous published run (docs/outputs.md).
 */
import type { HeldBack, KpiEntry, SeriesPoint } from '../../schemas/outputs.ts';
import type { KpiDefinition } from './catalogue.ts';
import { suppressCount, suppressShare } from './disclosure.ts';
import type { EvaluatedKpi, EvaluatedPoint } from './evaluate.ts';

function primary(ev: EvaluatedKpi, p: EvaluatedPoint, minCell: number): boolean {
  if (p.value === null) return false;
  if (ev.def.unit === 'share' || ev.def.unit === 'rate')
    return suppressShare(p.numerator, p.denominator, minCell);
  // A measure that is no count of persons (an average of hours) is disclosive through the persons
  // behind it, when the SQL says how many they are; a small value of its own reveals nobody.
  if (ev.def.unit !== 'count' && p.personsBehind !== null) return suppressCount(p.personsBehind, minCell);
  return suppressCount(p.numerator, minCell);
}

/**
 * The points to suppress. Within a period the total equals the sum of its breakdown cells (numerators,
 * and denominators for shares), so a single hidden item could be recomputed from the others: while
 * exactly one item of a period is hidden, also hide its smallest non-zero cell, or else the total.
 */
export function suppressedPoints(ev: EvaluatedKpi, minCell: number): Set<EvaluatedPoint> {
  const hidden = new Set<EvaluatedPoint>();
  if (ev.def.disclosure === false) return hidden;
  for (const p of ev.points) if (primary(ev, p, minCell)) hidden.add(p);
  const byPeriod = new Map<string, EvaluatedPoint[]>();
  for (const p of ev.points) byPeriod.set(p.period, [...(byPeriod.get(p.period) ?? []), p]);
  for (const group of byPeriod.values()) {
    const total = group.find((p) => !p.breakdown);
    const cells = group.filter((p) => p.breakdown);
    if (!total || cells.length === 0) continue;
    const items = [total, ...cells].filter((p) => p.value !== null);
    while (items.filter((p) => hidden.has(p)).length === 1) {
      const candidate = cells
        .filter((c) => !hidden.has(c) && c.value !== null && (c.numerator ?? 0) > 0)
        .sort((a, b) => (a.numerator ?? 0) - (b.numerator ?? 0))[0];
      hidden.add(candidate ?? total);
      if (!candidate && hidden.has(total)) break;
    }
  }
  return hidden;
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
      status: p.status,
      suppressed,
    };
    if (ev.def.publishPersons) {
      point.persons =
        suppressed || (ev.def.disclosure !== false && suppressCount(p.persons, minCell)) ? null : p.persons;
    }
    return point;
  };
  const series = ev.points.map(toPoint);
  const latest = ev.latest ? toPoint(ev.latest) : null;
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
      ? { period: latest.period, value: latest.value, target: latest.target, status: latest.status }
      : null,
    status: ev.status,
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
