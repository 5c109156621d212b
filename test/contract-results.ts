/**
 * Contract results made by hand, without a pipeline: the kinds' own settlement and projection over
 * counts a test chooses, shaped as the contract files are (restricted/contracts/<id>.json), and evidence
 * rows that match those counts, for the workbook writers.
 */
import { settle } from '../pipelines/kinds/dsi/evaluate.ts';
import { projectDsi } from '../pipelines/kinds/dsi/projection.ts';
import { type GrantMonth, settleGrant } from '../pipelines/kinds/grant/evaluate.ts';
import { projectGrant } from '../pipelines/kinds/grant/projection.ts';
import type { EvidenceRow } from '../pipelines/kinds/workbook.ts';
import { type DsiContract, type GrantContract, JOBFOKUS, UNGELOFTET } from '../schemas/contracts.ts';
import type { DsiContractJson, GrantContractJson } from '../schemas/outputs.ts';

/** A Jobfokus result from its measurements' counts and the participants enrolled so far. */
export function jobfokusResult(
  asOf: string,
  counts: Parameters<typeof settle>[1],
  participants: number,
  c: DsiContract = JOBFOKUS,
): DsiContractJson {
  const s = settle(c, counts);
  return {
    id: c.id,
    kind: 'dsi_social_investment',
    title: c.title,
    asOf,
    municipality: '360',
    ...s,
    projection: projectDsi(c, s.measurements, participants),
    warnings: [],
  };
}

/** A month of the grant's group: `inWork` of `group` in work or education. */
export const grantMonth = (month: string, inWork: number, group = 20, over: Partial<GrantMonth> = {}) => ({
  month,
  counted: true,
  complete: true,
  group,
  inEmploymentOrEducation: inWork,
  ...over,
});

/** An Ungeløftet result from its months' counts. */
export function ungeloftetResult(
  asOf: string,
  months: GrantMonth[],
  c: GrantContract = UNGELOFTET,
): GrantContractJson {
  const s = settleGrant(c, months, asOf);
  return {
    id: c.id,
    kind: 'grant_result_requirements',
    title: c.title,
    asOf,
    municipality: '360',
    grant: c.grant,
    ...s,
    projection: projectGrant({ ...s, grant: c.grant }),
    warnings: [],
  };
}

const key = (n: number) => n.toString(16).padStart(64, '0');

/**
 * Evidence for a Jobfokus result: per measurement, its measured participants (the first `successes` a
 * success), three participants not counted yet, and one row per goal-2 success.
 */
export function jobfokusEvidence(r: DsiContractJson): EvidenceRow[] {
  let n = 0;
  const row = (period: string, goal: string, counted: boolean, success: boolean): EvidenceRow => ({
    contract: r.id,
    period,
    person_key: key(n++),
    goal,
    counted,
    success,
    reason: success ? 'succes' : counted ? 'talt' : 'ikke talt endnu',
  });
  return r.measurements.flatMap((m) => [
    ...Array.from({ length: m.measuredPopulation }, (_, i) => row(m.period, 'goal1', true, i < m.successes)),
    ...Array.from({ length: 3 }, () => row(m.period, 'goal1', false, false)),
    ...Array.from({ length: m.goal2Successes }, () => row(m.period, 'goal2', true, true)),
  ]);
}

/** Evidence for an Ungeløftet result: per month, its group, the first `inEmploymentOrEducation` in work. */
export function ungeloftetEvidence(r: GrantContractJson): EvidenceRow[] {
  let n = 0;
  return r.months.flatMap((m) =>
    Array.from({ length: m.group }, (_, i) => ({
      contract: r.id,
      period: m.month,
      person_key: key(n++),
      goal: m.counted ? 'counted_month' : 'month',
      counted: m.counted,
      success: i < (m.inEmploymentOrEducation ?? 0),
      reason: i < (m.inEmploymentOrEducation ?? 0) ? 'løntimer' : 'ingen løntimer',
    })),
  );
}
