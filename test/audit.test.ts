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
import { referenceDsi, referenceGrant } from './reference-contracts.ts';

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
