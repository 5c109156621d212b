/**
 * Outcome contracts for finance (docs/contracts.md): Jobfokus and Ungeløftet to the øre, with evidence that
 * an auditor can recompute every count from.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../pipelines/config.ts';
import { asOfDate } from '../pipelines/core/asOf.ts';
import { Db } from '../pipelines/duckdb.ts';
import { ingestInbox } from '../pipelines/ingest/ingest.ts';
import { settle } from '../pipelines/kinds/dsi/evaluate.ts';
import { openWorkDb } from '../pipelines/run/cache.ts';
import { buildWarehouse } from '../pipelines/warehouse.ts';
import { type GrantContract, JOBFOKUS, UNGELOFTET } from '../schemas/contracts.ts';
import type { GrantContractJson } from '../schemas/outputs.ts';
import {
  BUSINESS_CASE,
  contracts,
  cpr,
  jobfokusScenario,
  MEASUREMENTS,
  months,
  ungeloftetScenario,
  write,
  writeScenario,
} from './contract-scenarios.ts';
import { runInbox, TEST_KEY, tempDir, warehouseRows } from './helpers.ts';

describe('Jobfokus: the business-case check', () => {
  let result: Awaited<ReturnType<typeof contracts>>;
  beforeAll(async () => {
    const inbox = await tempDir('kpi-jf-');
    writeScenario(
      inbox,
      jobfokusScenario((p) => Math.round(360 * BUSINESS_CASE[p.slice(0, 4)]!), 234),
      '2026-01',
      '2032-06',
    );
    result = await contracts(inbox, '2032-08-01');
  });

  it('exactly the business-case shares with 360 participants give 10,260,000.00 + 1,140,000.00 = 11,400,000.00', () => {
    const j = result.jobfokus;
    expect(j.measurements.map((m) => [m.period, m.status, m.measuredPopulation, m.successes])).toEqual(
      MEASUREMENTS.map((p) => [p, 'final', 360, Math.round(360 * BUSINESS_CASE[p.slice(0, 4)]!)]),
    );
    expect(j.totals).toEqual({
      goal1: 10_260_000,
      goal2: 1_140_000,
      repayment: 11_400_000,
      cap: 14_000_000,
      capReachedIn: null,
      expectedRepayment: 11_400_000,
    });
    expect(j.prices).toEqual({ goal1PerExcessSuccess: 21923.08, goal2PerSuccess: 4871.79 });
    expect(j.warnings).toEqual([]);
    const first = j.measurements[0]!;
    expect(first).toMatchObject({
      excess: 21.6,
      goal1Payment: 473538.46,
      goal2Successes: 234,
      goal2Payment: 1_140_000,
    });
    // The booked payments add up, in øre, to the rounded total.
    const ore = j.measurements.reduce((s, m) => s + Math.round(m.payment * 100), 0);
    expect(ore).toBe(1_140_000_000);
    expect(j.measurements[9]!.cumulative).toBe(11_400_000);
  });

  it('the audit: every count in the contract file is recomputed from the evidence Parquet alone', async () => {
    const db = await Db.open(':memory:');
    const rows = await db.all<{ period: string; population: number; successes: number; goal2: number }>(`
      SELECT period,
        count(*) FILTER (WHERE goal = 'goal1' AND counted)::INTEGER AS population,
        count(*) FILTER (WHERE goal = 'goal1' AND success)::INTEGER AS successes,
        count(*) FILTER (WHERE goal = 'goal2' AND success)::INTEGER AS goal2
      FROM read_parquet('${result.evidence('jobfokus')}') WHERE period IS NOT NULL GROUP BY period ORDER BY period`);
    const keys = await db.one<{ n: number; bad: number }>(
      `SELECT count(DISTINCT person_key)::INTEGER AS n, count(*) FILTER (WHERE NOT regexp_full_match(person_key, '[0-9a-f]{32}'))::INTEGER AS bad
       FROM read_parquet('${result.evidence('jobfokus')}')`,
    );
    db.close();
    expect(rows).toEqual(
      result.jobfokus.measurements.map((m) => ({
        period: m.period,
        population: m.measuredPopulation,
        successes: m.successes,
        goal2: m.goal2Successes,
      })),
    );
    expect(keys).toEqual({ n: 360, bad: 0 });
  });

  it('the warehouse shows the auditor every contract parameter the SQL read', async () => {
    const rows = await warehouseRows(
      result.out,
      'SELECT contract, key, value FROM meta.contract_param ORDER BY contract, key',
    );
    expect(rows).toEqual(
      [
        ['jobfokus', 'goal2_min_months', '6'],
        ['jobfokus', 'goal2_question', 'livstilfredshed'],
        ['jobfokus', 'goal2_survey', 'livstilfredshed'],
        ['jobfokus', 'kind', 'dsi_social_investment'],
        ['jobfokus', 'kpi_from', '2026-H1'],
        ['jobfokus', 'measurement_first', '2027-H2'],
        ['jobfokus', 'measurement_last', '2032-H1'],
        ['jobfokus', 'programme', 'jobfokus'],
        ['jobfokus', 'startup_months', '6'],
        ['jobfokus', 'success_min_hours', '86'],
        ['ungeloftet', 'kind', 'grant_result_requirements'],
        ['ungeloftet', 'min_hours', '0'],
        ['ungeloftet', 'period_end', '2028-12-31'],
        ['ungeloftet', 'period_start', '2025-08-15'],
        ['ungeloftet', 'programme', 'ungeloftet'],
        ['ungeloftet', 'second_half_from', '2027-04-24'],
      ].map(([contract, key, value]) => ({ contract, key, value })),
    );
  });

  it('publishes jobfokus_success_share against the business-case trajectory', () => {
    const k = result.kpis.kpis.find((e) => e.id === 'jobfokus_success_share')!;
    const at = (p: string) => k.series.find((s) => s.period === p)!;
    expect([at('2027-H2').value, at('2027-H2').target, at('2027-H2').status]).toEqual([0.1, 0.1, 'on_track']);
    expect(k.baseline).toEqual({ period: '2026-H1', value: 0.04, from: 'config' });
  });
});

describe('Jobfokus: other scenarios', () => {
  it('everyone succeeding in every half-year hits the 14,000,000.00 cap in 2028-H1', async () => {
    const inbox = await tempDir('kpi-jf-');
    writeScenario(
      inbox,
      jobfokusScenario(() => 360, 0),
      '2026-01',
      '2032-06',
    );
    const { jobfokus: j } = await contracts(inbox, '2032-08-01');
    expect(j.totals.capReachedIn).toBe('2028-H1');
    expect(j.totals.repayment).toBe(14_000_000);
    expect(j.measurements.map((m) => m.capApplied)).toEqual([
      false,
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(j.measurements[0]!.payment).toBe(7_576_615.38); // 345.6 excess × 21,923.0769…
    expect(j.measurements[1]!.goal1Payment).toBe(7_576_615.38); // before the cap
    expect(j.measurements[1]!.payment).toBe(6_423_384.62); // booked: what keeps the total at the cap
    expect(j.measurements.slice(2).every((m) => m.payment === 0)).toBe(true);
    expect(j.totals.goal1).toBe(75_766_153.85); // pre-cap amounts of the final measurements
  });

  it('a share at or below the 4 % baseline pays 0.00', () => {
    const counts = [
      { period: '2027-H2', complete: true, population: 100, successes: 4, goal2Successes: 0 },
      { period: '2028-H1', complete: true, population: 360, successes: 14, goal2Successes: 0 },
      { period: '2028-H2', complete: true, population: 0, successes: 0, goal2Successes: 0 },
    ];
    const s = settle(JOBFOKUS, counts);
    expect(s.measurements.map((m) => [m.excess, m.goal1Payment, m.payment])).toEqual([
      [0, 0, 0],
      [-0.4, 0, 0],
      [0, 0, 0],
    ]);
    expect(s.measurements[2]!.share).toBeNull();
  });

  it('counting starts on the first day of the first month on or after enrolment + 6 months, clamped', async () => {
    const inbox = await tempDir('kpi-jf-');
    writeScenario(
      inbox,
      {
        enrollment: [
          `${cpr(1)};jobfokus;2026-03-10;`,
          `${cpr(2)};jobfokus;2026-01-01;`,
          `${cpr(3)};jobfokus;2026-08-31;`,
          `${cpr(3)};jobfokus;2026-12-01;`,
        ],
        employment: [],
      },
      '2026-01',
      '2026-06',
    );
    const work = await tempDir('kpi-jf-work-');
    const config = parseConfig({ contracts: [JOBFOKUS, UNGELOFTET] });
    const db = await openWorkDb(work, config, TEST_KEY);
    await ingestInbox(db, { inbox, workDir: work });
    await buildWarehouse(db, { asOf: asOfDate('2026-07-01'), config });
    const rows = await db.all<{ enrolled_on: string; counting_start: string }>(
      "SELECT enrolled_on::VARCHAR AS enrolled_on, counting_start::VARCHAR AS counting_start FROM marts.dsi_participant('jobfokus') ORDER BY enrolled_on",
    );
    db.close();
    expect(rows).toEqual([
      { enrolled_on: '2026-01-01', counting_start: '2026-07-01' },
      { enrolled_on: '2026-03-10', counting_start: '2026-10-01' },
      { enrolled_on: '2026-08-31', counting_start: '2027-03-01' }, // enrolled twice: the earliest counts
    ]);
  });

  it('85.99 hours is not a success month, 86 is; education is; a leaver who gets a job still counts', async () => {
    const inbox = await tempDir('kpi-jf-');
    const [a, b, c, d, e, f] = [1, 2, 3, 4, 5, 6].map(cpr) as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    writeScenario(
      inbox,
      {
        enrollment: [
          `${a};jobfokus;2026-01-05;`,
          `${b};jobfokus;2026-01-05;`,
          `${c};jobfokus;2026-01-05;`,
          `${d};jobfokus;2026-01-05;2027-01-31`,
          `${e};jobfokus;2027-03-01;`,
          `${f};jobfokus;2027-06-01;`, // counts from 2027-12-01, the half-year's last month
        ],
        employment: [
          `${a};2027-09;85,99;nej`,
          `${b};2027-09;86,00;nej`,
          `${b};2027-11;120;nej`, // a second success month: the first is the one shown
          `${c};2027-10;0;ja`,
          `${c};2027-12;100;nej`,
          `${d};2027-11;120;nej`,
          `${e};2027-12;160;nej`,
          `${e};2028-01;160;nej`,
        ],
      },
      '2026-01',
      '2028-01',
    );
    const { jobfokus: j, evidence } = await contracts(inbox, '2028-02-01');
    // E's counting starts 2027-10-01 (<= the half-year's last month): E counts and succeeds in December.
    // F's starts 2027-12-01, the last month itself: F counts, without a success.
    expect(j.measurements).toHaveLength(2); // 2027-H2 final, 2028-H1 provisional
    expect(j.measurements[0]).toMatchObject({
      period: '2027-H2',
      status: 'final',
      measuredPopulation: 6,
      successes: 4,
    });
    // 2028-H1 is provisional, with E's success in January: 1 − 0.24 = 0.76 excess = 16,661.54 not yet booked.
    expect(j.measurements[1]).toMatchObject({ period: '2028-H1', status: 'provisional', successes: 1 });
    expect(j.measurements[1]!.payment).toBe(16_661.54);
    expect(j.totals.repayment).toBe(j.measurements[0]!.cumulative);
    expect(j.totals.goal1).toBe(j.measurements[0]!.goal1Payment);
    const db = await Db.open(':memory:');
    const reasons = await db.all<{ success: boolean; reason: string }>(
      `SELECT success, reason FROM read_parquet('${evidence('jobfokus')}') WHERE period = '2027-H2' AND goal = 'goal1' ORDER BY reason`,
    );
    db.close();
    expect(reasons.map((r) => r.reason)).toEqual([
      'ingen måned med mindst 86 løntimer eller uddannelse i halvåret fra 2027-07-01',
      'ingen måned med mindst 86 løntimer eller uddannelse i halvåret fra 2027-12-01',
      'succesmåned 2027-09: 86 løntimer',
      'succesmåned 2027-10: i uddannelse',
      'succesmåned 2027-11: 120 løntimer (udskrevet 2027-01-31, tælles fortsat med)',
      'succesmåned 2027-12: 160 løntimer',
    ]);
  });
  it('goal 2: a higher answer at least 6 months after the first, paid once, in the half-year it is shown', async () => {
    const inbox = await tempDir('kpi-jf-');
    const p = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(cpr) as string[];
    const a = (who: string, on: string, score: number | '', question = 'livstilfredshed') =>
      `livstilfredshed,${on},${who},${question},${score}`;
    writeScenario(
      inbox,
      {
        enrollment: p.map((c) => `${c};jobfokus;2026-01-05;`),
        employment: [],
        answers: [
          // 0: 5 months 30 days after the first answer is too early (2027-03-01 + 6 months = 2027-09-01).
          a(p[0]!, '2027-03-01', 5),
          a(p[0]!, '2027-08-31', 8),
          // 1: exactly 6 months later and higher: a success on 2027-09-01, paid in 2027-H2.
          a(p[1]!, '2027-03-01', 5),
          a(p[1]!, '2027-09-01', 6),
          // 2: improves twice (2027-07-10 and 2028-02-01): paid once, in 2027-H2.
          a(p[2]!, '2027-01-10', 4),
          a(p[2]!, '2027-07-10', 6),
          a(p[2]!, '2028-02-01', 8),
          // 3: the same score 6 months later is no success; a higher one later is, paid in 2028-H1.
          a(p[3]!, '2027-01-10', 5),
          a(p[3]!, '2027-08-01', 5),
          a(p[3]!, '2028-03-01', 6),
          // 4: a success before the first measurement is paid in the first measurement, 2027-H2.
          a(p[4]!, '2026-01-10', 2),
          a(p[4]!, '2026-09-01', 3),
          // 5: 2027-08-31 + 6 months is 2028-02-29 (clamped): the 28th is too early, the 29th counts.
          a(p[5]!, '2027-08-31', 3),
          a(p[5]!, '2028-02-28', 9),
          a(p[5]!, '2028-02-29', 4),
          // 6: a lower answer later is no success.
          a(p[6]!, '2027-01-10', 7),
          a(p[6]!, '2027-12-10', 6),
          // 7: shown on 2027-12-15, within the last month of 2027-H2: paid in 2027-H2.
          a(p[7]!, '2027-06-10', 3),
          a(p[7]!, '2027-12-15', 5),
          // 8: answers to another question of the survey only: no goal-2 answer at all.
          a(p[8]!, '2027-01-10', 3, 'trivsel'),
          a(p[8]!, '2027-08-01', 9, 'trivsel'),
          // 9: a first row without an answer does not count; the first answer is 2027-03-01.
          a(p[9]!, '2027-01-10', ''),
          a(p[9]!, '2027-03-01', 4),
          a(p[9]!, '2027-09-01', 5),
          // 10: shown on 2027-12-31, the last day of 2027-H2: paid in 2027-H2.
          a(p[10]!, '2027-06-30', 2),
          a(p[10]!, '2027-12-31', 3),
          // 11: never answered.
        ],
      },
      '2026-01',
      '2028-07',
    );
    const { jobfokus: j, evidence } = await contracts(inbox, '2028-08-01');
    expect(j.measurements.map((m) => [m.period, m.status, m.goal2Successes, m.goal2Payment])).toEqual([
      ['2027-H2', 'final', 6, 29_230.77], // 6 × 1,140,000 / 234 = 29,230.7692…
      ['2028-H1', 'final', 2, 9_743.59],
      ['2028-H2', 'provisional', 0, 0], // July delivered
    ]);
    expect(j.totals.goal2).toBe(38_974.36); // 8 × 4,871.7948… = 38,974.3589…
    const db = await Db.open(':memory:');
    const rows = await db.all<{ period: string | null; success: boolean; reason: string }>(
      `SELECT period, success, reason FROM read_parquet('${evidence('jobfokus')}') WHERE goal = 'goal2' ORDER BY reason`,
    );
    db.close();
    expect(rows).toEqual([
      {
        period: null,
        success: false,
        reason: 'første svar 5 (2027-03-01); intet højere svar mindst 6 måneder senere',
      },
      {
        period: null,
        success: false,
        reason: 'første svar 7 (2027-01-10); intet højere svar mindst 6 måneder senere',
      },
      { period: null, success: false, reason: 'ingen besvarelse af livstilfredshed' },
      { period: null, success: false, reason: 'ingen besvarelse af livstilfredshed' },
      { period: '2027-H2', success: true, reason: 'livstilfredshed 2 (2026-01-10) → 3 (2026-09-01)' },
      { period: '2027-H2', success: true, reason: 'livstilfredshed 2 (2027-06-30) → 3 (2027-12-31)' },
      { period: '2027-H2', success: true, reason: 'livstilfredshed 3 (2027-06-10) → 5 (2027-12-15)' },
      { period: '2028-H1', success: true, reason: 'livstilfredshed 3 (2027-08-31) → 4 (2028-02-29)' },
      { period: '2027-H2', success: true, reason: 'livstilfredshed 4 (2027-01-10) → 6 (2027-07-10)' },
      { period: '2027-H2', success: true, reason: 'livstilfredshed 4 (2027-03-01) → 5 (2027-09-01)' },
      { period: '2028-H1', success: true, reason: 'livstilfredshed 5 (2027-01-10) → 6 (2028-03-01)' },
      { period: '2027-H2', success: true, reason: 'livstilfredshed 5 (2027-03-01) → 6 (2027-09-01)' },
    ]);
  });
});

describe('Jobfokus: which half-years are there, final or provisional', () => {
  // Two participants enrolled in January 2026; A works 100 hours in August 2027 and in January 2028.
  // Employment is delivered for 360 (the filler) and for a second municipality, 101, month by month.
  async function at(asOf: string, through: string, skip: string[] = []) {
    const inbox = await tempDir('kpi-jf-h-');
    const [a, b] = [cpr(1), cpr(2)];
    writeScenario(
      inbox,
      {
        enrollment: [`${a};jobfokus;2026-01-05;`, `${b};jobfokus;2026-01-05;`],
        employment: [`${a};2027-08;100;nej`, ...(through >= '2028-01' ? [`${a};2028-01;100;nej`] : [])],
      },
      '2026-01',
      through,
    );
    const employment = join(inbox, 'employment', 'e.csv');
    const kept = readFileSync(employment, 'utf8')
      .split('\n')
      .filter((l) => !skip.some((m) => l.includes(`;${m};`)));
    writeFileSync(employment, kept.join('\n'));
    write(
      join(inbox, 'employment', 'kommune_101.csv'),
      `cpr;month;wage_hours;in_education;municipality\n${months('2026-01', through)
        .filter((m) => !skip.includes(m))
        .map((m) => `010161-0998;${m};0;nej;101`)
        .join('\n')}\n`,
    );
    const r = await contracts(inbox, asOf);
    const kpi = r.kpis.kpis.find((k) => k.id === 'jobfokus_success_share' && k.municipality === '360')!;
    return {
      measurements: r.jobfokus.measurements.map((m) => [m.period, m.status]),
      h1: kpi.series.find((p) => p.period === '2028-H1'),
    };
  }

  it('a half-year that starts in the as-of month is there, provisional, without a KPI value until a month is before it', async () => {
    const jan = await at('2028-01-15', '2028-01');
    expect(jan.measurements).toEqual([
      ['2027-H2', 'final'],
      ['2028-H1', 'provisional'],
    ]);
    expect([jan.h1?.value, jan.h1?.status]).toEqual([null, 'incomplete']);
    // A month later January is before the as-of month: A's January success counts, 1 of 2.
    const feb = await at('2028-02-10', '2028-01');
    expect([feb.h1?.value, feb.h1?.status]).toEqual([0.5, 'incomplete']);
  });

  it('final only when its last month is before the as-of month and all six months were delivered', async () => {
    expect((await at('2028-06-15', '2028-06')).measurements[1]).toEqual(['2028-H1', 'provisional']);
    expect((await at('2028-08-01', '2028-07')).measurements[1]).toEqual(['2028-H1', 'final']);
    expect((await at('2028-08-01', '2028-07', ['2028-03'])).measurements[1]).toEqual([
      '2028-H1',
      'provisional',
    ]);
  });
});

describe('Ungeløftet', () => {
  it('a best counted month of 52 % releases R1: 5,377,176.05 paid, 597,464.01 withheld', async () => {
    const inbox = await tempDir('kpi-ung-');
    ungeloftetScenario(inbox, '2028-12');
    const { ungeloftet: u, manifest, evidence } = await contracts(inbox, '2029-03-01');
    expect(u.period.countedMonths).toEqual({ from: '2027-05', to: '2028-12' });
    expect(u.months.map((m) => m.month)).toEqual(months('2025-08', '2028-12'));
    expect(u.months.find((m) => m.month === '2027-04')).toMatchObject({
      group: 25,
      inEmploymentOrEducation: 14,
      share: 0.56,
      counted: false,
    });
    expect(u.months.find((m) => m.month === '2027-05')).toMatchObject({ counted: true });
    expect(u.requirements).toEqual([
      {
        id: 'R1',
        threshold: 0.5,
        payoutShare: 0.4,
        amount: 2_389_856.02,
        status: 'met',
        firstMonthMet: '2027-06',
        bestShare: 0.52,
        bestMonth: '2027-06',
      },
      {
        id: 'R2',
        threshold: 0.55,
        payoutShare: 0.1,
        amount: 597_464.01,
        status: 'not_met',
        firstMonthMet: null,
        bestShare: 0.52,
        bestMonth: '2027-06',
      },
    ]);
    expect(u.payout).toEqual({
      rate1: 2_987_320.03,
      released: 2_389_856.02,
      withheld: 597_464.01,
      total: 5_377_176.05,
    });
    expect(u.warnings).toEqual([
      'tilskuddets beløb pr. år giver 5.974.640,07, men det samlede tilskud er 5.974.640,06; det samlede tilskud gælder',
    ]);
    expect(manifest.warnings.map((w) => w.message)).toContain(
      'ungeloftet: tilskuddets beløb pr. år giver 5.974.640,07, men det samlede tilskud er 5.974.640,06; det samlede tilskud gælder',
    );
    // The audit: group and counts per complete month, from the evidence alone.
    const db = await Db.open(':memory:');
    const rows = await db.all<{ month: string; group: number; inn: number }>(
      `SELECT period AS month, count(*)::INTEGER AS "group", count(*) FILTER (WHERE success)::INTEGER AS inn
       FROM read_parquet('${evidence('ungeloftet')}') GROUP BY period ORDER BY period`,
    );
    db.close();
    const complete = u.months.filter((m) => m.group > 0);
    expect(rows).toEqual(
      complete.map((m) => ({ month: m.month, group: m.group, inn: m.inEmploymentOrEducation })),
    );
  });

  it('before the second half has ended, an unmet requirement is pending', async () => {
    const inbox = await tempDir('kpi-ung-');
    ungeloftetScenario(inbox, '2028-05');
    const { ungeloftet: u } = await contracts(inbox, '2028-06-15');
    expect(u.requirements.map((r) => [r.id, r.status])).toEqual([
      ['R1', 'met'],
      ['R2', 'pending'],
    ]);
    expect(u.payout).toEqual({
      rate1: 2_987_320.03,
      released: 2_389_856.02,
      withheld: 597_464.01,
      total: 5_377_176.05,
    });
    expect(u.months.find((m) => m.month === '2028-06')).toMatchObject({
      complete: false,
      inEmploymentOrEducation: null,
      share: null,
    });
  });
});

describe('Ungeløftet: the group and the counted months, month by month', () => {
  // Two grants over 2027 with the second half from 1 May: A ends on 30 November, B on 15 December.
  const grant = (id: string, periodEnd: string): GrantContract => ({
    ...UNGELOFTET,
    id,
    periodStart: '2027-01-01',
    periodEnd,
    secondHalfFrom: '2027-05-01',
    grant: { total: 1000, byYear: { '2027': 1000 } },
  });
  // P1 works 37 hours a month, P2 has rows with 0 hours and no education, P4 is in education; P3 is
  // enrolled on 30 June and has no rows. August was never delivered; as of 10 December, December's rows
  // are in but the month is running.
  async function run() {
    const inbox = await tempDir('kpi-ung-m-');
    const [p1, p2, p3, p4] = [201, 202, 203, 204].map(cpr) as [string, string, string, string];
    const delivered = months('2027-01', '2027-12').filter((m) => m !== '2027-08');
    writeScenario(
      inbox,
      {
        enrollment: [
          `${p1};ungeloftet;2027-01-01;`,
          `${p2};ungeloftet;2027-01-01;`,
          `${p3};ungeloftet;2027-06-30;`,
          `${p4};ungeloftet;2027-01-01;`,
        ],
        employment: delivered.flatMap((m) => [`${p1};${m};37;nej`, `${p2};${m};0;nej`, `${p4};${m};0;ja`]),
      },
      '2027-01',
      '2027-12',
    );
    const employment = join(inbox, 'employment', 'e.csv');
    writeFileSync(
      employment,
      readFileSync(employment, 'utf8')
        .split('\n')
        .filter((l) => !l.includes(';2027-08;'))
        .join('\n'),
    );
    const r = await runInbox(inbox, {
      asOf: '2027-12-10',
      config: { minCell: 1, contracts: [grant('ung_a', '2027-11-30'), grant('ung_b', '2027-12-15')] },
    });
    const dir = join(r.out, 'restricted', 'contracts');
    const json = (id: string) =>
      JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8')) as GrantContractJson;
    return { a: json('ung_a'), b: json('ung_b'), evidence: join(dir, 'ung_b.evidence.parquet') };
  }

  it('counted: whole months from the second half to the period’s end; complete: delivered and before the as-of month', async () => {
    const { a, b, evidence } = await run();
    const row = (m: GrantContractJson['months'][number]) => [
      m.month,
      m.counted,
      m.complete,
      m.group,
      m.inEmploymentOrEducation,
    ];
    const expected = (end: string, lastCounted: string) =>
      months('2027-01', end).map((m) => {
        const group = m >= '2027-06' ? 4 : 3; // P3 from the month of 30 June
        const complete = m !== '2027-08' && m < '2027-12';
        return [m, m >= '2027-05' && m <= lastCounted, complete, group, complete ? 2 : null];
      });
    expect(a.months.map(row)).toEqual(expected('2027-11', '2027-11')); // November ends on the 30th: counted
    expect(b.months.map(row)).toEqual(expected('2027-12', '2027-11')); // December ends after the 15th: not
    const db = await Db.open(':memory:');
    const reasons = await db.all<{ reason: string }>(
      `SELECT reason FROM read_parquet('${evidence}') WHERE period IN ('2027-06', '2027-08') ORDER BY period, reason`,
    );
    db.close();
    expect(reasons.map((r) => r.reason)).toEqual([
      'hverken løntimer eller uddannelse (visiteret 2027-01-01)',
      'hverken løntimer eller uddannelse (visiteret 2027-06-30)',
      'i uddannelse (visiteret 2027-01-01)',
      'løntimer i måneden (visiteret 2027-01-01)',
      'måneden er ikke afsluttet eller mangler data (visiteret 2027-01-01)',
      'måneden er ikke afsluttet eller mangler data (visiteret 2027-01-01)',
      'måneden er ikke afsluttet eller mangler data (visiteret 2027-01-01)',
      'måneden er ikke afsluttet eller mangler data (visiteret 2027-06-30)',
    ]);
  });
});
