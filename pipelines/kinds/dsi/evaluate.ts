/**
 * A DSI social effect investment (docs/contracts.md, Jobfokus). The counts come from the SQL macros in
 * sql/contracts/dsi_social_investment.sql; the money is computed here with exact fractions.
 */
import type { DsiContract } from '../../../schemas/contracts.ts';
import type { DsiContractJson } from '../../../schemas/outputs.ts';
import { Rational } from '../../core/rational.ts';
import { sqlString } from '../../core/sql.ts';
import type { Db } from '../../duckdb.ts';
import { book, kroner, roundKroner, toOre } from '../money.ts';
import { expectedShare, halfYears, prices } from './prices.ts';
import { projectDsi } from './projection.ts';

export { expectedShare, halfYears, prices };

export interface MeasurementCounts {
  period: string;
  complete: boolean;
  population: number;
  successes: number;
  goal2Successes: number;
  /** Employment was delivered for a month of it before the as-of month (absent: yes). */
  hasData?: boolean;
}

/** The money side of the contract, from the counts alone (so it can be tested on its own). */
export function settle(
  c: DsiContract,
  counts: MeasurementCounts[],
): Pick<DsiContractJson, 'prices' | 'measurements' | 'totals'> {
  const p = prices(c);
  const baseline = Rational.of(c.baselineShare);
  const zero = Rational.of(0);
  const rows = counts.map((m) => {
    const excess = Rational.of(m.successes).sub(baseline.mul(Rational.of(m.population)));
    const goal1 = excess.cmp(zero) > 0 ? excess.mul(p.goal1) : zero;
    const goal2 = Rational.of(m.goal2Successes).mul(p.goal2);
    return { m, excess, goal1, goal2 };
  });
  const bookings = book(
    rows.map((r) => r.goal1.add(r.goal2)),
    c.cap,
  );
  const measurements = rows.map((r, i) => ({
    period: r.m.period,
    status: r.m.complete ? ('final' as const) : ('provisional' as const),
    hasData: r.m.hasData ?? true,
    measuredPopulation: r.m.population,
    successes: r.m.successes,
    share: r.m.population > 0 ? r.m.successes / r.m.population : null,
    baselineShare: c.baselineShare,
    expectedShare: expectedShare(c, r.m.period) ?? null,
    excess: r.excess.toNumber(),
    goal1Payment: roundKroner(r.goal1),
    goal2Successes: r.m.goal2Successes,
    goal2Payment: roundKroner(r.goal2),
    payment: kroner(bookings[i]!.bookedOre),
    cumulativeBeforeCap: roundKroner(bookings[i]!.cumulativeBeforeCap),
    cumulative: kroner(bookings[i]!.cumulativeOre),
    capApplied: bookings[i]!.capApplied,
  }));
  // Totals add up the final measurements only; a provisional one is shown but not booked.
  const finals = rows.map((r, i) => ({ r, b: bookings[i]! })).filter((x) => x.r.m.complete);
  const sum = (f: (x: (typeof finals)[number]) => Rational) => finals.reduce((s, x) => s.add(f(x)), zero);
  const lastFinal = finals[finals.length - 1];
  return {
    prices: { goal1PerExcessSuccess: roundKroner(p.goal1), goal2PerSuccess: roundKroner(p.goal2) },
    measurements,
    totals: {
      goal1: kroner(toOre(sum((x) => x.r.goal1))),
      goal2: kroner(toOre(sum((x) => x.r.goal2))),
      repayment: lastFinal ? kroner(lastFinal.b.cumulativeOre) : 0,
      cap: c.cap,
      capReachedIn: measurements.find((m) => m.capApplied)?.period ?? null,
      expectedRepayment: c.businessCase.expectedRepayment,
    },
  };
}

export async function evaluateDsi(
  db: Db,
  c: DsiContract,
  asOf: string,
  municipality: string,
): Promise<DsiContractJson> {
  const id = sqlString(c.id);
  const m = sqlString(municipality);
  const counts = await db.all<MeasurementCounts>(`
    WITH people AS (
      SELECT period, count(*) FILTER (WHERE counted) AS population,
        count(*) FILTER (WHERE counted AND first_success_month IS NOT NULL) AS successes
      FROM marts.dsi_person_period(${id}) WHERE is_measurement AND municipality = ${m} GROUP BY period
    ), goal2 AS (
      SELECT paid_in AS period, count(*) AS n FROM marts.dsi_goal2(${id})
      WHERE paid_in IS NOT NULL AND municipality = ${m} GROUP BY paid_in
    )
    SELECT h.period, h.complete, h.has_data AS "hasData", coalesce(p.population, 0)::BIGINT AS population,
      coalesce(p.successes, 0)::BIGINT AS successes, coalesce(g.n, 0)::BIGINT AS "goal2Successes"
    FROM marts.dsi_period(${id}) h LEFT JOIN people p USING (period) LEFT JOIN goal2 g USING (period)
    WHERE h.is_measurement ORDER BY h.period`);
  const settled = settle(
    c,
    counts.map((r) => ({ ...r, complete: Boolean(r.complete), hasData: Boolean(r.hasData) })),
  );
  // Everyone enrolled so far: the participants goal 2 is paid for, once each.
  const { participants } = await db.one<{ participants: number }>(
    `SELECT count(*)::INTEGER AS participants FROM marts.dsi_participant(${id}) WHERE municipality = ${m}`,
  );
  return {
    id: c.id,
    title: c.title,
    asOf,
    municipality,
    ...settled,
    projection: projectDsi(c, settled.measurements, participants),
    warnings: [],
  };
}

/** One row per participant and measurement (goal 1) and per paid goal-2 success, with the reason. */
export function dsiEvidenceSql(c: DsiContract, municipality: string): string {
  const id = sqlString(c.id);
  const m = sqlString(municipality);
  return `
    SELECT ${id} AS contract, period, person_id, 'goal1' AS goal, counted,
      counted AND first_success_month IS NOT NULL AS success,
      CASE
        WHEN NOT counted THEN 'tælles først fra ' || counting_start || ' (visiteret ' || enrolled_on || ')'
        WHEN first_success_month IS NULL THEN 'ingen måned med mindst ' || meta.cp(${id}, 'success_min_hours')
          || ' løntimer eller uddannelse i halvåret fra ' || greatest(counting_start, (SELECT first_month FROM meta.half_years h WHERE h.period = pp.period))
        WHEN success_wage_hours >= CAST(meta.cp(${id}, 'success_min_hours') AS DECIMAL(18, 6))
          THEN 'succesmåned ' || strftime(first_success_month, '%Y-%m') || ': ' || meta.da_number(success_wage_hours) || ' løntimer'
        ELSE 'succesmåned ' || strftime(first_success_month, '%Y-%m') || ': i uddannelse'
      END || CASE WHEN left_on IS NOT NULL THEN ' (udskrevet ' || left_on || ', tælles fortsat med)' ELSE '' END AS reason
    FROM marts.dsi_person_period(${id}) pp WHERE is_measurement AND municipality = ${m}
    UNION ALL
    SELECT ${id}, paid_in, person_id, 'goal2', first_on IS NOT NULL, paid_in IS NOT NULL,
      CASE
        WHEN first_on IS NULL THEN 'ingen besvarelse af livstilfredshed'
        WHEN success_on IS NULL THEN 'første svar ' || first_score || ' (' || first_on || '); intet højere svar mindst '
          || meta.cp(${id}, 'goal2_min_months') || ' måneder senere'
        WHEN paid_in IS NULL THEN 'succes ' || success_on || ' efter sidste måling'
        ELSE 'livstilfredshed ' || first_score || ' (' || first_on || ') → ' || success_score || ' (' || success_on || ')'
      END
    FROM marts.dsi_goal2(${id}) WHERE municipality = ${m}`;
}
