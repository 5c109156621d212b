/**
 * Publishing into the staging folder: kpis.json (disclosure-controlled, with restatements, held-back
 * and unselected KPIs carried over) and its long tables, the lists (publish/lists.ts), the charts, the
 * JSON Schemas and the warehouse. Every holdable artifact is held back the same way: the trust stage's
 * decision, no literal ids. Nothing reaches readers until the switch (../../run.ts).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { InputFile } from '../../../schemas/outputs.ts';
import {
  type KpiEntry,
  KpisJson,
  kpisJsonSchema,
  Manifest,
  RanglisteJson,
  SCHEMA_VERSION,
  TariffAlertsJson,
} from '../../../schemas/outputs.ts';
import { heldBackOf } from '../../guard/reasons.ts';
import { heldIn, type TrustDecision } from '../../guard/trust.ts';
import { copyAndHash } from '../../ingest/sniff.ts';
import { type ContractResult, KINDS, kindOfResult } from '../../kinds/index.ts';
import type { EvaluatedKpi } from '../../kpis/evaluate.ts';
import { noDataEntry, toPublicEntry } from '../../kpis/publicEntry.ts';
import { LISTS, listRows } from '../../publish/lists.ts';
import { longRows, writeArrow, writeCsv, writeParquet } from '../../publish/tables.ts';
import { writeKpisWorkbook } from '../../publish/workbook.ts';
import { chartName, kpiChartSpec, writeCharts } from '../../report/charts.ts';
import { type QuarantineFile, readQuarantine } from '../../site/restrictedSite.ts';
import { publicDir, type RunSetup, restrictedDir, warehouseFile } from '../context.ts';
import { writeJson } from '../files.ts';
import { codeVersion } from '../runtime.ts';
import type { Warehouse } from './warehouse.ts';

/** What publishing hands on: kpis.json as written, and the outputs already hashed while they were copied. */
export interface Published {
  kpis: KpisJson;
  hashed: Map<string, string>;
  /** This night's quarantine for the restricted site, read before the warehouse closes. */
  quarantine: QuarantineFile[];
}

/** The KPI entries: this run's, the held-back ones as last published, and (--select) the others. */
function kpiEntries(s: RunSetup, evaluated: EvaluatedKpi[], trust: TrustDecision): KpiEntry[] {
  const previous = s.previous.kpis;
  const entries: KpiEntry[] = evaluated.map((ev) => {
    const prev = previous?.kpis.find((k) => k.id === ev.def.id && k.municipality === ev.municipality);
    return toPublicEntry(
      ev,
      s.config.minCell,
      prev && previous ? { entry: prev, runId: previous.runId } : undefined,
    );
  });
  // A held-back KPI is its previous publication, unchanged but for why; never published before, it has
  // no data (and says why).
  for (const def of s.selected) {
    const hold = heldIn(trust, 'kpi', def.id);
    if (!hold) continue;
    const heldBack = heldBackOf(hold, s.config.volumeDropTolerance);
    const before = previous?.kpis.filter((k) => k.id === def.id) ?? [];
    if (before.length > 0) entries.push(...before.map((k) => ({ ...k, heldBack })));
    else entries.push(noDataEntry(def, s.municipality.code, heldBack));
  }
  // --select: the KPIs not selected keep their previously published values.
  if (s.opts.select && previous) {
    for (const k of previous.kpis)
      if (!s.opts.select.includes(k.id)) entries.push({ ...k, restatements: [] });
  }
  const order = s.defs.map((d) => d.id);
  return entries.sort(
    (a, b) => order.indexOf(a.id) - order.indexOf(b.id) || a.municipality.localeCompare(b.municipality),
  );
}

async function writeKpis(s: RunSetup, evaluated: EvaluatedKpi[], trust: TrustDecision): Promise<KpisJson> {
  const pub = publicDir(s);
  const kpis = KpisJson.parse({
    schemaVersion: SCHEMA_VERSION,
    runId: s.runId,
    asOf: s.asOf.date,
    generatedAt: s.opts
      .now()
      .toISOString()
      .replace(/\.\d+Z$/, 'Z'),
    minCell: s.config.minCell,
    kpis: kpiEntries(s, evaluated, trust),
  });
  await writeJson(join(pub, 'kpis.json'), kpis);
  const rows = longRows(kpis);
  await writeParquet(rows, pub, s.paths.work);
  await writeArrow(rows, pub);
  await writeCsv(rows, pub);
  await writeKpisWorkbook(kpis, pub);
  return kpis;
}

/**
 * The lists beside kpis.json. A list held back keeps its previous publication, byte for byte; never
 * published before, it is written empty of rows, as a first run has none to keep.
 */
async function writeLists(
  s: RunSetup,
  warehouse: Warehouse,
  trust: TrustDecision,
  delivered: readonly string[],
) {
  for (const list of LISTS) {
    const target = join(publicDir(s), list.file);
    if (heldIn(trust, 'list', list.id)) {
      const before = await readFile(join(s.paths.out, 'public', list.file), 'utf8').catch(() => undefined);
      if (before !== undefined) {
        await writeFile(target, before, 'utf8');
        continue;
      }
    }
    const rows = heldIn(trust, 'list', list.id) ? [] : await listRows(warehouse.db, list, delivered);
    await writeJson(target, list.schema.parse(list.json(rows, { asOf: s.asOf.date, config: s.config })));
  }
}

async function writeChartsAndSchemas(
  s: RunSetup,
  kpis: KpisJson,
  contracts: ContractResult[],
): Promise<void> {
  const pub = publicDir(s);
  // A chart whose spec the last publication (same code) drew already is copied, not drawn again.
  const same = s.previous.manifest?.codeVersion === (await codeVersion());
  const before = (part: string) => (same ? join(s.paths.out, part, 'charts') : undefined);
  // Charts draw from the published, disclosure-controlled figures; contract charts stay restricted.
  const drawnPublic = await writeCharts(
    join(pub, 'charts'),
    kpis.kpis.map((k) => ({
      name: chartName(k, s.municipality.code),
      spec: kpiChartSpec(k, s.config.minCell, s.asOf.date),
    })),
    before('public'),
  );
  const drawnRestricted = await writeCharts(
    join(restrictedDir(s), 'charts'),
    contracts.map((r) => ({ name: r.id, spec: kindOfResult(r)!.chart(r) })),
    before('restricted'),
  );
  s.reporter.event({
    stage: 'publish',
    event: 'charts',
    drawn: drawnPublic.drawn + drawnRestricted.drawn,
    kept: drawnPublic.kept + drawnRestricted.kept,
  });
  await writeJson(join(pub, 'schemas', 'kpis.schema.json'), kpisJsonSchema());
  await writeJson(join(pub, 'schemas', 'tariff_alerts.schema.json'), z.toJSONSchema(TariffAlertsJson));
  await writeJson(join(pub, 'schemas', 'rangliste.schema.json'), z.toJSONSchema(RanglisteJson));
  await writeJson(join(pub, 'schemas', 'manifest.schema.json'), z.toJSONSchema(Manifest));
  for (const k of KINDS)
    await writeJson(join(pub, 'schemas', `${k.schemaName}.schema.json`), z.toJSONSchema(k.json));
}

export async function publishStage(
  s: RunSetup,
  n: {
    warehouse: Warehouse;
    trust: TrustDecision;
    evaluated: EvaluatedKpi[];
    contracts: ContractResult[];
    delivered: readonly string[];
    /** This night's input files (the manifest's inputs). */
    inputs: readonly InputFile[];
  },
): Promise<Published> {
  await writeLists(s, n.warehouse, n.trust, n.delivered);
  const quarantine = await readQuarantine(
    n.warehouse.db,
    n.inputs.map((i) => i.file),
  );
  // The warehouse is closed: publishing copies its file.
  n.warehouse.db.close();
  const kpis = await writeKpis(s, n.evaluated, n.trust);
  await writeChartsAndSchemas(s, kpis, n.contracts);
  // Hashed while it is copied: the manifest lists every output's sha256, and this one is large.
  const target = join(restrictedDir(s), 'warehouse.duckdb');
  return { kpis, quarantine, hashed: new Map([[target, await copyAndHash(warehouseFile(s), target)]]) };
}
