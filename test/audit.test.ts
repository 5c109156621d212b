/**
 * The independent audit (docs/contracts.md): what each contract pays, recomputed from the inbox's own
 * files by a reference calculator in the test (test/reference-contracts.ts), written from the contract
 * rules alone, with no code of the engine's and not from its evidence file. The engine's JSON must
 * agree with it to the øre: the business case, the cap binding, participants who start late, goal 2 paid
 * once, and Ungeløftet's requirements.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOBFOKUS, UNGELOFTET } from '../schemas/contracts.ts';
import {
  BUSINESS_CASE,
  contracts,
  cpr,
  firstMonthOf,
  jobfokusScenario,
  MEASUREMENTS,
  ungeloftetScenario,
  writeScenario,
} from './contract-scenarios.ts';
import { tempDir } from './helpers.ts';
import { referenceDsi, referenceDsiProjection, referenceGrant } from './reference-contracts.ts';

/** The engine's measurements in the reference's shape. */
const engine = (j: Awaited<ReturnType<typeof contracts>>['jobfokus']) =>
  j.measurements.map((m) => ({
    period: m.period,
    measuredPopulation: m.measuredPopulation,
    successes: m.successes,
    goal2Successes: m.goal2Successes,
    goal1Payment: m.goal1Payment,
    goal2Payment: m.goal2Payment,
    payment: m.payment,
    cumulative: m.cumulative,
    capApplied: m.capApplied,
  }));

describe('Jobfokus, recomputed from the inbox by a reference calculator', () => {
  it.each([
    ['the business case', (p: string) => Math.round(360 * BUSINESS_CASE[p.slice(0, 4)]!), 234, 11_400_000],
    ['everyone succeeding: the cap binds', () => 360, 360, 14_000_000],
    [
      'a quiet start, a good middle, a fall',
      (p: string) => ({ '2027': 10, '2028': 90, '2029': 200, '2030': 60 })[p.slice(0, 4)] ?? 20,
      51,
      null,
    ],
  ] as const)('%s', async (_name, successes, goal2, total) => {
    const inbox = await tempDir('kpi-audit-');
    writeScenario(inbox, jobfokusScenario(successes, goal2), '2026-01', '2032-06');
    const result = await contracts(inbox, '2032-08-01');
    const reference = referenceDsi(inbox, JOBFOKUS);
    expect(engine(result.jobfokus)).toEqual(reference.measurements);
    expect(result.jobfokus.totals.repayment).toBe(reference.total);
    if (total !== null) expect(reference.total).toBe(total);
  });

  it('participants who start late are measured from their own start, and goal 2 is paid once, where it is shown', async () => {
    const inbox = await tempDir('kpi-audit-');
    const people = Array.from({ length: 40 }, (_, i) => cpr(i + 500));
    // Half enrolled in January 2026 (counted from August 2026), half on the first of June 2027
    // (counted from December 2027, so measured from 2027-H2 but only in its last month).
    const enrollment = people.map((c, i) => `${c};jobfokus;${i < 20 ? '2026-01-05' : '2027-06-01'};`);
    const employment = MEASUREMENTS.flatMap((p, k) =>
      people
        .filter((_, i) => (i + k) % 3 === 0)
        .map(
          (c, i) =>
            `${c};${i % 2 ? firstMonthOf(p) : `${p.slice(0, 4)}-${p.endsWith('H1') ? '06' : '12'}`};${86 + (i % 2)};nej`,
        ),
    );
    const answers = people.flatMap((c, i) => [
      `livstilfredshed,2026-02-01,${c},livstilfredshed,4`,
      `livstilfredshed,${i % 4 === 0 ? '2026-06-01' : '2029-03-01'},${c},livstilfredshed,${i % 2 ? 8 : 4}`,
    ]);
    writeScenario(inbox, { enrollment, employment, answers }, '2026-01', '2032-06');
    const result = await contracts(inbox, '2032-08-01');
    const reference = referenceDsi(inbox, JOBFOKUS);
    expect(engine(result.jobfokus)).toEqual(reference.measurements);
    expect(reference.measurements[0]!.measuredPopulation).toBe(40);
    expect(reference.measurements.reduce((s, m) => s + m.goal2Successes, 0)).toBe(20);
  });
});

/**
 * 370 participants enrolled on 5 January 2026 (counted from August 2026); 200 of them succeed in the
 * first month of every measurement. Life satisfaction: everyone answers 5 in January 2026; 217 answer 7
 * in September 2026 (paid in 2027-H2, the first measurement: the big one), and 50 more answer 8 in March
 * 2028 (paid in 2028-H1). The inbox holds what was delivered before the as-of date only.
 */
function deliveredBy(asOf: string) {
  const people = Array.from({ length: 370 }, (_, i) => cpr(i + 1000));
  const before = (month: string) => month < asOf.slice(0, 7);
  const employment = MEASUREMENTS.filter((p) => before(firstMonthOf(p))).flatMap((p) =>
    people.slice(0, 200).map((c) => `${c};${firstMonthOf(p)};100;nej`),
  );
  const answers = people.flatMap((c, i) => [
    `livstilfredshed,2026-01-10,${c},livstilfredshed,5`,
    `livstilfredshed,2026-09-01,${c},livstilfredshed,${i < 217 ? 7 : 5}`,
    ...(i >= 217 && i < 267 && asOf > '2028-03-01'
      ? [`livstilfredshed,2028-03-01,${c},livstilfredshed,8`]
      : []),
  ]);
  const last = new Date(Date.UTC(Number(asOf.slice(0, 4)), Number(asOf.slice(5, 7)) - 2, 1))
    .toISOString()
    .slice(0, 7);
  return {
    scenario: { enrollment: people.map((c) => `${c};jobfokus;2026-01-05;`), employment, answers },
    last,
  };
}

describe('Jobfokus projections, recomputed from the inbox by the reference at three dates', () => {
  it.each([
    // Before any goal-2 payment: 2027-H2 is provisional, its 217 goal-2 successes seen but not booked;
    // no final measurement, so no current trajectory.
    ['2027-10-15', { booked: 0, basedOn: null, goal2Seen: 217, scenarios: ['business_case'] }],
    // Just after the big one: 2027-H2 final, 217 goal-2 successes booked at once: (200 − 0.04 × 370)
    // × P1 + 217 × P2 = 4,060,153.85 + 1,057,179.49.
    [
      '2028-01-15',
      {
        booked: 5_117_333.33,
        basedOn: '2027-H2',
        goal2Seen: 217,
        scenarios: ['business_case', 'current_trajectory'],
      },
    ],
    // The cap binds: 2028-H1 final (another 185.2 × P1, and 50 goal-2 successes), and the trajectory of
    // 200 of 370 crosses the cap.
    [
      '2028-08-15',
      {
        booked: 9_421_076.92,
        basedOn: '2028-H1',
        goal2Seen: 267,
        scenarios: ['business_case', 'current_trajectory'],
      },
    ],
  ] as const)('as of %s', async (asOf, expected) => {
    const inbox = await tempDir('kpi-audit-projection-');
    const { scenario, last } = deliveredBy(asOf);
    writeScenario(inbox, scenario, '2026-01', last);
    const result = await contracts(inbox, asOf);
    const engine = result.jobfokus.projection!;
    const reference = referenceDsiProjection(inbox, JOBFOKUS, asOf);
    expect({
      booked: engine.booked,
      basedOn: engine.basedOn,
      participants: engine.participants,
      goal2Seen: engine.goal2Seen,
      scenarios: engine.scenarios.map((s) => ({
        id: s.id,
        expectedRepayment: s.expectedRepayment,
        capBindsIn: s.capBindsIn,
        goal2: Math.round(s.measurements.reduce((n, m) => n + m.goal2Successes, 0) * 1e6) / 1e6,
      })),
    }).toEqual({
      ...reference,
      scenarios: reference.scenarios.map((s) => ({ ...s, goal2: Math.round(s.goal2 * 1e6) / 1e6 })),
    });
    expect([reference.booked, reference.basedOn, reference.goal2Seen]).toEqual([
      expected.booked,
      expected.basedOn,
      expected.goal2Seen,
    ]);
    expect(reference.scenarios.map((s) => s.id)).toEqual(expected.scenarios);
    // Goal 2 is paid once per participant: what the final measurements booked and what a scenario
    // projects (the successes seen but not yet booked among it) never exceed the 370.
    const bookedGoal2 = result.jobfokus.measurements
      .filter((m) => m.status === 'final')
      .reduce((n, m) => n + m.goal2Successes, 0);
    for (const sc of reference.scenarios) expect(bookedGoal2 + sc.goal2).toBeLessThanOrEqual(370);
    if (asOf === '2028-08-15') {
      const tr = reference.scenarios[1]!;
      expect([tr.capBindsIn, tr.expectedRepayment]).toEqual(['2029-H1', 14_000_000]);
    }
  });
});

describe('Ungeløftet, recomputed from the inbox by a reference calculator', () => {
  it('R1 met by the best counted month, R2 not: rate 1, released and withheld to the øre', async () => {
    const inbox = await tempDir('kpi-audit-');
    ungeloftetScenario(inbox, '2028-12');
    const result = await contracts(inbox, '2029-03-01');
    const reference = referenceGrant(inbox, UNGELOFTET, '2029-03-01');
    const u = result.ungeloftet;
    expect(Object.fromEntries(u.requirements.map((r) => [r.id, r.status === 'met']))).toEqual(reference.met);
    expect(u.payout).toMatchObject({
      rate1: reference.rate1,
      released: reference.released,
      withheld: reference.withheld,
    });
    const counted = Object.fromEntries(
      u.months.filter((m) => m.counted && m.share !== null).map((m) => [m.month, m.share]),
    );
    expect(counted).toEqual(reference.shares);
    expect(join(inbox)).toBeTruthy();
  });
});
