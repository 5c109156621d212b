/**
 * What a DSI contract is on course to repay (docs/contracts.md, "Projections"): the measurements that
 * are not final yet, under two scenarios, on top of what the final ones booked. A projection is never
 * booked.
 * - business_case: the rest as the business case planned it. Each open measurement has the planned
 *   population and the business case's expected share for its year.
 * - current_trajectory: the rest as the latest FINAL measurement stands: its population and share held
 *   for every open measurement. A provisional measurement (a half-year still running, or missing a
 *   month) is shown beside it and is never the basis: its share would change as its data arrive.
 * Goal 2 is paid once per participant (the minutes, item 7): the successes already seen are paid in the
 * measurement they belong to; the participants without a success yet (of the planned population in the
 * business case, of the actual participants on the trajectory) succeed at the business case's rate, or
 * at the rate observed so far, spread evenly over the measurements that have no data yet. So the
 * projected goal-2 successes never exceed the participants.
 * Exact fractions throughout; amounts are rounded to the øre only when published.
 */
import type { DsiContract } from '../../../schemas/contracts.ts';
import type { DsiContractJson, DsiProjection } from '../../../schemas/outputs.ts';
import { formatPercent } from '../../core/describe.ts';
import { Rational } from '../../core/rational.ts';
import { periodLabel } from '../../core/vega.ts';
import { num, t } from '../../i18n/index.ts';
import { roundKroner } from '../money.ts';
import { expectedShare, halfYears, prices } from './prices.ts';

type Measurement = DsiContractJson['measurements'][number];
type Scenario = DsiProjection['scenarios'][number];

const R = Rational.of;
const ZERO = R(0);
const atLeastZero = (x: Rational) => (x.cmp(ZERO) < 0 ? ZERO : x);

/** What a scenario assumes of an open measurement: its population and share, and its goal-2 successes. */
interface Assumption {
  population: Rational;
  share: Rational;
  goal2Successes: Rational;
}

/** What every scenario starts from. */
interface Basis {
  open: string[];
  booked: { beforeCap: Rational; capReachedIn: string | null };
  /** Goal-2 successes seen in a measurement that is not final yet, by its period: paid there. */
  seenUnbooked: Map<string, number>;
  /** Goal-2 successes seen so far, booked or not. */
  seen: number;
  /** The open measurements without any data yet, over which future goal-2 successes are spread. */
  future: string[];
}

/** One scenario: the open measurements under its assumptions, cumulated on the final ones. */
function scenario(
  c: DsiContract,
  s: { id: Scenario['id']; label: string; assumptions: string[] },
  b: Basis,
  assume: (period: string) => Assumption,
): Scenario {
  const p = prices(c);
  const cap = R(c.cap);
  const baseline = R(c.baselineShare);
  let cumulative = b.booked.beforeCap;
  let capBindsIn = b.booked.capReachedIn;
  const measurements = b.open.map((period) => {
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
    ...s,
    measurements,
    expectedRepayment: roundKroner(total),
    againstBusinessCase: total.div(R(c.businessCase.expectedRepayment)).toNumber(),
    capBindsIn,
  };
}

/** Goal-2 successes of an open measurement: those seen there, and its part of the future ones. */
function goal2In(b: Basis, future: Rational): (period: string) => Rational {
  const each = b.future.length > 0 ? future.div(R(b.future.length)) : ZERO;
  return (period) => R(b.seenUnbooked.get(period) ?? 0).add(b.future.includes(period) ? each : ZERO);
}

function basis(c: DsiContract, measured: Measurement[]): Basis {
  const finals = measured.filter((m) => m.status === 'final');
  const open = halfYears(c.measurements.first, c.measurements.last).filter(
    (period) => !finals.some((m) => m.period === period),
  );
  // A half-year just begun (its first month is the as-of month) is listed without data.
  const withData = measured
    .filter((m) => m.hasData !== false && m.measuredPopulation > 0)
    .map((m) => m.period);
  const lastMeasured = withData.at(-1) ?? '';
  const unbooked = measured.filter((m) => m.status !== 'final' && m.goal2Successes > 0);
  // What the final measurements add up to before the cap, exactly (the rounding rule rounds the exact
  // cumulative amount; a projection on top of a rounded one could differ by an øre).
  const p = prices(c);
  const baseline = R(c.baselineShare);
  const beforeCap = finals.reduce((sum, m) => {
    const excess = R(m.successes).sub(baseline.mul(R(m.measuredPopulation)));
    const goal1 = excess.cmp(ZERO) > 0 ? excess.mul(p.goal1) : ZERO;
    return sum.add(goal1).add(R(m.goal2Successes).mul(p.goal2));
  }, ZERO);
  return {
    open,
    booked: {
      beforeCap,
      capReachedIn: finals.find((m) => m.capApplied)?.period ?? null,
    },
    seenUnbooked: new Map(unbooked.map((m) => [m.period, m.goal2Successes])),
    seen: measured.reduce((s, m) => s + m.goal2Successes, 0),
    future: open.filter((period) => period > lastMeasured),
  };
}

/** The business case's scenario: its population and shares, and goal 2 at its rate of those left. */
function businessCase(c: DsiContract, b: Basis): Scenario {
  const bc = c.businessCase;
  const planned = R(bc.plannedPopulation);
  const pool = atLeastZero(planned.sub(R(b.seen)));
  const future = R(bc.goal2ExpectedRate).mul(pool);
  return scenario(
    c,
    {
      id: 'business_case',
      label: t('projection.label.business_case', { repayment: num(bc.expectedRepayment, 2) }),
      assumptions: [
        t('projection.assume.bcGoal1', { n: b.open.length, planned: num(bc.plannedPopulation) }),
        t('projection.assume.goal2', {
          seen: num(b.seen),
          pool: num(pool.toNumber()),
          rate: formatPercent(bc.goal2ExpectedRate),
          future: b.future.length,
        }),
      ],
    },
    b,
    (period) => ({
      population: planned,
      share: R(expectedShare(c, period) ?? 0),
      goal2Successes: goal2In(b, future)(period),
    }),
  );
}

/** The current trajectory: the latest final measurement held, and goal 2 at the rate observed so far. */
function trajectory(c: DsiContract, b: Basis, last: Measurement, participants: number): Scenario {
  const share = new Rational(BigInt(last.successes), BigInt(last.measuredPopulation));
  const rate = participants > 0 ? new Rational(BigInt(b.seen), BigInt(participants)) : ZERO;
  const pool = atLeastZero(R(participants - b.seen));
  const future = rate.mul(pool);
  return scenario(
    c,
    {
      id: 'current_trajectory',
      label: t('projection.label.current_trajectory', { period: periodLabel(last.period) }),
      assumptions: [
        t('projection.assume.trajectoryGoal1', {
          n: b.open.length,
          period: periodLabel(last.period),
          share: formatPercent(share.toNumber()),
          successes: num(last.successes),
          population: num(last.measuredPopulation),
        }),
        t('projection.assume.goal2Observed', {
          seen: num(b.seen),
          participants: num(participants),
          pool: num(pool.toNumber()),
          rate: formatPercent(rate.toNumber()),
          future: b.future.length,
        }),
      ],
    },
    b,
    (period) => ({
      population: R(last.measuredPopulation),
      share,
      goal2Successes: goal2In(b, future)(period),
    }),
  );
}

/**
 * The projection of a DSI contract from its measurements (final and provisional) and the number of its
 * participants (everyone enrolled in its programme so far).
 */
export function projectDsi(c: DsiContract, measured: Measurement[], participants: number): DsiProjection {
  const b = basis(c, measured);
  const lastFinal = [...measured].reverse().find((m) => m.status === 'final' && m.measuredPopulation > 0);
  const provisional = [...measured]
    .reverse()
    .find((m) => m.status === 'provisional' && m.hasData !== false && m.measuredPopulation > 0);
  const scenarios = [businessCase(c, b)];
  if (lastFinal) scenarios.push(trajectory(c, b, lastFinal, participants));
  return {
    note: 'projection',
    booked: roundKroner(b.booked.beforeCap.cmp(R(c.cap)) > 0 ? R(c.cap) : b.booked.beforeCap),
    basedOn: lastFinal?.period ?? null,
    provisional:
      provisional && (!lastFinal || provisional.period > lastFinal.period)
        ? {
            period: provisional.period,
            share: provisional.share,
            successes: provisional.successes,
            population: provisional.measuredPopulation,
          }
        : null,
    participants,
    goal2Seen: b.seen,
    scenarios,
  };
}
