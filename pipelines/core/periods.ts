/**
 * The periods KPIs and contracts are measured in (docs/kpis.md): a year `2025`, a half-year `2025-H1`,
 * a month `2025-03`, or a survey wave, which has no months.
 */

export function periodYear(period: string): number {
  return Number.parseInt(period.slice(0, 4), 10);
}

/** A period's first and last month (`YYYY-MM`): a year, a half-year or a month; undefined for a wave. */
export function periodMonths(period: string): { first: string; last: string } | undefined {
  const year = /^(\d{4})$/.exec(period);
  if (year) return { first: `${year[1]}-01`, last: `${year[1]}-12` };
  const half = /^(\d{4})-H([12])$/.exec(period);
  if (half)
    return half[2] === '1'
      ? { first: `${half[1]}-01`, last: `${half[1]}-06` }
      : { first: `${half[1]}-07`, last: `${half[1]}-12` };
  if (/^\d{4}-\d{2}$/.test(period)) return { first: period, last: period };
  return undefined;
}

/** Every month from `from` to `to` (YYYY-MM), both included. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  for (;;) {
    const s = `${y}-${String(m).padStart(2, '0')}`;
    if (s > to) return out;
    out.push(s);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
}
