/**
 * The run's manifest (docs/outputs.md): what went in (every input file, row counts that add up), what
 * came out (every output with its sha256), what was held back and warned about, and each stage's time.
 */

import { stat } from 'node:fs/promises';
import { relative } from 'node:path';
import { type InputFile, Manifest, SCHEMA_VERSION } from '../../schemas/outputs.ts';
import { configHash } from '../config.ts';
import { maskCprs } from '../core/mask.ts';
import { keyFingerprint } from '../core/pseudonym.ts';
import type { Override } from '../guard/overrides.ts';
import type { Volumes } from '../guard/volumes.ts';
import { t } from '../i18n/index.ts';
import { sha256File } from '../ingest/sniff.ts';
import type { RunSetup } from './context.ts';
import { listFiles } from './files.ts';
import { comparedWith } from './previous.ts';
import { codeVersion } from './runtime.ts';

const stamp = (d: Date) => d.toISOString().replace(/\.\d+Z$/, 'Z');

/** The configuration a run used, stored beside its manifest. */
export const CONFIG_FILE = 'config.json';

export async function buildManifest(
  s: RunSetup,
  n: {
    inputs: InputFile[];
    heldBack: Manifest['heldBack'];
    volumes: Volumes;
    overrides: Override[];
    hashed: Map<string, string>;
  },
  /** False for the draft the sites are built from, before they are among the outputs. */
  listOutputs = true,
): Promise<Manifest> {
  const staging = s.paths.staging;
  const outputs = [];
  for (const f of listOutputs ? await listFiles(staging) : []) {
    outputs.push({
      path: relative(staging, f).split('\\').join('/'),
      sha256: n.hashed.get(f) ?? (await sha256File(f)),
      bytes: (await stat(f)).size,
    });
  }
  const { inputs } = n;
  const totals = inputs.reduce(
    (t, i) => ({
      rowsRead: t.rowsRead + i.rowsRead,
      rowsLoaded: t.rowsLoaded + i.rowsLoaded,
      rowsRejected: t.rowsRejected + i.rowsRejected,
      rowsSkipped: t.rowsSkipped + i.rowsSkipped,
    }),
    { rowsRead: 0, rowsLoaded: 0, rowsRejected: 0, rowsSkipped: 0 },
  );
  const accounted = inputs.every((i) => i.rowsRead === i.rowsLoaded + i.rowsRejected + i.rowsSkipped);
  const { code, name, assumed } = s.municipality;
  return Manifest.parse({
    schemaVersion: SCHEMA_VERSION,
    runId: s.runId,
    asOf: s.asOf.date,
    startedAt: stamp(s.startedAt),
    finishedAt: stamp(s.opts.now()),
    codeVersion: await codeVersion(),
    configHash: configHash(s.config),
    keyFingerprint: keyFingerprint(s.opts.key),
    municipality: { code, name, assumed },
    ...(s.config.municipalities ? { municipalities: s.config.municipalities } : {}),
    inbox: s.paths.inbox,
    comparedWith: comparedWith(s.previous),
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
    warnings: s.warnings.map((w) => ({ ...w, message: maskCprs(w.message) })),
    heldBack: n.heldBack,
    volumes: n.volumes,
    overrides: n.overrides,
    // The last stage's time is known only once it has returned: run.ts sets it then.
    stages: [],
    outputs,
  });
}
