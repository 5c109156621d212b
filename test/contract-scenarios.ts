/**
 * Contract scenarios shared by the contract and workbook tests: synthetic inboxes whose figures are
 * known by hand (docs/contracts.md).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monthsBetween } from '../pipelines/core/periods.ts';
import { halfYears } from '../pipelines/kinds/dsi/evaluate.ts';
import { JOBFOKUS, UNGELOFTET } from '../schemas/contracts.ts';
import type { DsiContractJson, GrantContractJson } from '../schemas/outputs.ts';
import { runInbox } from './helpers.ts';

export function write(path: string, content: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
}

/** A valid synthetic CPR for person n (born in the 1970s-80s, digit 7 in 0-3). */
export function cpr(n: number): string {
  const day = String((n % 28) + 1).padStart(2, '0');
  const month = String((Math.floor(n / 28) % 12) + 1).padStart(2, '0');
  const year = String(70 + (Math.floor(n / 336) % 20)).padStart(2, '0');
  return `${day}${month}${year}-${n % 4}${String(n % 1000).padStart(3, '0')}`;
}
export const FILLER = '010160-0999'; // not a participant: delivers a row for every month, so every month "has data"

/** Every month from `from` to `to` (YYYY-MM). */
export const months = monthsBetween;

export interface Scenario {
  enrollment: string[];
  employment: string[];
  answers?: string[];
}

export function writeScenario(dir: string, s: Scenario, from: string, to: string): void {
  write(join(dir, 'enrollment', 'e.csv'), `cpr;programme;enrolled_on;left_on\n${s.enrollment.join('\n')}\n`);
  const filler = months(from, to).map((m) => `${FILLER};${m};0;nej`);
  write(
    join(dir, 'employment', 'e.csv'),
    `cpr;month;wage_hours;in_education\n${[...filler, ...s.employment].join('\n')}\n`,
  );
  if (s.answers) {
    const responses = [...new Set(s.answers.map((a) => a.split(',').slice(0, 3).join(',')))].map(
      (r) => `${r},gennemfoert,`,
    );
    write(
      join(dir, 'survey_responses', 'r.csv'),
      `survey,wave,respondent_id,status,segment\n${responses.join('\n')}\n`,
    );
    write(
      join(dir, 'survey_answers', 'a.csv'),
      `survey,wave,respondent_id,question_id,answer\n${s.answers.join('\n')}\n`,
    );
  }
}

export const firstMonthOf = (period: string) =>
  `${period.slice(0, 4)}-${period.endsWith('H1') ? '01' : '07'}`;
export const MEASUREMENTS = halfYears('2027-H2', '2032-H1');

/** 360 participants enrolled in January 2026; `successes(period)` of them succeed in each measurement. */
export function jobfokusScenario(successes: (period: string) => number, goal2: number): Scenario {
  const people = Array.from({ length: 360 }, (_, i) => cpr(i + 1));
  const enrollment = people.map((c) => `${c};jobfokus;2026-01-05;`);
  const employment = MEASUREMENTS.flatMap((p) =>
    people.slice(0, successes(p)).map((c) => `${c};${firstMonthOf(p)};100;nej`),
  );
  const answers = people.flatMap((c, i) => [
    `livstilfredshed,2026-01-10,${c},livstilfredshed,5`,
    `livstilfredshed,2026-09-01,${c},livstilfredshed,${i < goal2 ? 7 : 5}`,
  ]);
  return { enrollment, employment, answers };
}

export async function contracts(inbox: string, asOf: string) {
  // No contract is evaluated unless the configuration names it: these name the minutes' two.
  const run = await runInbox(inbox, { asOf, config: { minCell: 1, contracts: [JOBFOKUS, UNGELOFTET] } });
  const dir = join(run.out, 'restricted', 'contracts');
  return {
    ...run,
    jobfokus: JSON.parse(readFileSync(join(dir, 'jobfokus.json'), 'utf8')) as DsiContractJson,
    ungeloftet: JSON.parse(readFileSync(join(dir, 'ungeloftet.json'), 'utf8')) as GrantContractJson,
    evidence: (id: string) => join(dir, `${id}.evidence.parquet`),
  };
}

export const BUSINESS_CASE: Record<string, number> = {
  '2027': 0.1,
  '2028': 0.15,
  '2029': 0.15,
  '2030': 0.2,
  '2031': 0.2,
  '2032': 0.2,
};

// 25 young people enrolled in September 2025. In 2027-04 (before the second half) 14 of them (56 %)
// are in work; in 2027-06, 13 (52 %), the best counted month; other months 10 (40 %).
export function ungeloftetScenario(dir: string, to: string): void {
  const people = Array.from({ length: 25 }, (_, i) => cpr(i + 100));
  const enrollment = people.map((c, i) => `${c};ungeloftet;2025-09-01;${i === 0 ? '2026-06-30' : ''}`);
  const employment = months('2025-09', to).flatMap((m) => {
    const n = m === '2027-04' ? 14 : m === '2027-06' ? 13 : 10;
    return people.slice(0, n).map((c, i) => `${c};${m};${i % 2 ? '37' : '0'};${i % 2 ? 'nej' : 'ja'}`);
  });
  writeScenario(dir, { enrollment, employment }, '2025-08', to);
}
