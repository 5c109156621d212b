/**
 * Evaluates every configured outcome contract and writes, for finance and auditors:
 * restricted/contracts/<id>.json and <id>.evidence.parquet (one row per person and period: person_key,
 * whether they counted, whether they succeeded, and why), from which every count can be recomputed.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ContractConfig } from '../../schemas/contracts.ts';
import { DsiContractJson, GrantContractJson } from '../../schemas/outputs.ts';
import type { Db } from '../duckdb.ts';
import { sqlString } from '../ingest/contract.ts';
import { dsiEvidenceSql, evaluateDsi } from './dsi.ts';
import { evaluateGrant, grantEvidenceSql } from './grant.ts';

export type ContractResult = DsiContractJson | GrantContractJson;

export async function evaluateContracts(
  db: Db,
  contracts: ContractConfig[],
  opts: { asOf: string; municipality: string; restrictedDir: string },
): Promise<ContractResult[]> {
  const dir = join(opts.restrictedDir, 'contracts');
  await mkdir(dir, { recursive: true });
  const results: ContractResult[] = [];
  for (const c of contracts) {
    let result: ContractResult;
    let evidence: string;
    if (c.kind === 'dsi_social_investment') {
      result = DsiContractJson.parse(await evaluateDsi(db, c, opts.asOf, opts.municipality));
      evidence = dsiEvidenceSql(c, opts.municipality);
    } else {
      result = GrantContractJson.parse(await evaluateGrant(db, c, opts.asOf, opts.municipality));
      evidence = grantEvidenceSql(c, opts.municipality);
    }
    await writeFile(join(dir, `${c.id}.json`), `${JSON.stringify(result, null, 2)}\n`, 'utf8');
    // The evidence names each person by person_key, the pseudonym finance can trace (ingest.persons).
    await db.run(`COPY (SELECT e.contract, e.period, p.person_key, e.goal, e.counted, e.success, e.reason
      FROM (${evidence}) e JOIN ingest.persons p USING (person_id) ORDER BY e.period NULLS LAST, e.goal, p.person_key)
      TO ${sqlString(join(dir, `${c.id}.evidence.parquet`))} (FORMAT parquet)`);
    results.push(result);
  }
  return results;
}

/** Contract parameters as rows of meta.contract_param, read by the macros in sql/contracts/. */
export function contractParams(contracts: ContractConfig[]): [string, string, string][] {
  return contracts.flatMap((c): [string, string, string][] => {
    const p = (key: string, value: string | number): [string, string, string] => [c.id, key, String(value)];
    if (c.kind === 'dsi_social_investment') {
      return [
        p('kind', c.kind),
        p('programme', c.programme),
        p('startup_months', c.startupMonths),
        p('success_min_hours', c.successMinHours),
        p('measurement_first', c.measurements.first),
        p('measurement_last', c.measurements.last),
        p('kpi_from', c.kpiFrom),
        p('goal2_survey', c.goal2.survey),
        p('goal2_question', c.goal2.question),
        p('goal2_min_months', c.goal2.minMonthsBetween),
      ];
    }
    return [
      p('kind', c.kind),
      p('programme', c.programme),
      p('period_start', c.periodStart),
      p('period_end', c.periodEnd),
      p('second_half_from', c.secondHalfFrom),
      p('min_hours', c.minHours),
    ];
  });
}
