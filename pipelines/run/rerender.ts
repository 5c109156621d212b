/**
 * `kpi report` (docs/commands.md): the reports rendered again from the published run, faithfully. The
 * run stored the configuration it used (config.json beside manifest.json); the reports are rendered
 * from it, never from the defaults, so a contract's calendar, cap and amounts in the text are the
 * run's. A `--config` given is used only when its contracts are the run's (or with `--force`), and the
 * command says which configuration it used. Every file it rewrites keeps the run's modes, and the
 * manifest's outputs get their new sha256 (the PDFs listed too).
 */
import { copyFile, readFile, realpath, rename, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Manifest } from '../../schemas/outputs.ts';
import { type Config, configHash, parseConfig } from '../config.ts';
import { RunError, UserError } from '../errors.ts';
import { t } from '../i18n/index.ts';
import { sha256File } from '../ingest/sniff.ts';
import { lockDown, PUBLIC_ACCESS, restrictedAccess } from '../publish/access.ts';
import { CONFIG_FILE } from './manifest.ts';

/** The configuration the published run in `out` stored, or undefined for a run from before it did. */
export async function storedConfig(out: string): Promise<Config | undefined> {
  const text = await readFile(join(out, 'current', CONFIG_FILE), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : parseConfig(JSON.parse(text), join(out, 'current', CONFIG_FILE));
}

/** Which configuration the reports are rendered with, and the line that says so. */
export async function reportConfig(
  out: string,
  given: { config: Config; file: string } | undefined,
  force: boolean,
): Promise<{ config: Config; said: string }> {
  const stored = await storedConfig(out);
  if (!stored) {
    if (!given) return { config: parseConfig({}), said: t('rerender.noneStored') };
    return { config: given.config, said: t('rerender.given', { file: given.file }) };
  }
  if (!given) return { config: stored, said: t('rerender.stored', { hash: configHash(stored) }) };
  const same = JSON.stringify(given.config.contracts) === JSON.stringify(stored.contracts);
  if (!same && !force) throw new UserError(t('rerender.contractsDiffer', { file: given.file }));
  return {
    config: given.config,
    said: t(same ? 'rerender.given' : 'rerender.givenForced', { file: given.file }),
  };
}

/**
 * After `kpi report` rewrote `files` (absolute paths in the published run): each gets the mode of its
 * side (public/ for all, restricted/ the owner's or the group's), and the run's manifest, and its copy
 * at the top of `out`, list each with its new sha256 and size.
 */
export async function recordRewritten(out: string, files: string[], config: Config): Promise<void> {
  const runDir = await realpath(join(out, 'current'));
  const restricted = restrictedAccess(config.restrictedGroup);
  const manifestPath = join(runDir, 'manifest.json');
  let manifest: Manifest;
  try {
    manifest = Manifest.parse(JSON.parse(await readFile(manifestPath, 'utf8')));
  } catch {
    throw new RunError(t('report.nothingPublished', { out }));
  }
  for (const file of files) {
    const real = await realpath(file);
    const path = relative(runDir, real).split('\\').join('/');
    await lockDown(real, path.startsWith('restricted/') ? restricted : PUBLIC_ACCESS);
    const entry = { path, sha256: await sha256File(real), bytes: (await stat(real)).size };
    const at = manifest.outputs.findIndex((o) => o.path === path);
    if (at >= 0) manifest.outputs[at] = entry;
    else manifest.outputs.push(entry);
  }
  manifest.outputs.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // Written beside and renamed into place, as the run writes it; the top-level copy likewise.
  const tmp = join(runDir, '.manifest.json.tmp');
  await writeFile(tmp, `${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  await lockDown(tmp, PUBLIC_ACCESS);
  await rename(tmp, manifestPath);
  const top = join(out, '.manifest.report.tmp');
  await copyFile(manifestPath, top);
  await lockDown(top, PUBLIC_ACCESS);
  await rename(top, join(out, 'manifest.json'));
}
