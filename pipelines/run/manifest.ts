/**
 * The run's manifest (docs/outputs.md): what went in (every input file, row counts that add up), what
 * came out (every output with its sha256), what was held back and warned about, and each stage's time.
 */
import { stat } from 'node:fs/promises';
import { relative } from 'node:path';
import { Manifest, SCHEMA_VERSION } from '../../schemas/outputs.ts';
import { configHash } from '../config.ts';
import { maskCprs } from '../core/mask.ts';
import { keyFingerprint } from '../core/pseudonym.ts';
import { t } from '../i18n/index.ts';
import { sha256File } from '../ingest/sniff.ts';
import type { RunContext } from './context.ts';
import { listFiles } from './files.ts';
import { codeVersion } from './runtime.ts';

const stamp = (d: Date) => d.toISOString().replace(/\.\d+Z$/, 'Z');

export async function buildManifest(ctx: RunContext): Promise<Manifest> {
  const staging = ctx.paths.staging;
  const outputs = [];
  for (const f of await listFiles(staging)) {
    outputs.push({
      path: relative(staging, f).split('\\').join('/'),
      sha256: ctx.hashed.get(f) ?? (await sha256File(f)),
      bytes: (await stat(f)).size,
    });
  }
  const { inputs } = ctx.ingest;
  const totals = inputs.reduce(
    (s, i) => ({
      rowsRead: s.rowsRead + i.rowsRead,
      rowsLoaded: s.rowsLoaded + i.rowsLoaded,
      rowsRejected: s.rowsRejected + i.rowsRejected,
      rowsSkipped: s.rowsSkipped + i.rowsSkipped,
    }),
    { rowsRead: 0, rowsLoaded: 0, rowsRejected: 0, rowsSkipped: 0 },
  );
  const accounted = inputs.every((i) => i.rowsRead === i.rowsLoaded + i.rowsRejected + i.rowsSkipped);
  const { code, name, assumed } = ctx.municipality;
  return Manifest.parse({
    schemaVersion: SCHEMA_VERSION,
    runId: ctx.runId,
    asOf: ctx.opts.asOf,
    startedAt: stamp(ctx.startedAt),
    finishedAt: stamp(ctx.opts.now()),
    codeVersion: await codeVersion(),
    configHash: configHash(ctx.config),
    keyFingerprint: keyFingerprint(ctx.opts.key),
    municipality: { code, name, assumed },
    inputs,
    totals,
    checks: [
      {
        name: 'rows_accounted',
        ok: accounted,
        detail: t('run.rowsAccounted', {
          read: totals.rowsRead,
          loaded: totals.rowsLoaded,
          rejected: totals.rowsRejected,
          skipped: totals.rowsSkipped,
        }),
      },
    ],
    warnings: ctx.warnings.map((w) => ({ ...w, message: maskCprs(w.message) })),
    heldBack: ctx.holds,
    volumes: ctx.volumes,
    overrides: ctx.overrides,
    stages: ctx.timings,
    outputs,
  });
}
