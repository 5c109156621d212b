/** Ungeløftet (a grant with result requirements) as a contract kind (../kind.ts). */
import { GrantContract } from '../../../schemas/contracts.ts';
import { GrantContractJson } from '../../../schemas/outputs.ts';
import type { ContractKind } from '../kind.ts';
import { grantChartSpec } from './chart.ts';
import { evaluateGrant, grantEvidenceSql } from './evaluate.ts';
import { grantExplain, grantProjectionTables, grantSummary } from './explain.ts';
import { grantKpis } from './kpis.ts';
import { grantQueries } from './report.ts';
import { grantWorkbook } from './workbook.ts';

/** Ungeløftet as a contract kind (kind.ts). */
export const grantKind: ContractKind<GrantContract, GrantContractJson> = {
  kind: 'grant_result_requirements',
  config: GrantContract,
  extracts: ['enrollment', 'employment'],
  params: (c) => [
    ['programme', c.programme],
    ['period_start', c.periodStart],
    ['period_end', c.periodEnd],
    ['second_half_from', c.secondHalfFrom],
    ['min_hours', c.minHours],
  ],
  // Its programme is a known value of enrollment.programme (guard/codes.ts).
  knownCodes: (c) => ({ 'enrollment.programme': [c.programme] }),
  kpis: grantKpis,
  evaluate: evaluateGrant,
  evidenceSql: grantEvidenceSql,
  json: GrantContractJson,
  schemaName: 'grant_contract',
  isResult: (json) => 'months' in json,
  workbook: grantWorkbook,
  explain: grantExplain,
  projectionTables: grantProjectionTables,
  summary: grantSummary,
  chart: grantChartSpec,
  tables: {
    months: GrantContractJson.shape.months.element,
    requirements: GrantContractJson.shape.requirements.element,
    payout: GrantContractJson.shape.payout,
  },
  queries: grantQueries,
};
