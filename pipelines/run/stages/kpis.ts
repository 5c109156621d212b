/**
 * The KPIs: each selected KPI that is not held back, evaluated from its SQL (kpis/evaluate.ts). The
 * configuration's initiatives run in the sandbox (sandbox.ts), which sees the warehouse read-only, locked.
 */
import { join } from 'node:path';
import type { Db } from '../../duckdb.ts';
import { ConfigError } from '../../errors.ts';
import { list, t } from '../../i18n/index.ts';
import { evaluateKpi } from '../../kpis/evaluate.ts';
import { INITIATIVE_SCHEMAS, openSandbox, refuseSelect } from '../../sandbox.ts';
import type { RunContext, Stage } from '../context.ts';

/** The sandbox for the initiatives, when any is to be evaluated; the warehouse is checkpointed first. */
async function initiativeSandbox(ctx: RunContext): Promise<Db | undefined> {
  const initiatives = ctx.selected.filter((d) => d.sqlText !== undefined && !ctx.held('kpi', d.id));
  if (initiatives.length === 0) return undefined;
  await ctx.warehouse.run('CHECKPOINT');
  const sandbox = await openSandbox(join(ctx.paths.work, 'warehouse.duckdb'));
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

export const kpisStage: Stage = {
  name: 'kpis',
  async run(ctx) {
    const { delivered } = ctx.ingest;
    const sandbox = await initiativeSandbox(ctx);
    try {
      for (const def of ctx.selected) {
        const event = (key: 'run.kpiHeldBack' | 'run.kpiComputed') =>
          ctx.reporter.event({ stage: 'kpis', event: 'kpi', kpi: def.id, message: t(key, { id: def.id }) });
        if (ctx.held('kpi', def.id)) {
          event('run.kpiHeldBack');
          continue;
        }
        const db = def.sqlText !== undefined ? sandbox! : ctx.warehouse;
        ctx.evaluated.push(...(await evaluateKpi(db, def, ctx.opts.asOf, ctx.municipality.code, delivered)));
        event('run.kpiComputed');
      }
    } finally {
      sandbox?.close();
    }
    for (const def of ctx.defs) {
      const missing = def.extracts.filter((e) => !delivered.includes(e));
      if (missing.length > 0) {
        ctx.warnings.push({
          code: 'extract_not_delivered',
          message: t('warn.notDelivered', { id: def.id, extracts: list(missing) }),
        });
      }
    }
  },
};
