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
/** The nine measurements open after a final 2027-H2, written out by hand. */
const OPEN = [
  '2028-H1',
  '2028-H2',
  '2029-H1',
  '2029-H2',
  '2030-H1',
  '2030-H2',
  '2031-H1',
  '2031-H2',
  '2032-H1',
];

describe('Jobfokus projections', () => {
  it('before any measurement, the business case projects exactly 11,400,000.00, and there is no trajectory', () => {
    const p = projectDsi(JOBFOKUS, [], 0);
    expect(p.note).toBe('projection');
    expect(p.scenarios.map((s) => s.id)).toEqual(['business_case']);
    const bc = p.scenarios[0]!;
    expect(bc.measurements).toHaveLength(10);
    // 2027-H2: 10 % of 360 = 36 successes, 36 − 14.4 = 21.6 excess; 65 % of the 360 planned without a
    // goal-2 success yet, 234, spread over the 10 measurements without data.
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
    // Named so that no one takes it for the business case itself.
    expect(bc.label).toContain('ikke business casen selv, som forventer 11.400.000,00 kr. i alt');
  });

  // 2027-H2 final: 360 measured, 72 successes (20 %), 40 goal-2 successes: booked (72 − 14.4) × P1 + 40 × P2
  // = 1,457,641.03. 2028-H1 provisional: 350 measured, 63 successes (18 %), 10 goal-2 successes seen.
  // 370 participants enrolled so far.
  const settled = settle(JOBFOKUS, [
    { period: '2027-H2', complete: true, population: 360, successes: 72, goal2Successes: 40 },
    { period: '2028-H1', complete: false, population: 350, successes: 63, goal2Successes: 10 },
  ]);

  it('the current trajectory holds the latest FINAL measurement (72 of 360), never the provisional one', () => {
    const p = projectDsi(JOBFOKUS, settled.measurements, 370);
    expect([p.booked, p.basedOn, p.participants, p.goal2Seen]).toEqual([1_457_641.03, '2027-H2', 370, 50]);
    expect(p.provisional).toEqual({ period: '2028-H1', share: 0.18, successes: 63, population: 350 });
    const tr = p.scenarios.find((s) => s.id === 'current_trajectory')!;
    expect(tr.measurements.map((m) => m.period)).toEqual(OPEN);
    // Each: excess 72 − 0.04 × 360 = 57.6, 57.6 × P1 = 1,262,769.23.
    expect(tr.measurements[0]).toMatchObject({ population: 360, share: 0.2, successes: 72 });
    expect(tr.measurements.every((m) => m.goal1Payment === 1_262_769.23)).toBe(true);
    // Goal 2 once per participant: the 10 seen in 2028-H1 are paid there; of the 320 without a success,
    // the observed 50 of 370 succeed: 43.24…, spread over the 8 measurements without data.
    expect(tr.measurements[0]!.goal2Successes).toBe(10);
    expect(tr.measurements[1]!.goal2Successes).toBeCloseTo(16_000 / 370 / 8, 12);
    const goal2 = tr.measurements.reduce((s, m) => s + m.goal2Successes, 0);
    expect(goal2).toBeCloseTo(10 + 16_000 / 370, 10);
    expect(50 + goal2).toBeLessThanOrEqual(370);
    // Exactly (57.6 × P1 + 40 × P2) + 9 × 57.6 × P1 + (10 + 16000/370) × P2, rounded once:
    expect(tr.expectedRepayment).toBe(13_081_954.26);
    const exact = 57.6 * P1 + 40 * P2 + 9 * 57.6 * P1 + (10 + 16_000 / 370) * P2;
    expect(tr.expectedRepayment).toBe(Math.round(exact * 100) / 100);
    expect(tr.capBindsIn).toBeNull();
    expect(tr.assumptions.join(' ')).toContain('seneste endelige måling, 2. halvår 2027: 20 % (72 af 360)');
    expect(tr.assumptions.join(' ')).toContain('13,5 % (50 af 370 deltagere)');
  });

  it('the business case from here: the expected shares, and goal 2 at 65 % of the planned without a success', () => {
    const bc = projectDsi(JOBFOKUS, settled.measurements, 370).scenarios[0]!;
    // Excess: 4 × (0.15 − 0.04) × 360 + 5 × (0.20 − 0.04) × 360 = 446.4; goal 2: the 10 seen, and
    // 65 % of 360 − 50 = 310: 201.5.
    expect(bc.measurements.map((m) => m.share)).toEqual([0.15, 0.15, 0.15, 0.15, 0.2, 0.2, 0.2, 0.2, 0.2]);
    expect(bc.measurements.reduce((s, m) => s + m.goal2Successes, 0)).toBeCloseTo(211.5, 10);
    expect(bc.expectedRepayment).toBe(12_274_487.18);
    const exact = 57.6 * P1 + 40 * P2 + 446.4 * P1 + 211.5 * P2;
    expect(bc.expectedRepayment).toBe(Math.round(exact * 100) / 100);
    expect(bc.capBindsIn).toBeNull();
  });

  it('a final measurement of everyone succeeding: the trajectory reaches the cap in 2028-H1', () => {
    const all = settle(JOBFOKUS, [
      { period: '2027-H2', complete: true, population: 360, successes: 360, goal2Successes: 0 },
    ]);
    const tr = projectDsi(JOBFOKUS, all.measurements, 360).scenarios.find(
      (s) => s.id === 'current_trajectory',
    )!;
    // 345.6 × P1 = 7,576,615.3846… booked, and as much again in 2028-H1: 15,153,230.77 > 14,000,000.
    expect(tr.measurements[0]!.cumulativeBeforeCap).toBe(15_153_230.77);
    expect([tr.capBindsIn, tr.expectedRepayment]).toEqual(['2028-H1', 14_000_000]);
  });
});

describe('Jobfokus projections at the edges', () => {
  it('a trajectory below the 4 % baseline projects no goal-1 payment', () => {
    const low = settle(JOBFOKUS, [
      { period: '2027-H2', complete: true, population: 360, successes: 10, goal2Successes: 0 },
    ]);
    const tr = projectDsi(JOBFOKUS, low.measurements, 360).scenarios.find(
      (s) => s.id === 'current_trajectory',
    )!;
    // 10 − 0.04 × 360 = −4.4: nothing for goal 1, in every open measurement; no goal 2 seen, none projected.
    expect(tr.measurements.map((m) => m.goal1Payment)).toEqual(Array(9).fill(0));
    expect(tr.expectedRepayment).toBe(0);
  });

  it('a cap reached by the final measurements is the base: booked at the cap, binding where it bound', () => {
    const all = settle(JOBFOKUS, [
      { period: '2027-H2', complete: true, population: 360, successes: 360, goal2Successes: 0 },
      { period: '2028-H1', complete: true, population: 360, successes: 360, goal2Successes: 0 },
    ]);
    const p = projectDsi(JOBFOKUS, all.measurements, 360);
    expect(p.booked).toBe(14_000_000);
    expect(p.scenarios.map((s) => [s.id, s.capBindsIn, s.expectedRepayment])).toEqual([
      ['business_case', '2028-H1', 14_000_000],
      ['current_trajectory', '2028-H1', 14_000_000],
    ]);
  });

  it('goal 2 never exceeds the participants: everyone already succeeded projects no more, never a negative amount', () => {
    const all = settle(JOBFOKUS, [
      { period: '2027-H2', complete: true, population: 360, successes: 36, goal2Successes: 360 },
    ]);
    const p = projectDsi(JOBFOKUS, all.measurements, 360);
    for (const s of p.scenarios) expect(s.measurements.map((m) => m.goal2Payment)).toEqual(Array(9).fill(0));
    // 300 of 310 seen: the trajectory draws 300/310 of the 10 left; 309.68 in all, under 310.
    const most = settle(JOBFOKUS, [
      { period: '2027-H2', complete: true, population: 310, successes: 36, goal2Successes: 300 },
    ]);
    const tr = projectDsi(JOBFOKUS, most.measurements, 310).scenarios[1]!;
    const projected = tr.measurements.reduce((s, m) => s + m.goal2Successes, 0);
    expect(projected).toBeCloseTo((300 / 310) * 10, 10);
    expect(300 + projected).toBeLessThan(310);
  });

  it('a projection that ends exactly at the cap does not bind it', () => {
    // With the cap at the business case's 11,400,000.00, the business case reaches it exactly in 2032-H1.
    const p = projectDsi({ ...JOBFOKUS, cap: 11_400_000 }, [], 0);
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
        label: 'Scenarie: hvert krav, der stadig kan nås, nås (tilsagnets plan)',
        assumptions: ['Hvert krav, der ikke er nået, nås i en af de 18 tællende måneder, der er tilbage.'],
        requirements: [
          { id: 'R1', met: true },
          { id: 'R2', met: true },
        ],
        expectedPayout: 5_974_640.06,
        againstGrant: 1,
      },
      {
        id: 'current_trajectory',
        label: 'Scenarie: andelen i seneste afsluttede måned, jun. 2027, fastholdt',
        assumptions: [
          'Andelen i job eller uddannelse i jun. 2027, 52 %, holder i de 18 tællende måneder, der er tilbage; et krav nås, hvis andelen når dets grænse.',
        ],
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

describe('Jobfokus projections with provisional measurements', () => {
  // 2027-H2 final (40 goal-2 successes); 2028-H1 and 2028-H2 provisional with data (5 and 3 goal-2
  // successes seen, not yet booked); 2029-H1 just begun. Seen: 48, so the business case expects 65 % of
  // the 360 − 48 = 312 still to come: 202.8, spread over the 7 open measurements after the last one
  // with data (2029-H1 to 2032-H1), 28.971… each; the two provisional ones keep what was seen there.
  const counts = (last: { population: number; hasData?: boolean }) =>
    settle(JOBFOKUS, [
      { period: '2027-H2', complete: true, population: 360, successes: 72, goal2Successes: 40 },
      { period: '2028-H1', complete: false, population: 350, successes: 70, goal2Successes: 5 },
      { period: '2028-H2', complete: false, population: 340, successes: 80, goal2Successes: 3 },
      { period: '2029-H1', complete: false, successes: 0, goal2Successes: 0, ...last },
    ]).measurements;

  for (const [what, last] of [
    ['a half-year just begun (no data)', { population: 330, hasData: false }],
    ['a half-year with nobody measured yet', { population: 0 }],
  ] as const)
    it(`shows the latest provisional measurement with data, and spreads goal 2 after it: ${what}`, () => {
      const p = projectDsi(JOBFOKUS, counts(last), 360);
      expect(p.provisional).toEqual({ period: '2028-H2', share: 80 / 340, successes: 80, population: 340 });
      expect(p.goal2Seen).toBe(48);
      const bc = p.scenarios.find((s) => s.id === 'business_case')!;
      const each = (0.65 * 312) / 7;
      expect(bc.measurements.map((m) => m.period)).toEqual(OPEN);
      const goal2 = bc.measurements.map((m) => m.goal2Successes);
      expect(goal2.slice(0, 2)).toEqual([5, 3]);
      for (const g of goal2.slice(2)) expect(g).toBeCloseTo(each, 10);
    });

  it('shows no provisional measurement that comes before the last final one', () => {
    const m = settle(JOBFOKUS, [
      { period: '2027-H2', complete: false, population: 300, successes: 30, goal2Successes: 0 },
      { period: '2028-H1', complete: true, population: 360, successes: 72, goal2Successes: 0 },
    ]).measurements;
    expect(projectDsi(JOBFOKUS, m, 360).provisional).toBeNull();
  });
});

describe('Jobfokus projections: the words and the edges of goal 2', () => {
  // 2027-H2 final: 72 of 360, 40 goal-2 successes seen; 360 − 40 = 320 planned participants left.
  const m = settle(JOBFOKUS, [
    { period: '2027-H2', complete: true, population: 360, successes: 72, goal2Successes: 40 },
  ]).measurements;

  it('says what each scenario assumes, with the figures it assumes', () => {
    const [bc, tr] = projectDsi(JOBFOKUS, m, 360).scenarios;
    expect(bc!.assumptions).toEqual([
      'Mål 1: hver af de 9 åbne målinger har den planlagte population på 360 og business casens forventede andel for sit år.',
      'Mål 2 betales én gang pr. deltager: de 40 succeser, der allerede er set, betales i deres måling; af de 320 planlagte deltagere uden succes endnu får business casens 65 % succes, fordelt ligeligt på de 9 målinger uden data endnu.',
    ]);
    expect(tr!.label).toBe('Scenarie: resten af målingerne som den seneste endelige måling, 2. halvår 2027');
  });

  it('more successes seen than planned leaves no goal 2 to come, never a negative one', () => {
    // 400 of 410 participants succeeded, more than the 360 planned: the business case adds none; the
    // trajectory draws its rate, 400/410, of the 10 left: 9.756… over the 9 measurements.
    const over = settle(JOBFOKUS, [
      { period: '2027-H2', complete: true, population: 410, successes: 40, goal2Successes: 400 },
    ]).measurements;
    const [bc, tr] = projectDsi(JOBFOKUS, over, 410).scenarios;
    expect(bc!.measurements.map((x) => x.goal2Successes)).toEqual(Array(9).fill(0));
    for (const x of tr!.measurements) expect(x.goal2Successes).toBeCloseTo(((400 / 410) * 10) / 9, 10);
  });

  it('no participants yet: the trajectory expects no goal-2 success', () => {
    const tr = projectDsi(JOBFOKUS, m, 0).scenarios[1]!;
    expect(tr.measurements.map((x) => x.goal2Successes)).toEqual(Array(9).fill(0));
  });

  it('every open measurement already has data: goal 2 is only what was seen there', () => {
    const all = settle(JOBFOKUS, [
      { period: '2027-H2', complete: true, population: 360, successes: 72, goal2Successes: 40 },
      ...OPEN.map((period, i) => ({
        period,
        complete: false,
        population: 360,
        successes: 50,
        goal2Successes: i,
      })),
    ]).measurements;
    const bc = projectDsi(JOBFOKUS, all, 360).scenarios[0]!;
    expect(bc.measurements.map((x) => x.goal2Successes)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

describe('Ungeløftet projections before a month is complete', () => {
  it('names no month for the trajectory when there is none yet', () => {
    const g = settleGrant(
      UNGELOFTET,
      [{ month: '2027-05', counted: true, complete: false, group: 25, inEmploymentOrEducation: 0 }],
      '2027-05-15',
    );
    const p = projectGrant({ ...g, grant: UNGELOFTET.grant });
    expect(p.scenarios.map((s) => s.label)).toEqual([
      'Scenarie: hvert krav, der stadig kan nås, nås (tilsagnets plan)',
      'Scenarie: andelen i seneste afsluttede måned, –, fastholdt',
    ]);
  });
});
