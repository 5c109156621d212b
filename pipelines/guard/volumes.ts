/**
 * The volume check (docs/privacy-and-reliability.md): truncated exports are a common failure, and a file cut
 * short loads without an error. Per extract and month, the rows the KPIs read are compared with those of
 * the previous published run; a fall beyond `volumeDropTolerance` holds back what reads the extract.
 * So does a growth beyond `volumeGrowthTolerance` in a month the previous run already had complete: a
 * re-export placed beside the earlier deliveries counts their rows twice (a doubling, at the default 1).
 */
import type { Db } from '../duckdb.ts';

/** Rows per extract and month (`YYYY-MM`), or in all (`all`) for an extract without months. */
export type Volumes = Record<string, Record<string, number>>;

export const ALL_MONTHS = 'all';

/** The rows each delivered extract holds as the KPIs read them: per month where it has months. */
export async function extractVolumes(db: Db, delivered: readonly string[]): Promise<Volumes> {
  const volumes: Volumes = {};
  const monthly = await db.all<{ extract: string; month: string; n: number }>(
    `SELECT extract, strftime(month, '%Y-%m') AS month, sum(rows)::BIGINT AS n
     FROM marts.data_months GROUP BY ALL ORDER BY extract, month`,
  );
  for (const r of monthly) {
    volumes[r.extract] ??= {};
    volumes[r.extract]![r.month] = r.n;
  }
  for (const extract of delivered) {
    if (volumes[extract]) continue;
    const n = (await db.one<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM staging.${extract}`)).n;
    volumes[extract] = { [ALL_MONTHS]: n };
  }
  return volumes;
}

export interface VolumeDrop {
  extract: string;
  month: string;
  previous: number;
  current: number;
}

/**
 * The months whose rows fell by more than `tolerance` (a fraction) against the previous run's. A month
 * that is gone has 0 rows. Exactly at the tolerance is no drop; compared in integers.
 */
export function volumeDrops(
  current: Volumes,
  previous: Volumes | undefined,
  tolerance: number,
): VolumeDrop[] {
  if (!previous) return [];
  const ppm = Math.round(tolerance * 1_000_000);
  const drops: VolumeDrop[] = [];
  for (const [extract, months] of Object.entries(previous)) {
    for (const [month, before] of Object.entries(months)) {
      const now = current[extract]?.[month] ?? 0;
      if ((before - now) * 1_000_000 > ppm * before)
        drops.push({ extract, month, previous: before, current: now });
    }
  }
  return drops;
}

/**
 * The months, complete in the previous run (before its as-of month), whose rows grew by more than
 * `tolerance` (a fraction: 1 is a doubling). A month the previous run had not yet seen complete may
 * grow as its deliveries arrive. Exactly at the tolerance is no growth; compared in integers.
 */
export function volumeGrowth(
  current: Volumes,
  previous: Volumes | undefined,
  tolerance: number,
  previousAsOfMonth: string | undefined,
): VolumeDrop[] {
  if (!previous || !previousAsOfMonth) return [];
  const ppm = Math.round(tolerance * 1_000_000);
  const grown: VolumeDrop[] = [];
  for (const [extract, months] of Object.entries(previous)) {
    for (const [month, before] of Object.entries(months)) {
      if (month === ALL_MONTHS || month >= previousAsOfMonth || before === 0) continue;
      const now = current[extract]?.[month] ?? 0;
      if ((now - before) * 1_000_000 > ppm * before)
        grown.push({ extract, month, previous: before, current: now });
    }
  }
  return grown;
}
