/**
 * Publishing into the staging folder: kpis.json (disclosure-controlled, with restatements, held-back
 * and unselected KPIs carried over) and its long tables, the tariff alerts, the ranking lists, the charts, the JSON
 * Schemas and the warehouse. Nothing reaches readers until the switch (../../run.ts).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import {
  type KpiEntry,
  KpisJson,
  Manifest,
  RanglisteJson,
  SCHEMA_VERSION,
  TariffAlertsJson,
} from '../../../schemas/outputs.ts';
import { heldBackOf } from '../../guard/holdBack.ts';
import { copyAndHash } from '../../ingest/sniff.ts';
import { KINDS, kindOfResult } from '../../kinds/index.ts';
import { noDataEntry, toPublicEntry } from '../../kpis/publicEntry.ts';
import { longRows, writeArrow, writeCsv, writeParquet } from '../../publish/tables.ts';
import { writeKpisWorkbook } from '../../publish/workbook.ts';
import { chartName, kpiChartSpec, writeCharts } from '../../report/charts.ts';
import type { RunContext, Stage } from '../context.ts';
import { writeJson } from '../files.ts';

/** The tariff alerts and ranking lists of the marts, then the warehouse is closed: publishing copies its file. */
async function closeWarehouse(ctx: RunContext): Promise<void> {
  ctx.tariffAlerts = ctx.ingest.delivered.includes('tariffs')
    ? await ctx.warehouse.all(`SELECT municipality, provider_id AS "providerId", provider_name AS "providerName", ownership,
          service, year::INTEGER AS year, previous_rate::DOUBLE AS "previousRate", rate::DOUBLE AS rate,
          (rate / previous_rate - 1)::DOUBLE AS increase, threshold::DOUBLE AS threshold
        FROM marts.tariff_change WHERE alert ORDER BY municipality, year, "providerId", service`)
    : [];
  ctx.rangliste = ctx.ingest.delivered.includes('rangliste')
    ? await ctx.warehouse.all(`SELECT list_period AS "listPeriod", benefit_group AS "benefitGroup", municipality,
          municipality_name AS "municipalityName", expected_pct::DOUBLE AS "expectedPct", actual_pct::DOUBLE AS "actualPct",
          difference::DOUBLE AS difference, rank, rank_computed AS "rankComputed", compared_with AS "comparedWithPeriod",
          improvement::DOUBLE AS improvement, hoejdespringer_rank AS "hoejdespringerRank"
        FROM marts.rangliste ORDER BY list_period, benefit_group, rank, municipality`)
    : [];
  ctx.warehouse.close();
  ctx.db = undefined;
}

/** The KPI entries: this run's, the held-back ones as last published, and (--select) the others. */
function kpiEntries(ctx: RunContext): KpiEntry[] {
  const previous = ctx.previous.kpis;
  const entries: KpiEntry[] = ctx.evaluated.map((ev) => {
    const prev = previous?.kpis.find((k) => k.id === ev.def.id && k.municipality === ev.municipality);
    return toPublicEntry(
      ev,
      ctx.config.minCell,
      prev && previous ? { entry: prev, runId: previous.runId } : undefined,
    );
  });
  // A held-back KPI is its previous publication, unchanged but for why; never published before, it has
  // no data (and says why).
  for (const def of ctx.selected) {
    const hold = ctx.held('kpi', def.id);
    if (!hold) continue;
    const before = previous?.kpis.filter((k) => k.id === def.id) ?? [];
    if (before.length > 0) entries.push(...before.map((k) => ({ ...k, heldBack: heldBackOf(hold) })));
    else entries.push(noDataEntry(def, ctx.municipality.code, heldBackOf(hold)));
  }
  // --select: the KPIs not selected keep their previously published values.
  if (ctx.opts.select && previous) {
    for (const k of previous.kpis)
      if (!ctx.opts.select.includes(k.id)) entries.push({ ...k, restatements: [] });
  }
  const order = ctx.defs.map((d) => d.id);
  return entries.sort(
    (a, b) => order.indexOf(a.id) - order.indexOf(b.id) || a.municipality.localeCompare(b.municipality),
  );
}

async function writeKpis(ctx: RunContext): Promise<void> {
  const pub = ctx.publicDir;
  ctx.kpis = KpisJson.parse({
    schemaVersion: SCHEMA_VERSION,
    runId: ctx.runId,
    asOf: ctx.opts.asOf,
    generatedAt: ctx.opts
      .now()
      .toISOString()
      .replace(/\.\d+Z$/, 'Z'),
    minCell: ctx.config.minCell,
    kpis: kpiEntries(ctx),
  });
  await writeJson(join(pub, 'kpis.json'), ctx.kpis);
  const rows = longRows(ctx.kpis);
  await writeParquet(rows, pub, ctx.paths.work);
  await writeArrow(rows, pub);
  await writeCsv(rows, pub);
  await writeKpisWorkbook(ctx.kpis, pub);
  await writeListFile(ctx, 'tariff_alerts', 'tariff_alerts.json', () =>
    TariffAlertsJson.parse({ schemaVersion: SCHEMA_VERSION, asOf: ctx.opts.asOf, alerts: ctx.tariffAlerts }),
  );
  await writeListFile(ctx, 'rangliste_placering', 'rangliste.json', () =>
    RanglisteJson.parse({
      schemaVersion: SCHEMA_VERSION,
      asOf: ctx.opts.asOf,
      comparedWith: ctx.config.rangliste.comparedWith,
      rows: ctx.rangliste,
    }),
  );
}

/**
 * A list beside kpis.json (the tariff alerts, the ranking lists). When the KPI that reads the same
 * extract is held back, the list is held back with it: the previous publication, unchanged.
 */
async function writeListFile(
  ctx: RunContext,
  kpi: string,
  name: string,
  fresh: () => unknown,
): Promise<void> {
  const target = join(ctx.publicDir, name);
  if (ctx.held('kpi', kpi)) {
    const before = await readFile(join(ctx.paths.out, 'public', name), 'utf8').catch(() => undefined);
    if (before !== undefined) {
      await writeFile(target, before, 'utf8');
      return;
    }
  }
  await writeJson(target, fresh());
}

async function writeChartsAndSchemas(ctx: RunContext): Promise<void> {
  const pub = ctx.publicDir;
  // Charts draw from the published, disclosure-controlled figures; contract charts stay restricted.
  await writeCharts(
    join(pub, 'charts'),
    ctx.kpis.kpis.map((k) => ({
      name: chartName(k, ctx.municipality.code),
      spec: kpiChartSpec(k, ctx.config.minCell, ctx.opts.asOf),
    })),
  );
  await writeCharts(
    join(ctx.restrictedDir, 'charts'),
    ctx.contracts.map((r) => ({ name: r.id, spec: kindOfResult(r)!.chart(r) })),
  );
  await writeJson(join(pub, 'schemas', 'kpis.schema.json'), z.toJSONSchema(KpisJson));
  await writeJson(join(pub, 'schemas', 'tariff_alerts.schema.json'), z.toJSONSchema(TariffAlertsJson));
  await writeJson(join(pub, 'schemas', 'rangliste.schema.json'), z.toJSONSchema(RanglisteJson));
  await writeJson(join(pub, 'schemas', 'manifest.schema.json'), z.toJSONSchema(Manifest));
  for (const k of KINDS)
    await writeJson(join(pub, 'schemas', `${k.schemaName}.schema.json`), z.toJSONSchema(k.json));
}

export const publishStage: Stage = {
  name: 'publish',
  async run(ctx) {
    await closeWarehouse(ctx);
    await writeKpis(ctx);
    await writeChartsAndSchemas(ctx);
    // Hashed while it is copied: the manifest lists every output's sha256, and this one is large.
    const target = join(ctx.restrictedDir, 'warehouse.duckdb');
    ctx.hashed.set(target, await copyAndHash(join(ctx.paths.work, 'warehouse.duckdb'), target));
  },
};
