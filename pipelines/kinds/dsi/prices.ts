/**
 * The measurements of a DSI contract and the prices calibrated from its business case
 * (docs/contracts.md, "Prices").
 */
import type { DsiContract } from '../../../schemas/contracts.ts';
import { Rational } from '../../core/rational.ts';

export function halfYears(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, h] = [Number(first.slice(0, 4)), Number(first.slice(6))];
  for (;;) {
    const p = `${y}-H${h}`;
    if (p > last) return out;
    out.push(p);
    if (h === 2) [y, h] = [y + 1, 1];
    else h = 2;
  }
}

export function expectedShare(c: DsiContract, period: string): number | undefined {
  return c.businessCase.expectedShares[period.slice(0, 4)];
}

/**
 * Prices calibrated from the business case (docs/contracts.md): goal 1 spreads its share of the expected
 * repayment over the expected excess successes of all measurements at the planned population; goal 2
 * over the expected number of life-satisfaction successes.
 */
export function prices(c: DsiContract): { goal1: Rational; goal2: Rational } {
  const bc = c.businessCase;
  const baseline = Rational.of(c.baselineShare);
  let expectedExcess = Rational.of(0);
  for (const m of halfYears(c.measurements.first, c.measurements.last)) {
    const share = expectedShare(c, m);
    if (share === undefined)
      throw new Error(`contract ${c.id}: the business case has no expected share for ${m.slice(0, 4)}`);
    expectedExcess = expectedExcess.add(
      Rational.of(share).sub(baseline).mul(Rational.of(bc.plannedPopulation)),
    );
  }
  const repayment = Rational.of(bc.expectedRepayment);
  return {
    goal1: Rational.of(bc.goal1Share).mul(repayment).div(expectedExcess),
    goal2: Rational.of(bc.goal2Share)
      .mul(repayment)
      .div(Rational.of(bc.goal2ExpectedRate).mul(Rational.of(bc.plannedPopulation))),
  };
}
