/**
 * Money for finance (docs/contracts.md): amounts are exact fractions until they are booked. Booked payment
 * i = round(Cᵢ) − round(Cᵢ₋₁), where Cᵢ is the exact cumulative amount after the cap, rounded half away
 * from zero to the øre, so rounding never drifts and the bookings add up to the rounded total.
 */
import { Rational } from '../core/rational.ts';

/** Øre (hundredths of a krone), rounded half away from zero. */
export function toOre(amount: Rational): bigint {
  const n = amount.num * 100n;
  const d = amount.den;
  const q = n / d; // truncates toward zero
  const r = n % d;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice >= d) return q + (n < 0n ? -1n : 1n);
  return q;
}

/** Kroner with two decimals, as a JSON number. */
export function kroner(ore: bigint): number {
  return Number(ore) / 100;
}

export function roundKroner(amount: Rational): number {
  return kroner(toOre(amount));
}

export interface Booking {
  /** Exact cumulative amount before the cap. */
  cumulativeBeforeCap: Rational;
  /** Exact cumulative amount after the cap. */
  cumulative: Rational;
  /** round(Cᵢ) − round(Cᵢ₋₁), in øre. */
  bookedOre: bigint;
  /** round(Cᵢ), in øre. */
  cumulativeOre: bigint;
  /** The cap cut this payment or an earlier one. */
  capApplied: boolean;
}

/** Books a sequence of exact amounts against a cap (Infinity for none). */
export function book(amounts: Rational[], cap: number): Booking[] {
  const capR = Number.isFinite(cap) ? Rational.of(cap) : undefined;
  let before = Rational.of(0);
  let previousOre = 0n;
  let capped = false;
  return amounts.map((a) => {
    before = before.add(a);
    const over = capR !== undefined && before.cmp(capR) > 0;
    capped = capped || over;
    const cumulative = over ? capR! : before;
    const cumulativeOre = toOre(cumulative);
    const booking = {
      cumulativeBeforeCap: before,
      cumulative,
      bookedOre: cumulativeOre - previousOre,
      cumulativeOre,
      capApplied: capped,
    };
    previousOre = cumulativeOre;
    return booking;
  });
}
