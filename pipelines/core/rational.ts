/**
 * Exact fractions over BigInt. Targets and statuses compare exactly (docs/kpis.md): an increase of exactly
 * 5 % is not above 5 %, and a share equal to its target is on track. Floats only appear when a value is
 * published.
 */
export class Rational {
  readonly num: bigint;
  readonly den: bigint;

  constructor(num: bigint, den: bigint = 1n) {
    if (den === 0n) throw new Error('Rational with denominator 0');
    if (den < 0n) {
      num = -num;
      den = -den;
    }
    const g = gcd(num < 0n ? -num : num, den);
    this.num = g > 1n ? num / g : num;
    this.den = g > 1n ? den / g : den;
  }

  /** From a JS number as written in decimal (0.02 -> 2/100), never via binary float error. */
  static of(x: number | bigint): Rational {
    if (typeof x === 'bigint') return new Rational(x);
    if (!Number.isFinite(x)) throw new Error(`not a finite number: ${x}`);
    const s = x.toString();
    const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(s);
    if (!m) throw new Error(`cannot read ${s} as a decimal`);
    const [, sign, int, frac = '', exp = '0'] = m;
    let num = BigInt(`${sign}${int}${frac}`);
    let den = 10n ** BigInt(frac.length);
    const e = Number(exp);
    if (e > 0) num *= 10n ** BigInt(e);
    if (e < 0) den *= 10n ** BigInt(-e);
    return new Rational(num, den);
  }

  add(o: Rational): Rational {
    return new Rational(this.num * o.den + o.num * this.den, this.den * o.den);
  }
  sub(o: Rational): Rational {
    return new Rational(this.num * o.den - o.num * this.den, this.den * o.den);
  }
  mul(o: Rational): Rational {
    return new Rational(this.num * o.num, this.den * o.den);
  }
  div(o: Rational): Rational {
    return new Rational(this.num * o.den, this.den * o.num);
  }
  pow(n: number): Rational {
    if (!Number.isInteger(n)) throw new Error('integer powers only');
    if (n < 0) return new Rational(this.den ** BigInt(-n), this.num ** BigInt(-n));
    return new Rational(this.num ** BigInt(n), this.den ** BigInt(n));
  }
  cmp(o: Rational): -1 | 0 | 1 {
    const l = this.num * o.den;
    const r = o.num * this.den;
    return l < r ? -1 : l > r ? 1 : 0;
  }
  toNumber(): number {
    // Exact enough for publishing: scale to 17 significant digits before the float division.
    return Number(this.num) / Number(this.den);
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}
