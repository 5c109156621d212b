/**
 * The reports: every notebook rendered from the files just written (public reports see only the
 * published tables), then the manifest, which lists them all.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Manifest } from '../../../schemas/outputs.ts';
import { configText } from '../../config.ts';
import { manifestHold } from '../../guard/reasons.ts';
import type { TrustDecision } from '../../guard/trust.ts';
import { t } from '../../i18n/index.ts';
import { pdfTargets, renderNotebooks } from '../../report/notebook.ts';
import { printPdfs } from '../../report/pdf.ts';
import { type SiteBuild, writeSites } from '../../site/build.ts';
import { readHistory } from '../../site/history.ts';
import { publicDir, type RunSetup, restrictedDir } from '../context.ts';
import { buildManifest, CONFIG_FILE } from '../manifest.ts';
import type { Ingested } from './ingest.ts';
import type { Published } from './publish.ts';
import type { Warehouse } from './warehouse.ts';

export interface Reported {
  manifest: Manifest;
  site: SiteBuild;
}

export async function reportStage(
  s: RunSetup,
  n: {
    ingested: Ingested;
    warehouse: Warehouse;
    trust: TrustDecision;
    published: Published;
    /** The stages' durations so far, for the restricted site's "last night". */
    stages: { name: string; seconds: number }[];
  },
): Promise<Reported> {
  const holds = n.trust.holds.map((h) => manifestHold(h, s.config.volumeDropTolerance));
  const reportCtx = {
    kpis: n.published.kpis,
    municipalityName: s.municipality.name,
    heldBack: holds,
    publicDir: publicDir(s),
    restrictedDir: restrictedDir(s),
    workDir: s.paths.work,
    themes: s.config.themes,
    contracts: s.config.contracts,
  };
  const rendered = await renderNotebooks(reportCtx, s.config.notebooks);
  if (s.config.report.pdf) {
    // Without Chromium the figures are still published; the PDFs are missing, and the run says so.
    if (s.opts.chromium)
      await printPdfs(pdfTargets(reportCtx, rendered), s.opts.chromium, {
        municipality: s.municipality.name,
        asOf: s.asOf.date,
      });
    else s.warnings.push({ code: 'pdf_unavailable', message: t('pdf.noChromiumWarning') });
  }
  // The configuration the run used, beside its manifest: `kpi report` renders from it (docs/outputs.md).
  await writeFile(join(s.paths.staging, CONFIG_FILE), configText(s.config), 'utf8');
  const facts = {
    inputs: n.ingested.result.inputs,
    heldBack: holds,
    volumes: n.trust.volumes,
    overrides: n.warehouse.overrides,
    hashed: n.published.hashed,
  };
  // The sites show the manifest's facts; the manifest then lists the sites among the outputs.
  const draft = await buildManifest(s, facts, false);
  const t0 = performance.now();
  const site = await writeSites(
    { public: publicDir(s), restricted: restrictedDir(s) },
    {
      kpis: n.published.kpis,
      previous: s.previous.kpis,
      defs: s.defs,
      manifest: { ...draft, stages: n.stages },
      municipalityName: s.municipality.name,
      reports: rendered.map((r) => ({
        name: r.name,
        title: r.title,
        audience: r.audience,
        pdf: Boolean(s.config.report.pdf && s.opts.chromium),
      })),
      contracts: s.config.contracts,
      history: await readHistory(s.paths.out),
      historyRuns: s.config.historyRuns,
      keepRuns: s.config.keepRuns,
      inbox: s.paths.inbox,
      stages: n.stages,
    },
    n.published.quarantine,
  );
  // Its own time, for npm run bench (docs/performance.md): the sites are part of the report stage.
  s.reporter.event({ stage: 'report', event: 'site', seconds: Math.round(performance.now() - t0) / 1000 });
  return { manifest: await buildManifest(s, facts), site };
}
