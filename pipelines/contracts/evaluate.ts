/**
 * Evaluates every configured outcome contract and writes, for finance and auditors:
 * restricted/contracts/<id>.json and <id>.evidence.parquet (one row per person and period: person_key,
 * whether they counted, whether they succeeded, and why), from which every count can be recomputed.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ContractConfig } from '../../schemas/contracts.ts';
import type { ExtractName } from '../../schemas/extracts.ts';
import {
  DsiContractJson,
  GrantContractJson,
  type HeldBack,
  HeldBackContractJson,
} from '../../schemas/outputs.ts';
import { sqlString } from '../core/sql.ts';
import type { Db } from '../duckdb.ts';
import { dsiEvidenceSql, evaluateDsi } from './dsi.ts';
import { evaluateGrant, grantEvidenceSql } from './grant.ts';

export type ContractResult = DsiContractJson | GrantContractJson;

/** The extracts each kind of contract reads (held back when one of them is not to be trusted). */
export const CONTRACT_EXTRACTS: Record<ContractConfig['kind'], ExtractName[]> = {
  // Participants, success months and goal 2's life-satisfaction answers (checked against responses).
  dsi_social_investment: ['enrollment', 'employment', 'survey_responses', 'survey_answers'],
  grant_result_requirements: ['enrollment', 'employment'],
};

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

/**
 * A contract that is not evaluated this run keeps its previously published files (`--select`, or held
 * back: then its JSON also says why). Held back before it was ever published, it gets a file that has
 * no figures, only the reason.
 */
export async function carryOverContract(
  fromRestricted: string,
  toRestricted: string,
  c: Pick<ContractConfig, 'id' | 'kind' | 'title'>,
  hold?: { asOf: string; municipality: string; heldBack: HeldBack },
): Promise<void> {
  for (const [dir, names] of [
    ['contracts', [`${c.id}.json`, `${c.id}.evidence.parquet`]],
    ['charts', [`${c.id}.vl.json`, `${c.id}.svg`, `${c.id}.png`]],
  ] as const) {
    await mkdir(join(toRestricted, dir), { recursive: true });
    for (const n of names) {
      await copyFile(join(fromRestricted, dir, n), join(toRestricted, dir, n)).catch(() => {});
    }
  }
  if (!hold) return;
  const file = join(toRestricted, 'contracts', `${c.id}.json`);
  const before = await readFile(file, 'utf8')
    .then((t) => JSON.parse(t) as Record<string, unknown>)
    .catch(() => undefined);
  const json =
    before && !('status' in before)
      ? { ...before, heldBack: hold.heldBack }
      : HeldBackContractJson.parse({
          id: c.id,
          kind: c.kind,
          title: c.title,
          asOf: hold.asOf,
          municipality: hold.municipality,
          status: 'no_data',
          heldBack: hold.heldBack,
        });
  await writeFile(file, `${JSON.stringify(json, null, 2)}\n`, 'utf8');
}
