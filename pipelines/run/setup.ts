/**
 * A run's setup (context.ts RunSetup): its folders (raw values live in the work and spill folders while
 * it lasts: the owner's only), what the last run published, the kept warehouse, and what it will
 * publish (artifacts.ts).
 */

import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { publishedMunicipalities } from '../../schemas/config.ts';
import type { Warning } from '../../schemas/outputs.ts';
import { kpiDefinitions, municipalityOf } from '../config.ts';
import { asOfDate } from '../core/asOf.ts';
import { keyFingerprint } from '../core/pseudonym.ts';
import { extractSpecs } from '../extracts/own.ts';
import type { HoldableKind } from '../guard/trust.ts';
import { t } from '../i18n/index.ts';
import { type Access, privateDir } from '../publish/access.ts';
import { removeUnpublished } from '../publish/atomic.ts';
import { LISTS } from '../publish/lists.ts';
import { declareArtifacts } from './artifacts.ts';
import { CACHE_FILE, cacheIdentity, startFromCache } from './cache.ts';
import type { Previous, RunOptions, RunSetup } from './context.ts';
import { readPrevious, readPreviousManifest } from './files.ts';
import { comparablePrevious } from './previous.ts';
import { codeVersion, duckdbTempDir } from './runtime.ts';

/** What the publication in --out holds, for comparison, carry-over and a first run's words. */
export async function previousPublication(out: string): Promise<Previous> {
  const kpis = await readPrevious(out);
  const manifest = await readPreviousManifest(out);
  const lists = new Set(await readdir(join(out, 'public')).catch(() => [] as string[]));
  const contracts = new Set(await readdir(join(out, 'restricted', 'contracts')).catch(() => [] as string[]));
  const has = (kind: HoldableKind, id: string) =>
    kind === 'kpi'
      ? (kpis?.kpis.some((k) => k.id === id && k.series.length > 0) ?? false)
      : kind === 'list'
        ? lists.has(LISTS.find((l) => l.id === id)?.file ?? '')
        : contracts.has(`${id}.json`);
  return { kpis, manifest, has };
}

export async function prepareRun(
  opts: RunSetup['opts'],
  at: { runId: string; startedAt: Date; out: string; inbox: string; work: string; staging: string },
  access: Access,
  warnings: Warning[],
): Promise<RunSetup> {
  const { out, work, staging } = at;
  await removeUnpublished(out);
  await privateDir(join(out, '.work'), access);
  await privateDir(work, access);
  await privateDir(duckdbTempDir(work, opts.config), access);
  await mkdir(join(staging, 'public'), { recursive: true });
  await privateDir(join(staging, 'restricted'), access);
  // Another municipality's publication stops the run here (exit 2), before anything is built.
  const compared = comparablePrevious(await previousPublication(out), {
    config: opts.config,
    inbox: at.inbox,
    out,
  });
  const previous = compared.previous;
  warnings.push(...compared.warnings);
  const defs = kpiDefinitions(opts.config);
  const selected = opts.select ? defs.filter((d) => opts.select!.includes(d.id)) : defs;
  const identity = cacheIdentity(
    keyFingerprint(opts.key),
    await codeVersion(),
    opts.config.extracts,
    publishedMunicipalities(opts.config),
  );
  // An earlier version kept a separate ingest cache; the kept warehouse replaces it.
  await rm(join(out, '.cache', 'ingest.duckdb'), { force: true });
  if (!opts.config.incremental) await rm(join(out, CACHE_FILE), { force: true });
  const fromCache = opts.config.incremental && (await startFromCache(out, work, identity));
  const fingerprint = previous.manifest?.keyFingerprint;
  if (fingerprint && fingerprint !== keyFingerprint(opts.key))
    warnings.push({ code: 'key_rotated', message: t('warn.keyRotated') });
  return {
    opts,
    config: opts.config,
    reporter: opts.reporter,
    asOf: asOfDate(opts.asOf),
    runId: at.runId,
    startedAt: at.startedAt,
    municipality: municipalityOf(opts.config),
    paths: { out, inbox: at.inbox, work, staging },
    access,
    defs,
    selected,
    extracts: extractSpecs(opts.config.extracts),
    artifacts: declareArtifacts(opts.config, defs, opts.select),
    previous,
    fromCache,
    cacheIdentity: identity,
    warnings,
  };
}

export type { RunOptions };
