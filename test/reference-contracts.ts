/**
 * A small reference calculator for the outcome contracts, written from docs/contracts.md alone, that
 * reads an inbox's CSV files and computes what each contract pays, with exact fractions in BigInt. It
 * shares no code with pipelines/: test/audit.test.ts compares the engine's figures with it, so an error
 * in the engine's SQL, its evidence or its money would have to be made twice, the same way, to pass.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DsiContract, GrantContract } from '../schemas/contracts.ts';

/** A fraction n/d, d > 0. */
type Q = { n: bigint; d: bigint };
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
const q = (n: bigint, d = 1n): Q => {
  const g = gcd(n, d) || 1n;
  return d < 0n ? { n: -n / g, d: -d / g } : { n: n / g, d: d / g };
};
/** A decimal as written (0.04, 11400000, 21.6) as an exact fraction. */
const dec = (x: number | string): Q => {
  const [i, f = ''] = String(x).split('.');
  return q(BigInt(`${i}${f}`), 10n ** BigInt(f.length));
};
const add = (a: Q, b: Q) => q(a.n * b.d + b.n * a.d, a.d * b.d);
const sub = (a: Q, b: Q) => q(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Q, b: Q) => q(a.n * b.n, a.d * b.d);
const div = (a: Q, b: Q) => q(a.n * b.d, a.d * b.n);
const lt = (a: Q, b: Q) => a.n * b.d < b.n * a.d;
const max0 = (a: Q) => (a.n < 0n ? q(0n) : a);
const min = (a: Q, b: Q) => (lt(a, b) ? a : b);
/** Rounded half away from zero to the øre, in kroner. */
export function ore(a: Q): number {
  const x = a.n * 100n;
  const whole = x / a.d;
  const twice = (x % a.d) * 2n;
  const up = twice >= a.d || -twice >= a.d ? (x < 0n ? -1n : 1n) : 0n;
  return Number(whole + up) / 100;
}

/** The rows of a `;`- or `,`-separated CSV with a header, as objects. */
function csv(path: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  const sep = head!.includes(';') ? ';' : ',';
  const cols = head!.split(sep);
  return lines.map((l) => Object.fromEntries(l.split(sep).map((v, i) => [cols[i], v])));
}

const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
const monthOf = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

export interface DsiMeasurement {
  period: string;
  measuredPopulation: number;
  successes: number;
  goal2Successes: number;
  goal1Payment: number;
  goal2Payment: number;
  payment: number;
  cumulative: number;
  capApplied: boolean;
}

/** The months of a half-year 2027-H2: their indexes. */
const halfYearMonths = (p: string) => {
  const first = Number(p.slice(0, 4)) * 12 + (p.endsWith('H1') ? 0 : 6);
  return [0, 1, 2, 3, 4, 5].map((k) => first + k);
};

/** Jobfokus from the inbox (docs/contracts.md), final measurements only (every month delivered). */
export function referenceDsi(
  inbox: string,
  c: DsiContract,
): { measurements: DsiMeasurement[]; total: number } {
  const enrolled = csv(join(inbox, 'enrollment', 'e.csv')).filter((r) => r.programme === c.programme);
  // Counting starts on the first day of the first month that begins on or after enrolment + N months.
  const start = new Map(
    enrolled.map((r) => {
      const [y, m, d] = r.enrolled_on!.split('-').map(Number);
      const i = y! * 12 + m! - 1 + c.startupMonths;
      return [r.cpr!, d === 1 ? i : i + 1];
    }),
  );
  const success = new Set(
    csv(join(inbox, 'employment', 'e.csv'))
      .filter((r) => Number(r.wage_hours) >= c.successMinHours || r.in_education === 'ja')
      .map((r) => `${r.cpr}|${monthIndex(r.month!)}`),
  );
  const answers = csv(join(inbox, 'survey_answers', 'a.csv')).filter(
    (r) => r.survey === c.goal2.survey && r.question_id === c.goal2.question,
  );
  // Goal 2: a later answer at least N months after the first, and higher; the month it was given.
  const goal2 = new Map<string, number>();
  for (const person of start.keys()) {
    const mine = answers
      .filter((a) => a.respondent_id === person)
      .sort((a, b) => a.wave!.localeCompare(b.wave!));
    const first = mine[0];
    const later = mine.find(
      (a) =>
        first &&
        monthIndex(a.wave!) - monthIndex(first.wave!) >= c.goal2.minMonthsBetween &&
        Number(a.answer) > Number(first.answer),
    );
    if (later) goal2.set(person, monthIndex(later.wave!));
  }
  const bc = c.businessCase;
  const baseline = dec(c.baselineShare);
  const periods: string[] = [];
  for (let y = Number(c.measurements.first.slice(0, 4)); y <= Number(c.measurements.last.slice(0, 4)); y++)
    for (const h of ['H1', 'H2'])
      if (`${y}-${h}` >= c.measurements.first && `${y}-${h}` <= c.measurements.last)
        periods.push(`${y}-${h}`);
  // The prices, calibrated from the business case: goal 1 per expected excess success, goal 2 per expected success.
  const planned = dec(bc.plannedPopulation);
  const expectedExcess = periods.reduce(
    (s, p) => add(s, mul(sub(dec(bc.expectedShares[p.slice(0, 4)]!), baseline), planned)),
    q(0n),
  );
  const price1 = div(mul(dec(bc.goal1Share), dec(bc.expectedRepayment)), expectedExcess);
  const price2 = div(
    mul(dec(bc.goal2Share), dec(bc.expectedRepayment)),
    mul(planned, dec(bc.goal2ExpectedRate)),
  );
  const paid = new Set<string>();
  let before = q(0n);
  const out: DsiMeasurement[] = [];
  for (const p of periods) {
    const months = halfYearMonths(p);
    const last = months[5]!;
    const measured = [...start].filter(([, s]) => s <= last);
    const successes = measured.filter(([person, s]) =>
      months.some((m) => m >= s && success.has(`${person}|${m}`)),
    ).length;
    const excess = sub(q(BigInt(successes)), mul(baseline, q(BigInt(measured.length))));
    const g2 = [...goal2].filter(([person, m]) => m <= last && !paid.has(person)).map(([person]) => person);
    for (const person of g2) paid.add(person);
    const goal1 = mul(max0(excess), price1);
    const goal2Pay = mul(q(BigInt(g2.length)), price2);
    const uncapped = add(before, add(goal1, goal2Pay));
    const after = min(uncapped, dec(c.cap));
    out.push({
      period: p,
      measuredPopulation: measured.length,
      successes,
      goal2Successes: g2.length,
      goal1Payment: ore(goal1),
      goal2Payment: ore(goal2Pay),
      payment: Math.round((ore(after) - ore(before)) * 100) / 100,
      cumulative: ore(after),
      capApplied: lt(after, uncapped),
    });
    before = after;
  }
  return { measurements: out, total: ore(before) };
}

/** Ungeløftet from the inbox: each requirement met or not over the complete counted months, and the payout. */
export function referenceGrant(
  inbox: string,
  c: GrantContract,
  asOf: string,
): {
  shares: Record<string, number>;
  met: Record<string, boolean>;
  rate1: number;
  released: number;
  withheld: number;
} {
  const enrolled = csv(join(inbox, 'enrollment', 'e.csv')).filter((r) => r.programme === c.programme);
  const rows = csv(join(inbox, 'employment', 'e.csv'));
  const delivered = new Set(rows.map((r) => r.month));
  const work = new Set(
    rows
      .filter((r) => Number(r.wage_hours) > c.minHours || r.in_education === 'ja')
      .map((r) => `${r.cpr}|${r.month}`),
  );
  // Counted: whole months from the first one after the second half begins to the period's end; a month
  // counts once it is delivered and before the as-of month.
  const from = monthIndex(c.secondHalfFrom) + (c.secondHalfFrom.endsWith('-01') ? 0 : 1);
  const to = Math.min(monthIndex(c.periodEnd), monthIndex(asOf) - 1);
  const shares: Record<string, number> = {};
  for (let i = from; i <= to; i++) {
    const m = monthOf(i);
    const lastDay = new Date(Date.UTC(Math.floor(i / 12), (i % 12) + 1, 0)).toISOString().slice(0, 10);
    const group = enrolled.filter((r) => r.enrolled_on! <= lastDay);
    if (group.length > 0 && delivered.has(m))
      shares[m] = group.filter((r) => work.has(`${r.cpr}|${m}`)).length / group.length;
  }
  const total = dec(c.grant.total);
  let cumulative = dec(c.rate1Share);
  const met: Record<string, boolean> = {};
  let released = 0;
  let withheld = 0;
  for (const r of c.requirements) {
    const beforeShare = cumulative;
    cumulative = add(cumulative, dec(r.payoutShare));
    const amountOre =
      Math.round(ore(mul(total, cumulative)) * 100) - Math.round(ore(mul(total, beforeShare)) * 100);
    met[r.id] = Object.values(shares).some((s) => s >= r.threshold);
    if (met[r.id]) released += amountOre;
    else withheld += amountOre;
  }
  return {
    shares,
    met,
    rate1: ore(mul(total, dec(c.rate1Share))),
    released: released / 100,
    withheld: withheld / 100,
  };
}
