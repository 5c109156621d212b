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
import { publicDir, type RunSetup, restrictedDir } from '../context.ts';
import { buildManifest, CONFIG_FILE } from '../manifest.ts';
import type { Ingested } from './ingest.ts';
import type { Published } from './publish.ts';
import type { Warehouse } from './warehouse.ts';

export async function reportStage(
  s: RunSetup,
  n: { ingested: Ingested; warehouse: Warehouse; trust: TrustDecision; published: Published },
): Promise<Manifest> {
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
  return buildManifest(s, {
    inputs: n.ingested.result.inputs,
    heldBack: holds,
    volumes: n.trust.volumes,
    overrides: n.warehouse.overrides,
    hashed: n.published.hashed,
  });
}
