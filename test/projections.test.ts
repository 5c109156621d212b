/**
 * Projections (docs/contracts.md): what the contracts are on course to pay under the business case and
 * under the current trajectory, on hand-computed cases. Prices: goal 1 10,260,000 / 468 per excess
 * success, goal 2 1,140,000 / 234 per success (the business case, docs/contracts.md).
 */
import { describe, expect, it } from 'vitest';
import { settle } from '../pipelines/kinds/dsi/evaluate.ts';
import { projectDsi } from '../pipelines/kinds/dsi/projection.ts';
import { settleGrant } from '../pipelines/kinds/grant/evaluate.ts';
import { personsNeeded, projectGrant } from '../pipelines/kinds/grant/projection.ts';
import { JOBFOKUS, UNGELOFTET } from '../schemas/contracts.ts';

const P1 = 10_260_000 / 468;
const P2 = 1_140_000 / 234;

describe('Jobfokus projections', () => {
  it('before any measurement, the business case projects exactly 11,400,000.00, and there is no trajectory', () => {
    const p = projectDsi(JOBFOKUS, []);
    expect(p.note).toBe('projection');
    expect(p.scenarios.map((s) => s.id)).toEqual(['business_case']);
    const bc = p.scenarios[0]!;
    expect(bc.measurements).toHaveLength(10);
    // 2027-H2: 10 % of 360 = 36 successes, 36 − 14.4 = 21.6 excess; 234 goal-2 successes spread over 10.
    expect(bc.measurements[0]).toEqual({
      period: '2027-H2',
      population: 360,
      share: 0.1,
      successes: 36,
      goal1Payment: 473_538.46,
      goal2Successes: 23.4,
      goal2Payment: 114_000,
      cumulativeBeforeCap: 587_538.46,
    });
    expect([bc.expectedRepayment, bc.againstBusinessCase, bc.capBindsIn]).toEqual([11_400_000, 1, null]);
  });

  // 2027-H2 final: 360 measured, 72 successes, 40 goal-2 successes: booked (72 − 14.4) × P1 + 40 × P2
  // = 1,457,641.03. 2028-H1 provisional: 350 measured, 63 successes (18 %), 10 goal-2 successes.
  const settled = settle(JOBFOKUS, [
    { period: '2027-H2', complete: true, population: 360, successes: 72, goal2Successes: 40 },
    { period: '2028-H1', complete: false, population: 350, successes: 63, goal2Successes: 10 },
  ]);

  it('the trajectory holds the latest share (63 of 350) and goal-2 count (10) for the 9 open measurements', () => {
    const p = projectDsi(JOBFOKUS, settled.measurements);
    expect([p.booked, p.basedOn]).toEqual([1_457_641.03, '2028-H1']);
    const tr = p.scenarios.find((s) => s.id === 'trajectory')!;
    expect(tr.measurements.map((m) => m.period)).toEqual([
      '2028-H1',
      '2028-H2',
      '2029-H1',
      '2029-H2',
      '2030-H1',
      '2030-H2',
      '2031-H1',
      '2031-H2',
      '2032-H1',
    ]);
    // Each: excess 63 − 0.04 × 350 = 49; 49 × P1 + 10 × P2 = 1,122,948.72. 1,457,641.03 + 9 × that:
    expect(tr.measurements[0]).toMatchObject({
      population: 350,
      share: 0.18,
      successes: 63,
      goal2Successes: 10,
    });
    expect(tr.measurements[0]!.goal1Payment).toBe(Math.round(49 * P1 * 100) / 100);
    expect(tr.expectedRepayment).toBe(11_564_179.49);
    expect(tr.againstBusinessCase).toBeCloseTo(11_564_179.491538461 / 11_400_000, 12);
    expect(tr.capBindsIn).toBeNull();
  });

  it('the business case from here: the expected shares for the open measurements, goal 2 up to 65 % of 360', () => {
    const bc = projectDsi(JOBFOKUS, settled.measurements).scenarios[0]!;
    // Excess: 4 × (0.15 − 0.04) × 360 + 5 × (0.20 − 0.04) × 360 = 446.4; goal 2: 234 − 40 = 194 left.
    expect(bc.measurements.map((m) => m.share)).toEqual([0.15, 0.15, 0.15, 0.15, 0.2, 0.2, 0.2, 0.2, 0.2]);
    expect(bc.expectedRepayment).toBe(Math.round((1_457_641.03 + 446.4 * P1 + 194 * P2) * 100) / 100);
    expect(bc.expectedRepayment).toBe(12_189_230.77);
    expect(bc.capBindsIn).toBeNull();
  });

  it('a trajectory of everyone succeeding reaches the cap in 2028-H2, and projects the cap', () => {
    const all = settle(JOBFOKUS, [
      { period: '2027-H2', complete: true, population: 360, successes: 72, goal2Successes: 40 },
      { period: '2028-H1', complete: false, population: 360, successes: 360, goal2Successes: 0 },
    ]);
    const tr = projectDsi(JOBFOKUS, all.measurements).scenarios.find((s) => s.id === 'trajectory')!;
    // 1,457,641.03 + 345.6 × P1 = 9,034,256.41 after 2028-H1; 16,610,871.80 after 2028-H2 > 14,000,000.
    expect(tr.measurements.slice(0, 2).map((m) => m.cumulativeBeforeCap)).toEqual([
      9_034_256.41, 16_610_871.8,
    ]);
    expect([tr.capBindsIn, tr.expectedRepayment]).toEqual(['2028-H2', 14_000_000]);
  });
});

describe('Jobfokus projections at the edges', () => {
  it('a trajectory below the 4 % baseline projects no goal-1 payment', () => {
    const low = settle(JOBFOKUS, [
      { period: '2027-H2', complete: true, population: 360, successes: 10, goal2Successes: 0 },
    ]);
    const tr = projectDsi(JOBFOKUS, low.measurements).scenarios.find((s) => s.id === 'trajectory')!;
    // 10 − 0.04 × 360 = −4.4: nothing for goal 1, in every open measurement.
    expect(tr.measurements.map((m) => m.goal1Payment)).toEqual(Array(9).fill(0));
    expect(tr.expectedRepayment).toBe(0);
  });

  it('a cap reached by the final measurements is the base: booked at the cap, binding where it bound', () => {
    const all = settle(JOBFOKUS, [
      { period: '2027-H2', complete: true, population: 360, successes: 360, goal2Successes: 0 },
      { period: '2028-H1', complete: true, population: 360, successes: 360, goal2Successes: 0 },
    ]);
    const p = projectDsi(JOBFOKUS, all.measurements);
    expect(p.booked).toBe(14_000_000);
    expect(p.scenarios.map((s) => [s.id, s.capBindsIn, s.expectedRepayment])).toEqual([
      ['business_case', '2028-H1', 14_000_000],
      ['trajectory', '2028-H1', 14_000_000],
    ]);
  });

  it('goal-2 successes already beyond the business case’s 234 project no more, never a negative amount', () => {
    const many = settle(JOBFOKUS, [
      { period: '2027-H2', complete: true, population: 360, successes: 36, goal2Successes: 300 },
    ]);
    const bc = projectDsi(JOBFOKUS, many.measurements).scenarios[0]!;
    expect(bc.measurements.map((m) => m.goal2Payment)).toEqual(Array(9).fill(0));
  });

  it('a projection that ends exactly at the cap does not bind it', () => {
    // With the cap at the business case's 11,400,000.00, the business case reaches it exactly in 2032-H1.
    const p = projectDsi({ ...JOBFOKUS, cap: 11_400_000 }, []);
    expect([p.scenarios[0]!.expectedRepayment, p.scenarios[0]!.capBindsIn]).toEqual([11_400_000, null]);
  });
});

describe('Ungeløftet projections', () => {
  // As of 15 July 2027: 2027-05 (counted) 12 of 25, 2027-06 13 of 25 (52 %): R1 met, R2 pending.
  const months = [
    { month: '2027-05', counted: true, complete: true, group: 25, inEmploymentOrEducation: 12 },
    { month: '2027-06', counted: true, complete: true, group: 25, inEmploymentOrEducation: 13 },
    { month: '2027-07', counted: true, complete: false, group: 25, inEmploymentOrEducation: 0 },
  ];
  const settled = settleGrant(UNGELOFTET, months, '2027-07-15');

  it('R2 needs 55 % in one of the 18 remaining counted months: 14 of the 25', () => {
    const p = projectGrant({ ...settled, grant: UNGELOFTET.grant });
    expect(p.remainingCountedMonths).toBe(18); // 2027-07 to 2028-12
    expect([p.basedOn, p.latestShare]).toEqual(['2027-06', 0.52]);
    expect(p.requirements).toEqual([
      { id: 'R1', status: 'met', neededShare: null, neededPersons: null, ofGroup: 25 },
      { id: 'R2', status: 'pending', neededShare: 0.55, neededPersons: 14, ofGroup: 25 },
    ]);
  });

  it('the business case pays the whole grant; the trajectory (52 % held) R1 only', () => {
    const p = projectGrant({ ...settled, grant: UNGELOFTET.grant });
    expect(p.scenarios).toEqual([
      {
        id: 'business_case',
        requirements: [
          { id: 'R1', met: true },
          { id: 'R2', met: true },
        ],
        expectedPayout: 5_974_640.06,
        againstGrant: 1,
      },
      {
        id: 'trajectory',
        requirements: [
          { id: 'R1', met: true },
          { id: 'R2', met: false },
        ],
        expectedPayout: 5_377_176.05,
        againstGrant: 537_717_605 / 597_464_006,
      },
    ]);
  });

  it('a requirement not met when the counted months are over stays unmet in both scenarios', () => {
    const over = settleGrant(UNGELOFTET, months, '2029-03-01');
    const p = projectGrant({ ...over, grant: UNGELOFTET.grant });
    expect(over.requirements.map((r) => r.status)).toEqual(['met', 'not_met']);
    expect(p.scenarios.map((s) => s.requirements.map((r) => r.met))).toEqual([
      [true, false],
      [true, false],
    ]);
    expect(p.requirements[1]).toMatchObject({ status: 'not_met', neededShare: null, neededPersons: null });
  });

  it('a latest share exactly at the threshold meets it on the trajectory', () => {
    // 2027-06: 11 of 20 = 55 %, exactly R2's threshold, while R2 is still pending.
    const at = settleGrant(
      UNGELOFTET,
      [
        { month: '2027-05', counted: true, complete: true, group: 20, inEmploymentOrEducation: 9 },
        { month: '2027-06', counted: false, complete: true, group: 20, inEmploymentOrEducation: 11 },
      ],
      '2027-07-15',
    );
    const p = projectGrant({ ...at, grant: UNGELOFTET.grant });
    expect(at.requirements.map((r) => r.status)).toEqual(['pending', 'pending']);
    expect(p.latestShare).toBe(0.55);
    expect(p.scenarios[1]!.requirements.map((r) => r.met)).toEqual([true, true]);
    expect(p.requirements.map((r) => r.neededPersons)).toEqual([10, 11]);
  });

  it('the fewest persons whose share reaches a threshold, exactly', () => {
    expect(personsNeeded(0.5, 25)).toBe(13); // 12.5 → 13
    expect(personsNeeded(0.5, 24)).toBe(12); // exactly 12 reaches 50 %
    expect(personsNeeded(0.55, 20)).toBe(11);
    expect(personsNeeded(0.55, 25)).toBe(14);
  });
});
