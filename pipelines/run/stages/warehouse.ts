/**
 * The warehouse: the SQL layers over what ingest loaded (staging, marts, contract macros), then the
 * guard: what the data say about themselves (stale, unknown codes, another municipality), the volumes,
 * and what cannot be trusted this run, which holds back the KPIs and contracts that read it.
 */

import { unknownCodeWarnings } from '../../guard/codes.ts';
import { decideHoldBacks, findSuspects, type Reader } from '../../guard/holdBack.ts';
import { municipalityWarnings } from '../../guard/municipality.ts';
import { fileOverrides } from '../../guard/overrides.ts';
import { extractVolumes, volumeDrops } from '../../guard/volumes.ts';
import { t } from '../../i18n/index.ts';
import { kindOf } from '../../kinds/index.ts';
import { buildWarehouse, staleExtractWarnings } from '../../warehouse.ts';
import type { RunContext, Stage } from '../context.ts';

export const warehouseStage: Stage = {
  name: 'warehouse',
  async run(ctx) {
    const db = ctx.warehouse;
    const { delivered } = ctx.ingest;
    // Ingest relies on insertion order for line numbers; the marts do not, and without it DuckDB
    // needs less memory for large tables.
    await db.run('SET preserve_insertion_order = false');
    const built = await buildWarehouse(db, {
      asOf: ctx.opts.asOf,
      config: ctx.config,
      changes: ctx.ingest.changes,
    });
    for (const m of built.marts) {
      ctx.reporter.event({
        stage: 'warehouse',
        event: 'mart',
        message: t(m.full ? 'run.martFull' : m.derived ? 'run.martRows' : 'run.martKeys', {
          table: m.table,
          n: m.keys,
        }),
      });
    }
    ctx.warnings.push(
      ...(await staleExtractWarnings(db, ctx.opts.asOf, ctx.config.staleAfterMonths, delivered)),
      ...(await unknownCodeWarnings(db, ctx.config, delivered)),
      ...(await municipalityWarnings(db, ctx.config, delivered)),
    );
    ctx.volumes = await extractVolumes(db, delivered);
    ctx.overrides = await fileOverrides(db, ctx.extracts);
    decideHolds(ctx);
  },
};

/** What cannot be trusted this run holds back the KPIs and contracts that read it (guard/holdBack.ts). */
function decideHolds(ctx: RunContext): void {
  const { select } = ctx.opts;
  const readers: Reader[] = [
    ...ctx.selected.map((d) => ({ kind: 'kpi' as const, id: d.id, extracts: d.extracts })),
    ...ctx.config.contracts
      .filter((c) => !select || select.includes(c.id))
      .map((c) => ({ kind: 'contract' as const, id: c.id, extracts: kindOf(c).extracts })),
  ];
  const previousVolumes = ctx.previous.manifest?.volumes;
  const tolerance = ctx.config.volumeDropTolerance;
  const suspects = findSuspects(
    ctx.ingest.inputs,
    volumeDrops(ctx.volumes, previousVolumes, tolerance),
    ctx.ingest.delivered,
    tolerance,
  );
  const wouldHold = decideHoldBacks(readers, suspects);
  ctx.holds = ctx.config.allowPartial ? [] : wouldHold;
  if (ctx.config.allowPartial && wouldHold.length > 0) {
    ctx.warnings.push({
      code: 'partial_publish',
      message: t('warn.partialPublish', {
        ids: wouldHold.map((h) => h.id).join(', '),
        reasons: [...new Set(suspects.map((s) => s.reason))].join(' '),
      }),
    });
  }
  // An extract that was not trusted keeps the previous run's volumes, so the next run compares with
  // the last accepted delivery, not with the shrunken one.
  if (ctx.holds.length > 0 && previousVolumes) {
    for (const s of suspects) {
      const before = previousVolumes[s.extract];
      if (before) ctx.volumes[s.extract] = before;
    }
  }
}
