/** Jobfokus (a DSI social effect investment) as a contract kind (../kind.ts). */
import { DsiContract } from '../../../schemas/contracts.ts';
import { DsiContractJson } from '../../../schemas/outputs.ts';
import type { ContractKind } from '../kind.ts';
import { dsiChartSpec } from './chart.ts';
import { dsiEvidenceSql, evaluateDsi } from './evaluate.ts';
import { dsiExplain, dsiProjectionChart, dsiProjectionTables, dsiSummary } from './explain.ts';
import { dsiKpis } from './kpis.ts';
import { dsiQueries } from './report.ts';
import { dsiWorkbook } from './workbook.ts';

/** Jobfokus as a contract kind (kind.ts). */
export const dsiKind: ContractKind<DsiContract, DsiContractJson> = {
  kind: 'dsi_social_investment',
  config: DsiContract,
  // Participants, success months and goal 2's life-satisfaction answers (checked against responses).
  extracts: ['enrollment', 'employment', 'survey_responses', 'survey_answers'],
  params: (c) => [
    ['programme', c.programme],
    ['startup_months', c.startupMonths],
    ['success_min_hours', c.successMinHours],
    ['measurement_first', c.measurements.first],
    ['measurement_last', c.measurements.last],
    ['kpi_from', c.kpiFrom],
    ['goal2_survey', c.goal2.survey],
    ['goal2_question', c.goal2.question],
    ['goal2_min_months', c.goal2.minMonthsBetween],
  ],
  // Its programme and goal 2's survey are known values of those open code columns (guard/codes.ts).
  knownCodes: (c) => ({
    'enrollment.programme': [c.programme],
    'survey_responses.survey': [c.goal2.survey],
    'survey_answers.survey': [c.goal2.survey],
  }),
  kpis: dsiKpis,
  evaluate: evaluateDsi,
  evidenceSql: dsiEvidenceSql,
  json: DsiContractJson,
  schemaName: 'dsi_contract',
  isResult: (json) => 'measurements' in json,
  workbook: dsiWorkbook,
  explain: dsiExplain,
  projectionTables: dsiProjectionTables,
  projectionChart: dsiProjectionChart,
  summary: dsiSummary,
  chart: dsiChartSpec,
  tables: { measurements: DsiContractJson.shape.measurements.element, totals: DsiContractJson.shape.totals },
  queries: dsiQueries,
};
