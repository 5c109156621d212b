/**
 * The reports: every notebook rendered from the files just written (public reports see only the
 * published tables), then the manifest, which lists them all.
 */
import { t } from '../../i18n/index.ts';
import { pdfTargets, renderNotebooks } from '../../report/notebook.ts';
import { printPdfs } from '../../report/pdf.ts';
import type { Stage } from '../context.ts';
import { buildManifest } from '../manifest.ts';

export const reportStage: Stage = {
  name: 'report',
  async run(ctx) {
    const reportCtx = {
      kpis: ctx.kpis,
      municipalityName: ctx.municipality.name,
      heldBack: ctx.holds,
      publicDir: ctx.publicDir,
      restrictedDir: ctx.restrictedDir,
      workDir: ctx.paths.work,
      themes: ctx.config.themes,
      contracts: ctx.config.contracts,
    };
    const rendered = await renderNotebooks(reportCtx, ctx.config.notebooks);
    if (ctx.config.report.pdf) {
      // Without Chromium the figures are still published; the PDFs are missing, and the run says so.
      if (ctx.opts.chromium)
        await printPdfs(pdfTargets(reportCtx, rendered), ctx.opts.chromium, {
          municipality: ctx.municipality.name,
          asOf: ctx.opts.asOf,
        });
      else ctx.warnings.push({ code: 'pdf_unavailable', message: t('pdf.noChromiumWarning') });
    }
    ctx.manifest = await buildManifest(ctx);
  },
};
