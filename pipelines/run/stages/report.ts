/**
 * The reports: every notebook rendered from the files just written (public reports see only the
 * published tables), then the manifest, which lists them all.
 */
import { renderNotebooks } from '../../report/notebook.ts';
import type { Stage } from '../context.ts';
import { buildManifest } from '../manifest.ts';

export const reportStage: Stage = {
  name: 'report',
  async run(ctx) {
    await renderNotebooks(
      {
        kpis: ctx.kpis,
        municipalityName: ctx.municipality.name,
        heldBack: ctx.holds,
        publicDir: ctx.publicDir,
        restrictedDir: ctx.restrictedDir,
        workDir: ctx.paths.work,
        themes: ctx.config.themes,
        contracts: ctx.config.contracts,
      },
      ctx.config.notebooks,
    );
    ctx.manifest = await buildManifest(ctx);
  },
};
