/**
 * What a DSI contract is on course to repay (docs/contracts.md, "Projections"): the measurements that
 * are not final yet, under two scenarios, on top of what the final ones booked. A projection is never
 * booked.
 * - business_case: each open measurement has the planned population and the business case's expected
 *   share; goal 2 reaches the business case's expected rate, the rest spread evenly over the open
 *   measurements.
 * - trajectory: the latest measurement's (final or provisional) population, share and goal-2 successes
 *   held for every open measurement.
 * Exact fractions throughout; amounts are rounded to the øre only when published.
 */
import type { DsiContract } from '../../../schemas/contracts.ts';
import type { DsiContractJson, DsiProjection } from '../../../schemas/outputs.ts';
import { Rational } from '../../core/rational.ts';
import { roundKroner } from '../money.ts';
import { expectedShare, halfYears, prices } from './prices.ts';

type Measurement = DsiContractJson['measurements'][number];
type Scenario = DsiProjection['scenarios'][number];

interface Assumption {
  population: Rational;
  share: Rational;
  goal2Successes: Rational;
}

const R = Rational.of;
const ZERO = R(0);

/** One scenario: the open measurements under its assumptions, cumulated on the final ones. */
function scenario(
  c: DsiContract,
  id: Scenario['id'],
  open: string[],
  assume: (period: string) => Assumption,
  booked: { beforeCap: Rational; capReachedIn: string | null },
): Scenario {
  const p = prices(c);
  const cap = R(c.cap);
  const baseline = R(c.baselineShare);
  let cumulative = booked.beforeCap;
  let capBindsIn = booked.capReachedIn;
  const measurements = open.map((period) => {
    const a = assume(period);
    const successes = a.share.mul(a.population);
    const excess = successes.sub(baseline.mul(a.population));
    const goal1 = excess.cmp(ZERO) > 0 ? excess.mul(p.goal1) : ZERO;
    const goal2 = a.goal2Successes.mul(p.goal2);
    cumulative = cumulative.add(goal1).add(goal2);
    if (capBindsIn === null && cumulative.cmp(cap) > 0) capBindsIn = period;
    return {
      period,
      population: a.population.toNumber(),
      share: a.share.toNumber(),
      successes: successes.toNumber(),
      goal1Payment: roundKroner(goal1),
      goal2Successes: a.goal2Successes.toNumber(),
      goal2Payment: roundKroner(goal2),
      cumulativeBeforeCap: roundKroner(cumulative),
    };
  });
  const total = cumulative.cmp(cap) > 0 ? cap : cumulative;
  return {
    id,
    measurements,
    expectedRepayment: roundKroner(total),
    againstBusinessCase: total.div(R(c.businessCase.expectedRepayment)).toNumber(),
    capBindsIn,
  };
}

export function projectDsi(c: DsiContract, measured: Measurement[]): DsiProjection {
  const finals = measured.filter((m) => m.status === 'final');
  const open = halfYears(c.measurements.first, c.measurements.last).filter(
    (period) => !finals.some((m) => m.period === period),
  );
  const lastFinal = finals.at(-1);
  const booked = {
    beforeCap: lastFinal ? R(lastFinal.cumulativeBeforeCap) : ZERO,
    capReachedIn: finals.find((m) => m.capApplied)?.period ?? null,
  };
  const bc = c.businessCase;
  const planned = R(bc.plannedPopulation);
  const goal2Paid = finals.reduce((s, m) => s + m.goal2Successes, 0);
  const goal2Left = R(bc.goal2ExpectedRate).mul(planned).sub(R(goal2Paid));
  const goal2Each = open.length > 0 && goal2Left.cmp(ZERO) > 0 ? goal2Left.div(R(open.length)) : ZERO;
  const scenarios: Scenario[] = [
    scenario(
      c,
      'business_case',
      open,
      (period) => ({
        population: planned,
        share: R(expectedShare(c, period) ?? 0),
        goal2Successes: goal2Each,
      }),
      booked,
    ),
  ];
  const latest = [...measured].reverse().find((m) => m.measuredPopulation > 0);
  if (latest) {
    const held: Assumption = {
      population: R(latest.measuredPopulation),
      share: new Rational(BigInt(latest.successes), BigInt(latest.measuredPopulation)),
      goal2Successes: R(latest.goal2Successes),
    };
    scenarios.push(scenario(c, 'trajectory', open, () => held, booked));
  }
  return {
    note: 'projection',
    booked: roundKroner(booked.beforeCap.cmp(R(c.cap)) > 0 ? R(c.cap) : booked.beforeCap),
    basedOn: latest?.period ?? null,
    scenarios,
  };
}
