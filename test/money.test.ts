/**
 * The money finance books (docs/contracts.md), without a database: rounding to the øre, the cap, the
 * prices from the business case, which measurements are booked, and the grant's result requirements.
 * Every expected figure is worked out by hand in the test (or by the independent oracle below), never
 * with the functions under test.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../pipelines/config.ts';
import { Rational } from '../pipelines/core/rational.ts';
import { halfYears, prices, settle } from '../pipelines/kinds/dsi/evaluate.ts';
import { type GrantMonth, grantWarnings, settleGrant } from '../pipelines/kinds/grant/evaluate.ts';
import { book, kroner, roundKroner, toOre } from '../pipelines/kinds/money.ts';
import { type DsiContract, type GrantContract, JOBFOKUS, UNGELOFTET } from '../schemas/contracts.ts';

const r = (n: number | bigint, d: number | bigint = 1) => new Rational(BigInt(n), BigInt(d));

describe('rounding to the øre: half away from zero', () => {
  it('lands exactly on half an øre in both signs', () => {
    expect(toOre(r(1, 200))).toBe(1n); // 0.005 kr = ½ øre → 1 øre
    expect(toOre(r(-1, 200))).toBe(-1n);
    expect(toOre(r(3, 200))).toBe(2n); // 1½ øre → 2
    expect(toOre(r(-3, 200))).toBe(-2n);
    expect(toOre(r(200_001, 200))).toBe(100_001n); // 1,000.005 kr → 1,000.01
    expect(toOre(r(-200_001, 200))).toBe(-100_001n);
  });

  it('just below half rounds toward zero, just above away from it', () => {
    expect(toOre(r(1, 201))).toBe(0n); // 0.497… øre
    expect(toOre(r(-1, 201))).toBe(0n);
    expect(toOre(r(1, 199))).toBe(1n); // 0.502… øre
    expect(toOre(r(-1, 199))).toBe(-1n);
    expect(toOre(r(7, 3))).toBe(233n); // 2.333… kr
    expect(toOre(r(-7, 3))).toBe(-233n);
    expect(toOre(r(5))).toBe(500n);
    expect(toOre(r(0))).toBe(0n);
  });

  it('kroner and roundKroner give two decimals as a number', () => {
    expect(kroner(123_456n)).toBe(1234.56);
    expect(kroner(-1n)).toBe(-0.01);
    expect(roundKroner(r(200_001, 200))).toBe(1000.01);
    expect(roundKroner(r(2, 3))).toBe(0.67);
  });
});

describe('booking against a cap', () => {
  it('books round(Cᵢ) − round(Cᵢ₋₁), so half-øre amounts never drift', () => {
    // Cumulative 0.005, 0.010, 0.015 kr → 1, 1, 2 øre: booked 1, 0, 1.
    const b = book([r(1, 200), r(1, 200), r(1, 200)], Number.POSITIVE_INFINITY);
    expect(b.map((x) => x.bookedOre)).toEqual([1n, 0n, 1n]);
    expect(b.map((x) => x.cumulativeOre)).toEqual([1n, 1n, 2n]);
    expect(b.every((x) => !x.capApplied)).toBe(true);
  });

  it('a total exactly at the cap is not capped; the first amount past it is', () => {
    const b = book([r(5), r(5), r(1)], 10);
    expect(b.map((x) => x.capApplied)).toEqual([false, false, true]);
    expect(b.map((x) => x.bookedOre)).toEqual([500n, 500n, 0n]);
    expect(b[2]!.cumulativeBeforeCap.cmp(r(11))).toBe(0);
    expect(b[2]!.cumulative.cmp(r(10))).toBe(0);
  });

  it('the payment that crosses the cap is cut to what keeps the total at the cap, later ones are 0', () => {
    const b = book([r(6), r(6), r(6)], 10);
    expect(b.map((x) => x.bookedOre)).toEqual([600n, 400n, 0n]);
    expect(b.map((x) => x.cumulativeOre)).toEqual([600n, 1000n, 1000n]);
    expect(b.map((x) => x.capApplied)).toEqual([false, true, true]);
  });

  it('once the cap has cut, capApplied stays set even when nothing more is paid', () => {
    const b = book([r(11), r(0)], 10);
    expect(b.map((x) => x.capApplied)).toEqual([true, true]);
    expect(b.map((x) => x.bookedOre)).toEqual([1000n, 0n]);
  });
});

describe('Jobfokus prices from the business case', () => {
  it('goal 1 is 10,260,000 / 468 excess successes and goal 2 is 1,140,000 / 234 successes, exactly', () => {
    // Expected excess over the ten measurements, per participant: 2027-H2 0.06, 2028 2 × 0.11,
    // 2029 2 × 0.11, 2030 2 × 0.16, 2031 2 × 0.16, 2032-H1 0.16 = 1.30; × 360 = 468.
    // Goal 2: 0.65 × 360 = 234 expected life-satisfaction successes.
    const p = prices(JOBFOKUS);
    expect(p.goal1.cmp(r(10_260_000, 468))).toBe(0);
    expect(p.goal2.cmp(r(1_140_000, 234))).toBe(0);
  });

  it('a measurement year without an expected share is refused, not priced as zero', () => {
    const { '2030': _, ...shares } = JOBFOKUS.businessCase.expectedShares;
    const businessCase = { ...JOBFOKUS.businessCase, expectedShares: shares };
    expect(() => prices({ ...JOBFOKUS, businessCase })).toThrow(
      /^contract jobfokus: the business case has no expected share for 2030$/,
    );
    // The configuration says so before any run.
    expect(() => parseConfig({ contracts: [{ ...JOBFOKUS, businessCase }] })).toThrow(
      '  - contracts.0.businessCase.expectedShares: business casen mangler den forventede andel for 2030; hvert år med en måling skal have en, for prisen beregnes ud fra dem',
    );
    expect(() =>
      parseConfig({ contracts: [{ ...JOBFOKUS, measurements: { first: '2028-H1', last: '2027-H2' } }] }),
    ).toThrow('  - contracts.0.measurements.last: den sidste måling ligger før den første');
  });

  it('half-years run from the first to the last measurement, both included', () => {
    expect(halfYears('2027-H2', '2029-H1')).toEqual(['2027-H2', '2028-H1', '2028-H2', '2029-H1']);
    expect(halfYears('2027-H1', '2027-H1')).toEqual(['2027-H1']);
    expect(halfYears('2027-H2', '2027-H1')).toEqual([]);
  });
});

const final = (period: string, population: number, successes: number, goal2Successes = 0) => ({
  period,
  complete: true,
  population,
  successes,
  goal2Successes,
});

describe('Jobfokus settlement', () => {
  it('a provisional measurement with a non-zero amount is shown but stays out of the totals', () => {
    // 2027-H2 final: 10 of 100 succeed, excess 10 − 4 = 6, 6 × 10,260,000 / 468 = 131,538.4615… kr.
    // 2028-H1 provisional: 20 of 100, excess 16, 16 × 21,923.0769… = 350,769.2307… kr.
    const s = settle(JOBFOKUS, [
      final('2027-H2', 100, 10),
      { ...final('2028-H1', 100, 20), complete: false },
    ]);
    expect(s.measurements.map((m) => [m.period, m.status, m.excess, m.goal1Payment])).toEqual([
      ['2027-H2', 'final', 6, 131_538.46],
      ['2028-H1', 'provisional', 16, 350_769.23],
    ]);
    expect(s.measurements[1]!.payment).toBe(350_769.23); // shown as what it would book
    expect(s.totals).toMatchObject({
      goal1: 131_538.46,
      goal2: 0,
      repayment: 131_538.46,
      capReachedIn: null,
    });
  });

  it('only provisional measurements: the totals are 0.00 booked, not the provisional amounts', () => {
    const s = settle(JOBFOKUS, [{ ...final('2027-H2', 100, 10, 3), complete: false }]);
    expect(s.measurements[0]!.payment).toBe(146_153.85); // 131,538.4615… + 3 × 4,871.7948… = 146,153.8461…
    expect(s.totals).toMatchObject({ goal1: 0, goal2: 0, repayment: 0 });
  });

  it('goal 2 pays 1,140,000 / 234 per success; the totals add the exact amounts, then round', () => {
    // 1 success: 4,871.7948… → 4,871.79. Two final measurements with 1 each: 9,743.5897… → 9,743.59
    // (rounding each first would give 9,743.58).
    const s = settle(JOBFOKUS, [final('2027-H2', 0, 0, 1), final('2028-H1', 0, 0, 1)]);
    expect(s.measurements.map((m) => [m.goal2Payment, m.payment, m.cumulative])).toEqual([
      [4_871.79, 4_871.79, 4_871.79],
      [4_871.79, 4_871.8, 9_743.59],
    ]);
    expect(s.totals).toMatchObject({ goal1: 0, goal2: 9_743.59, repayment: 9_743.59 });
    expect(s.prices).toEqual({ goal1PerExcessSuccess: 21_923.08, goal2PerSuccess: 4_871.79 });
  });

  it('a goal-2 price of exactly half an øre more rounds up, in the price and the payment', () => {
    // goal2Share 0.1 × 10,000.05 / (0.5 × 2) = 1,000.005 kr per success.
    const c: DsiContract = {
      ...JOBFOKUS,
      businessCase: {
        ...JOBFOKUS.businessCase,
        expectedRepayment: 10_000.05,
        goal2ExpectedRate: 0.5,
        plannedPopulation: 2,
      },
    };
    const s = settle(c, [final('2027-H2', 0, 0, 1)]);
    expect(s.prices.goal2PerSuccess).toBe(1000.01);
    expect(s.measurements[0]).toMatchObject({ goal2Payment: 1000.01, payment: 1000.01, cumulative: 1000.01 });
  });

  it('a share exactly at the baseline pays nothing; one success more pays one excess success', () => {
    const s = settle(JOBFOKUS, [final('2027-H2', 100, 4), final('2028-H1', 100, 5)]);
    expect(s.measurements.map((m) => [m.excess, m.goal1Payment])).toEqual([
      [0, 0],
      [1, 21_923.08],
    ]);
    expect(s.measurements[1]!.share).toBe(0.05);
  });

  it('the cap: exactly at it is not capped, past it the payment is cut and capReachedIn names the half-year', () => {
    // 2 × 4,871.7948… = 9,743.5897…; a cap of 9,743.59 is above it, a cap of 9,743.58 below.
    const above = settle({ ...JOBFOKUS, cap: 9_743.59 }, [final('2027-H2', 0, 0, 2)]);
    expect(above.totals).toMatchObject({ repayment: 9_743.59, capReachedIn: null });
    const below = settle({ ...JOBFOKUS, cap: 9_743.58 }, [
      final('2027-H2', 0, 0, 1),
      final('2028-H1', 0, 0, 1),
    ]);
    expect(below.measurements.map((m) => [m.payment, m.capApplied])).toEqual([
      [4_871.79, false],
      [4_871.79, true],
    ]);
    expect(below.totals).toMatchObject({ repayment: 9_743.58, capReachedIn: '2028-H1', cap: 9_743.58 });
    expect(below.totals.goal2).toBe(9_743.59); // the amounts before the cap
  });

  it('publishes the measurement figures: share, baseline, expected share', () => {
    const s = settle(JOBFOKUS, [final('2027-H2', 360, 36)]);
    expect(s.measurements[0]).toMatchObject({
      measuredPopulation: 360,
      successes: 36,
      share: 0.1,
      baselineShare: 0.04,
      expectedShare: 0.1,
      excess: 21.6,
      goal2Successes: 0,
      capApplied: false,
    });
    expect(s.totals.expectedRepayment).toBe(11_400_000);
  });

  it('counts that do not say whether a half-year has data are measurements with data', () => {
    // The warehouse always says (a provisional half-year just begun has none); counts given directly,
    // as here, are measured figures, so the projection may build on them.
    const s = settle(JOBFOKUS, [final('2027-H2', 100, 10), { ...final('2028-H1', 0, 0), hasData: false }]);
    expect(s.measurements.map((m) => [m.period, m.hasData])).toEqual([
      ['2027-H2', true],
      ['2028-H1', false],
    ]);
  });
});

/**
 * An oracle that shares no code with the product: Jobfokus in whole øre over the common denominator 117.
 * goal 1 = max(0, 25s − p) × 102,600 / 117 kr (excess (25s − p)/25 × 10,260,000 / 468); goal 2 =
 * g × 570,000 / 117 kr (1,140,000 / 234). Cumulative øre = round(min(C, cap) × 100), half away from zero.
 */
function oracleCumulativeOre(
  cohorts: { population: number; successes: number; g2: number }[],
  cap: number,
): bigint[] {
  let num = 0n; // cumulative kroner × 117
  const capCents = BigInt(Math.round(cap * 100));
  return cohorts.map((c) => {
    const excess25 = BigInt(25 * c.successes - c.population);
    num += (excess25 > 0n ? excess25 * 102_600n : 0n) + BigInt(c.g2) * 570_000n;
    // øre = num × 100 / 117, rounded half up (all positive): floor((2 × num × 100 + 117) / 234).
    const ore = (2n * num * 100n + 117n) / 234n;
    // The cap is whole øre, so capping before or after rounding is the same.
    return num * 100n > capCents * 117n ? capCents : ore;
  });
}

describe('property: random cohorts against the independent oracle', () => {
  it('every booked payment and cumulative matches the oracle, and nothing passes the cap', () => {
    const periods = halfYears('2027-H2', '2032-H1');
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            population: fc.integer({ min: 0, max: 2000 }),
            rate: fc.double({ min: 0, max: 1, noNaN: true }),
            g2: fc.integer({ min: 0, max: 400 }),
          }),
          { minLength: 10, maxLength: 10 },
        ),
        fc.integer({ min: 1, max: 3_000_000_000 }).map((c) => c / 100),
        (raw, cap) => {
          const cohorts = raw.map((c) => ({ ...c, successes: Math.floor(c.population * c.rate) }));
          const s = settle(
            { ...JOBFOKUS, cap },
            cohorts.map((c, i) => final(periods[i]!, c.population, c.successes, c.g2)),
          );
          const expected = oracleCumulativeOre(cohorts, cap);
          const cents = (x: number) => BigInt(Math.round(x * 100));
          expect(s.measurements.map((m) => cents(m.cumulative))).toEqual(expected);
          expect(s.measurements.map((m) => cents(m.payment))).toEqual(
            expected.map((c, i) => c - (i > 0 ? expected[i - 1]! : 0n)),
          );
          expect(cents(s.totals.repayment)).toBe(expected[9]);
          expect(s.totals.repayment).toBeLessThanOrEqual(cap);
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** Months of the Ungeløftet grant: counted from 2027-05 to 2028-12 (the second half). */
const month = (m: string, inWork: number, group = 20, extra: Partial<GrantMonth> = {}): GrantMonth => ({
  month: m,
  counted: true,
  complete: true,
  group,
  inEmploymentOrEducation: inWork,
  ...extra,
});
const AFTER = '2029-03-01'; // the second half has ended

describe('Ungeløftet result requirements', () => {
  it('R1 is met at exactly 50 % and R2 at exactly 55 %', () => {
    const s = settleGrant(UNGELOFTET, [month('2027-05', 10), month('2027-06', 11)], AFTER);
    expect(s.requirements.map((q) => [q.id, q.status, q.firstMonthMet, q.bestShare, q.bestMonth])).toEqual([
      ['R1', 'met', '2027-05', 0.55, '2027-06'],
      ['R2', 'met', '2027-06', 0.55, '2027-06'],
    ]);
  });

  it('just below the thresholds is not met after the second half, and pending before its end', () => {
    const months = [month('2027-05', 9_999, 20_000)]; // 49.995 %
    expect(settleGrant(UNGELOFTET, months, AFTER).requirements.map((q) => q.status)).toEqual([
      'not_met',
      'not_met',
    ]);
    const r2 = settleGrant(UNGELOFTET, [month('2027-05', 10_999, 20_000)], AFTER); // 54.995 %
    expect(r2.requirements.map((q) => q.status)).toEqual(['met', 'not_met']);
    // 2028-12 is the last counted month: on 2028-12-31 it has not ended, on 2029-01-01 it has.
    expect(settleGrant(UNGELOFTET, months, '2028-12-31').requirements.map((q) => q.status)).toEqual([
      'pending',
      'pending',
    ]);
    expect(settleGrant(UNGELOFTET, months, '2029-01-01').requirements.map((q) => q.status)).toEqual([
      'not_met',
      'not_met',
    ]);
  });

  it('only counted, complete months with a group are judged', () => {
    const s = settleGrant(
      UNGELOFTET,
      [
        month('2027-04', 20, 20, { counted: false }),
        month('2027-05', 20, 20, { complete: false }),
        month('2027-06', 0, 0),
        month('2027-07', 9),
      ],
      AFTER,
    );
    expect(s.requirements.map((q) => [q.status, q.bestShare, q.bestMonth])).toEqual([
      ['not_met', 0.45, '2027-07'],
      ['not_met', 0.45, '2027-07'],
    ]);
    expect(s.months.map((m) => [m.month, m.inEmploymentOrEducation, m.share])).toEqual([
      ['2027-04', 20, 1],
      ['2027-05', null, null], // not complete: no figure
      ['2027-06', 0, null], // no group: no share
      ['2027-07', 9, 0.45],
    ]);
  });

  it('a tie for the best month keeps the earlier one; no judged month gives no best', () => {
    const tie = settleGrant(
      UNGELOFTET,
      [month('2027-05', 8), month('2027-06', 8), month('2027-07', 7)],
      AFTER,
    );
    expect(tie.requirements[0]).toMatchObject({ bestShare: 0.4, bestMonth: '2027-05' });
    const none = settleGrant(UNGELOFTET, [], AFTER);
    expect(none.requirements[0]).toMatchObject({ bestShare: null, bestMonth: null, firstMonthMet: null });
  });

  it('the counted months start with the first whole month of the second half and end with the last whole month', () => {
    expect(settleGrant(UNGELOFTET, [], AFTER).period.countedMonths).toEqual({
      from: '2027-05',
      to: '2028-12',
    });
    const c: GrantContract = { ...UNGELOFTET, secondHalfFrom: '2027-05-01', periodEnd: '2028-12-30' };
    expect(settleGrant(c, [], AFTER).period.countedMonths).toEqual({ from: '2027-05', to: '2028-11' });
    // The last day of February in a leap year, and of a 30-day month.
    for (const [end, to] of [
      ['2028-02-29', '2028-02'],
      ['2028-02-28', '2028-01'],
      ['2028-04-30', '2028-04'],
    ]) {
      expect(settleGrant({ ...UNGELOFTET, periodEnd: end! }, [], AFTER).period.countedMonths.to, end).toBe(
        to,
      );
    }
  });

  it('payout of a grant of 1,000.01: rate 1 lands on half an øre and rounds up; the tranches add up', () => {
    // 1,000.01 × 0.5 = 500.005 → 500.01; cumulative 900.009 → 900.01 books R1 400.00; R2 1,000.01 − 900.01.
    const c: GrantContract = { ...UNGELOFTET, grant: { total: 1000.01, byYear: { '2027': 1000.01 } } };
    const met = settleGrant(c, [month('2027-05', 11)], AFTER);
    expect(met.requirements.map((q) => q.amount)).toEqual([400, 100]);
    expect(met.payout).toEqual({ rate1: 500.01, released: 500, withheld: 0, total: 1000.01 });
    const half = settleGrant(c, [month('2027-05', 10)], AFTER);
    expect(half.payout).toEqual({ rate1: 500.01, released: 400, withheld: 100, total: 900.01 });
    const none = settleGrant(c, [month('2027-05', 9)], AFTER);
    expect(none.payout).toEqual({ rate1: 500.01, released: 0, withheld: 500, total: 500.01 });
  });

  it('the grant letter: the yearly amounts that add up to one øre more are reported, the total governs', () => {
    expect(grantWarnings(UNGELOFTET)).toEqual([
      'tilskuddets beløb pr. år giver 5.974.640,07, men det samlede tilskud er 5.974.640,06; det samlede tilskud gælder',
    ]);
    expect(grantWarnings({ ...UNGELOFTET, grant: { total: 10, byYear: { '2027': 4, '2028': 6 } } })).toEqual(
      [],
    );
  });
});
