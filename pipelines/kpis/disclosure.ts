/**
 * Disclosure control for everything under public/ (docs/privacy-and-reliability.md, rules 3 and 6).
 *
 * Primary: a point is suppressed when fewer than minCell persons are behind it (`persons`, for every
 * unit), when a count is in 1..minCell-1, or when a share's numerator or (denominator − numerator) is in
 * 1..minCell-1 or its denominator is below minCell. An initiative that does not say how many persons
 * are behind a point is treated as unknown: suppressed when its numerator or denominator is small.
 *
 * Secondary, per dimension: a KPI's breakdown cells of one dimension (target group, provider, …) add up
 * to its total in each period, and so do the cells of every other dimension. So within each (period,
 * dimension) whose total is known (published, or the sum of a dimension published in full), there is
 * never exactly one suppressed cell; the second one comes from the same dimension (its smallest
 * unsuppressed cell), or else the total is made unknown.
 */
import type { EvaluatedKpi, EvaluatedPoint } from './evaluate.ts';

const small = (n: number | null | undefined, minCell: number) =>
  n !== null && n !== undefined && n >= 1 && n < minCell;

export function suppressCount(n: number | null | undefined, minCell: number): boolean {
  return small(n, minCell);
}

export function suppressShare(
  numerator: number | null,
  denominator: number | null,
  minCell: number,
): boolean {
  if (numerator === null || denominator === null) return false;
  return small(numerator, minCell) || small(denominator - numerator, minCell) || denominator < minCell;
}

/** Whether a point is suppressed for itself (primary suppression). */
export function primarySuppressed(ev: EvaluatedKpi, p: EvaluatedPoint, minCell: number): boolean {
  if (p.value === null) return false;
  // The persons behind a point, whatever its unit (an average of hours, a share of person-months).
  if (small(p.personsBehind, minCell)) return true;
  if (ev.def.unit === 'share' || ev.def.unit === 'rate')
    return suppressShare(p.numerator, p.denominator, minCell);
  if (ev.def.unit === 'count') return suppressCount(p.numerator, minCell);
  if (p.personsBehind !== null) return false;
  // A measure that is no count (hours, points) and does not say how many persons it rests on: its
  // numerator is taken as a count, and an initiative's denominator too (docs/security.md).
  return small(p.numerator, minCell) || (ev.def.initiative !== undefined && small(p.denominator, minCell));
}

/** One period's points: its total (when the SQL gives one) and its cells by dimension. */
interface PeriodCells {
  total: EvaluatedPoint | undefined;
  dimensions: EvaluatedPoint[][];
}

function byPeriod(points: EvaluatedPoint[]): PeriodCells[] {
  const periods = new Map<string, PeriodCells & { dims: Map<string, EvaluatedPoint[]> }>();
  for (const p of points) {
    const at = periods.get(p.period) ?? { total: undefined, dimensions: [], dims: new Map() };
    periods.set(p.period, at);
    const dim = p.breakdown ? Object.keys(p.breakdown)[0]! : undefined;
    if (dim === undefined) at.total = p;
    else at.dims.set(dim, [...(at.dims.get(dim) ?? []), p]);
  }
  return [...periods.values()].map((p) => ({ total: p.total, dimensions: [...p.dims.values()] }));
}

/**
 * The cells that can hide with another, smallest numerator first: a cell without a value, or of 0,
 * protects nothing (the reader knows it adds nothing), so the total goes instead.
 */
function complements(cells: EvaluatedPoint[], hidden: Set<EvaluatedPoint>): EvaluatedPoint[] {
  return cells
    .filter((p) => !hidden.has(p) && p.value !== null && (p.numerator ?? 0) > 0)
    .sort((a, b) => a.numerator! - b.numerator! || (a.denominator ?? 0) - (b.denominator ?? 0));
}

/** Adds secondary suppression to one period until no dimension gives a hidden cell away. */
function protectPeriod(cells: PeriodCells, hidden: Set<EvaluatedPoint>): void {
  const { total, dimensions } = cells;
  const open = (p: EvaluatedPoint) => !hidden.has(p);
  // A dimension published in full adds up to the total, whether or not the total is published.
  const full = (d: EvaluatedPoint[]) => d.every(open) && d.some((p) => p.value !== null);
  for (;;) {
    const totalKnown = (total !== undefined && open(total)) || dimensions.some(full);
    const exposed = totalKnown
      ? dimensions.find((d) => d.filter((p) => hidden.has(p)).length === 1)
      : undefined;
    if (!exposed) return;
    const before = hidden.size;
    const complement = complements(exposed, hidden)[0];
    if (complement) hidden.add(complement);
    else {
      // Nothing in its own dimension can hide with it: the total becomes unknown, also where another
      // dimension published in full would add up to it.
      if (total) hidden.add(total);
      for (const d of dimensions.filter(full)) {
        const c = complements(d, hidden)[0];
        if (c) hidden.add(c);
      }
    }
    if (hidden.size === before) return;
  }
}

/** The points to suppress: primary, then secondary in every (period, dimension). */
export function suppressedPoints(ev: EvaluatedKpi, minCell: number): Set<EvaluatedPoint> {
  const hidden = new Set<EvaluatedPoint>();
  if (ev.def.disclosure === false) return hidden;
  for (const p of ev.points) if (primarySuppressed(ev, p, minCell)) hidden.add(p);
  for (const cells of byPeriod(ev.points)) protectPeriod(cells, hidden);
  return hidden;
}
