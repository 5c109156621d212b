/** The KPIs: each selected KPI that is not held back, evaluated from its SQL (kpis/evaluate.ts). */
import { list, t } from '../../i18n/index.ts';
import { evaluateKpi } from '../../kpis/evaluate.ts';
import type { Stage } from '../context.ts';

export const kpisStage: Stage = {
  name: 'kpis',
  async run(ctx) {
    const { delivered } = ctx.ingest;
    for (const def of ctx.selected) {
      const event = (key: 'run.kpiHeldBack' | 'run.kpiComputed') =>
        ctx.reporter.event({ stage: 'kpis', event: 'kpi', kpi: def.id, message: t(key, { id: def.id }) });
      if (ctx.held('kpi', def.id)) {
        event('run.kpiHeldBack');
        continue;
      }
      ctx.evaluated.push(
        ...(await evaluateKpi(ctx.warehouse, def, ctx.opts.asOf, ctx.municipality.code, delivered)),
      );
      event('run.kpiComputed');
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
