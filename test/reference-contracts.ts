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

/** The projection's figures the audit compares (docs/contracts.md, "Projections"). */
export interface ReferenceProjection {
  booked: number;
  basedOn: string | null;
  participants: number;
  goal2Seen: number;
  scenarios: { id: string; expectedRepayment: number; capBindsIn: string | null; goal2: number }[];
}

/**
 * Jobfokus as of a date, from the inbox: which measurements are there (their first month is not after
 * the as-of month), which are final (ended before the as-of month, all six months delivered), what the
 * final ones booked, and the projection of the rest by the method docs/contracts.md states: the business
 * case's population and shares, or the latest final measurement held; goal 2 once per participant, the
 * successes seen paid where they belong and the rest of those without one succeeding at the business
 * case's rate (of the planned) or the observed one (of the participants), spread over the measurements
 * without data.
 */
export function referenceDsiProjection(inbox: string, c: DsiContract, asOf: string): ReferenceProjection {
  const A = monthIndex(asOf);
  const enrolled = csv(join(inbox, 'enrollment', 'e.csv')).filter((r) => r.programme === c.programme);
  const start = new Map(
    enrolled.map((r) => {
      const [y, m, d] = r.enrolled_on!.split('-').map(Number);
      const i = y! * 12 + m! - 1 + c.startupMonths;
      return [r.cpr!, d === 1 ? i : i + 1];
    }),
  );
  const rows = csv(join(inbox, 'employment', 'e.csv'));
  const delivered = new Set(rows.map((r) => monthIndex(r.month!)));
  const success = new Set(
    rows
      .filter((r) => Number(r.wage_hours) >= c.successMinHours || r.in_education === 'ja')
      .map((r) => `${r.cpr}|${monthIndex(r.month!)}`),
  );
  const answers = csv(join(inbox, 'survey_answers', 'a.csv')).filter(
    (r) => r.survey === c.goal2.survey && r.question_id === c.goal2.question,
  );
  const goal2Month = new Map<string, number>();
  for (const person of start.keys()) {
    const mine = answers
      .filter((a) => a.respondent_id === person)
      .sort((a, b) => a.wave!.localeCompare(b.wave!));
    const later = mine.find(
      (a) =>
        monthIndex(a.wave!) - monthIndex(mine[0]!.wave!) >= c.goal2.minMonthsBetween &&
        Number(a.answer) > Number(mine[0]!.answer),
    );
    if (later) goal2Month.set(person, monthIndex(later.wave!));
  }
  const bc = c.businessCase;
  const baseline = dec(c.baselineShare);
  const all: string[] = [];
  for (let y = Number(c.measurements.first.slice(0, 4)); y <= Number(c.measurements.last.slice(0, 4)); y++)
    for (const h of ['H1', 'H2'])
      if (`${y}-${h}` >= c.measurements.first && `${y}-${h}` <= c.measurements.last) all.push(`${y}-${h}`);
  const planned = dec(bc.plannedPopulation);
  const expectedExcess = all.reduce(
    (s, p) => add(s, mul(sub(dec(bc.expectedShares[p.slice(0, 4)]!), baseline), planned)),
    q(0n),
  );
  const price1 = div(mul(dec(bc.goal1Share), dec(bc.expectedRepayment)), expectedExcess);
  const price2 = div(
    mul(dec(bc.goal2Share), dec(bc.expectedRepayment)),
    mul(planned, dec(bc.goal2ExpectedRate)),
  );
  // The measurements that are there, with their counts.
  const listed = all
    .filter((p) => halfYearMonths(p)[0]! <= A)
    .map((p) => {
      const months = halfYearMonths(p);
      const last = months[5]!;
      const measured = [...start].filter(([, s]) => s <= last);
      const successes = measured.filter(([person, s]) =>
        months.some((m) => m >= s && m < A && success.has(`${person}|${m}`)),
      ).length;
      const firstInMeasurement = (m: number) => (m <= last && (p === all[0] || m > last - 6) ? 1 : 0);
      const goal2 = [...goal2Month.values()].filter((m) => m < A && firstInMeasurement(m)).length;
      return {
        period: p,
        population: measured.length,
        successes,
        goal2,
        hasData: months.some((m) => m < A && delivered.has(m)),
        final: last < A && months.every((m) => delivered.has(m)),
      };
    });
  // What the final ones booked: the cumulative before the cap, to the øre.
  let cumulative = q(0n);
  let capReachedIn: string | null = null;
  for (const m of listed.filter((x) => x.final)) {
    const excess = sub(q(BigInt(m.successes)), mul(baseline, q(BigInt(m.population))));
    cumulative = add(cumulative, add(mul(max0(excess), price1), mul(q(BigInt(m.goal2)), price2)));
    if (capReachedIn === null && lt(dec(c.cap), cumulative)) capReachedIn = m.period;
  }
  const bookedBeforeCap = cumulative;
  const open = all.filter((p) => !listed.some((m) => m.final && m.period === p));
  const seen = listed.reduce((s, m) => s + m.goal2, 0);
  const lastMeasured = listed.filter((m) => m.hasData && m.population > 0).at(-1)?.period ?? '';
  const future = open.filter((p) => p > lastMeasured);
  const participants = start.size;
  const project = (
    id: string,
    population: (p: string) => Q,
    share: (p: string) => Q,
    futureGoal2: Q,
  ): ReferenceProjection['scenarios'][number] => {
    let cum = bookedBeforeCap;
    let capBindsIn = capReachedIn;
    let goal2 = q(0n);
    for (const p of open) {
      const pop = population(p);
      const excess = sub(mul(share(p), pop), mul(baseline, pop));
      const unbooked = listed.find((m) => m.period === p && !m.final)?.goal2 ?? 0;
      const g2 = add(
        q(BigInt(unbooked)),
        future.includes(p) ? div(futureGoal2, q(BigInt(future.length))) : q(0n),
      );
      goal2 = add(goal2, g2);
      cum = add(cum, add(mul(max0(excess), price1), mul(g2, price2)));
      if (capBindsIn === null && lt(dec(c.cap), cum)) capBindsIn = p;
    }
    return {
      id,
      expectedRepayment: ore(min(cum, dec(c.cap))),
      capBindsIn,
      goal2: Number(goal2.n) / Number(goal2.d),
    };
  };
  const scenarios = [
    project(
      'business_case',
      () => planned,
      (p) => dec(bc.expectedShares[p.slice(0, 4)]!),
      mul(dec(bc.goal2ExpectedRate), max0(sub(planned, q(BigInt(seen))))),
    ),
  ];
  const last = listed.filter((m) => m.final && m.population > 0).at(-1);
  if (last) {
    const rate = q(BigInt(seen), BigInt(participants));
    scenarios.push(
      project(
        'current_trajectory',
        () => q(BigInt(last.population)),
        () => q(BigInt(last.successes), BigInt(last.population)),
        mul(rate, max0(q(BigInt(participants - seen)))),
      ),
    );
  }
  return {
    booked: ore(min(bookedBeforeCap, dec(c.cap))),
    basedOn: last?.period ?? null,
    participants,
    goal2Seen: seen,
    scenarios,
  };
}
