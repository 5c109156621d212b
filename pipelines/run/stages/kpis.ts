/**
 * The KPIs: each selected KPI that is not held back, evaluated from its SQL (kpis/evaluate.ts). The
 * configuration's initiatives run in the sandbox (sandbox.ts), which sees the warehouse read-only, locked.
 */
import type { Db } from '../../duckdb.ts';
import { ConfigError } from '../../errors.ts';
import { heldIn, type TrustDecision } from '../../guard/trust.ts';
import { list, t } from '../../i18n/index.ts';
import type { KpiDefinition } from '../../kpis/catalogue.ts';
import { type EvaluatedKpi, evaluateKpi } from '../../kpis/evaluate.ts';
import { INITIATIVE_SCHEMAS, openSandbox, refuseSelect } from '../../sandbox.ts';
import { type RunSetup, warehouseFile } from '../context.ts';
import type { Warehouse } from './warehouse.ts';

/** The sandbox for the initiatives, when any is to be evaluated; the warehouse is checkpointed first. */
async function initiativeSandbox(
  warehouse: Warehouse,
  file: string,
  initiatives: KpiDefinition[],
): Promise<Db | undefined> {
  if (initiatives.length === 0) return undefined;
  await warehouse.db.run('CHECKPOINT');
  const sandbox = await openSandbox(file);
  // The run's start refused these already (run/initiatives.ts); this guards the same promise here.
  for (const d of initiatives) {
    const refused = await refuseSelect(sandbox, d.sqlText!, { schemas: INITIATIVE_SCHEMAS });
    if (refused) {
      sandbox.close();
      throw new ConfigError(`${d.id}: ${t('sandbox.refusedInitiative', { reason: refused })}`);
    }
  }
  return sandbox;
}

/** A warning per KPI whose extracts were not all delivered. */
function notDelivered(s: RunSetup, delivered: readonly string[]): void {
  for (const def of s.defs) {
    const missing = def.extracts.filter((e) => !delivered.includes(e));
    if (missing.length > 0)
      s.warnings.push({
        code: 'extract_not_delivered',
        message: t('warn.notDelivered', { id: def.id, extracts: list(missing) }),
      });
  }
}

export async function kpisStage(
  s: RunSetup,
  warehouse: Warehouse,
  trust: TrustDecision,
  delivered: readonly string[],
): Promise<EvaluatedKpi[]> {
  const evaluated: EvaluatedKpi[] = [];
  const todo = s.selected.filter((d) => !heldIn(trust, 'kpi', d.id));
  const sandbox = await initiativeSandbox(
    warehouse,
    warehouseFile(s),
    todo.filter((d) => d.sqlText !== undefined),
  );
  try {
    for (const def of s.selected) {
      const key = todo.includes(def) ? 'run.kpiComputed' : 'run.kpiHeldBack';
      if (todo.includes(def)) {
        const db = def.sqlText !== undefined ? sandbox! : warehouse.db;
        evaluated.push(...(await evaluateKpi(db, def, s.asOf.date, s.municipality.code, delivered)));
      }
      s.reporter.event({ stage: 'kpis', event: 'kpi', kpi: def.id, message: t(key, { id: def.id }) });
    }
  } finally {
    sandbox?.close();
  }
  notDelivered(s, delivered);
  return evaluated;
}
