/**
 * Evaluates every configured outcome contract and writes, for finance and auditors:
 * restricted/contracts/<id>.json and <id>.evidence.parquet (one row per person and period: person_key,
 * whether they counted, whether they succeeded, and why), from which every count can be recomputed.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ContractConfig } from '../../schemas/contracts.ts';
import { type HeldBack, HeldBackContractJson } from '../../schemas/outputs.ts';
import { municipalityName } from '../core/municipalities.ts';
import { sqlString } from '../core/sql.ts';
import { printSetup, writeWorkbookFile } from '../core/xlsx.ts';
import type { Db } from '../duckdb.ts';
import { t } from '../i18n/index.ts';
import { type ContractResult, kindOf } from '../kinds/index.ts';
import type { EvidenceRow } from '../kinds/workbook.ts';

export type { ContractResult };

export async function evaluateContracts(
  db: Db,
  contracts: ContractConfig[],
  opts: { asOf: string; municipality: string; restrictedDir: string },
): Promise<ContractResult[]> {
  const dir = join(opts.restrictedDir, 'contracts');
  await mkdir(dir, { recursive: true });
  const results: ContractResult[] = [];
  for (const c of contracts) {
    const kind = kindOf(c);
    // Validated by the kind's own schema, with its kind named.
    const result = await kind.evaluate(db, c, opts.asOf, opts.municipality);
    const evidence = kind.evidenceSql(c, opts.municipality);
    await writeFile(join(dir, `${c.id}.json`), `${JSON.stringify(result, null, 2)}\n`, 'utf8');
    // The evidence names each person by person_key, the pseudonym finance can trace (ingest.persons).
    const evidenceFile = join(dir, `${c.id}.evidence.parquet`);
    await db.run(`COPY (SELECT e.contract, e.period, p.person_key, e.goal, e.counted, e.success, e.reason
      FROM (${evidence}) e JOIN ingest.persons p USING (person_id) ORDER BY e.period NULLS LAST, e.goal, p.person_key)
      TO ${sqlString(evidenceFile)} (FORMAT parquet)`);
    await writeWorkbook(db, c, result, evidenceFile, join(dir, `${c.id}.xlsx`));
    results.push(result);
  }
  return results;
}

/**
 * restricted/contracts/<id>.xlsx, the audit workbook (the kind's sheets over the evidence). The evidence rows are read from the file just written, so the workbook
 * and the Parquet file hold the same rows.
 */
async function writeWorkbook(
  db: Db,
  c: ContractConfig,
  result: ContractResult,
  evidenceFile: string,
  target: string,
): Promise<void> {
  const evidence = await db.all<EvidenceRow>(
    `SELECT contract, period, person_key, goal, counted, success, reason FROM read_parquet(${sqlString(evidenceFile)})`,
  );
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'kpi';
  // The kind's own workbook; the registry dispatches on the kind, as everywhere else.
  kindOf(c).workbook(wb, c, result, evidence);
  printSetup(wb, `${municipalityName(result.municipality) ?? result.municipality} · ${c.title}`, {
    page: t('pdf.page'),
    of: t('pdf.of'),
  });
  // Formulas are recalculated when the file is opened (the cached results show until then).
  wb.calcProperties.fullCalcOnLoad = true;
  // Dated by the as-of date: the same figures give the same bytes.
  await writeWorkbookFile(wb, target, new Date(`${result.asOf}T00:00:00Z`));
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
    ['contracts', [`${c.id}.json`, `${c.id}.evidence.parquet`, `${c.id}.xlsx`]],
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
