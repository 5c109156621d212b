/** Discovery: which files an extract's folder delivers, and in which order they are loaded. */
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Warning } from '../../schemas/outputs.ts';
import { closest, foldHeader } from '../core/fold.ts';
import { maskCprs } from '../core/mask.ts';
import { t } from '../i18n/index.ts';

/** Code-point order, the same on every platform and locale. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** An entry of the inbox that is no regular file or folder: a link, a FIFO, a socket or a device. */
function irregular(d: Dirent): boolean {
  return !d.isFile() && !d.isDirectory();
}

/**
 * Every file of an extract's folder, its sub-folders included, as paths relative to the folder with
 * `/`. Hidden files and folders, and Office's `~$` lock files, are not deliveries. A symbolic link, a
 * FIFO or any other entry that is no regular file is never read (a link could point anywhere, a FIFO
 * would block the night): it is listed in `ignored`, for a warning.
 */
export async function listDelivered(
  dir: string,
  prefix = '',
): Promise<{ files: string[]; ignored: string[] }> {
  const files: string[] = [];
  const ignored: string[] = [];
  for (const d of await readdir(dir, { withFileTypes: true })) {
    if (d.name.startsWith('.') || d.name.startsWith('~$')) continue;
    if (d.isDirectory()) {
      const sub = await listDelivered(join(dir, d.name), `${prefix}${d.name}/`);
      files.push(...sub.files);
      ignored.push(...sub.ignored);
    } else if (d.isFile()) files.push(`${prefix}${d.name}`);
    else if (irregular(d)) ignored.push(`${prefix}${d.name}`);
  }
  return { files, ignored };
}

/** The warning for an inbox entry that is not read because it is no regular file or folder. */
export function irregularWarning(rel: string): Warning {
  return { code: 'not_regular_file', message: t('ingest.notRegular', { name: maskCprs(rel) }) };
}

/**
 * The folder of each extract, and the warnings for what else is there: unknown folders (with a "did you
 * mean"), files outside a folder, links and other entries that are not read. Folder names fold like
 * headers (core/fold.ts: case, æøå, punctuation), so `Tariffs/` is the tariffs folder; when two
 * folders fold to the same extract, the one spelt exactly is read and the other is named in a warning.
 */
export async function inboxFolders(
  inbox: string,
  names: string[],
): Promise<{ folders: Map<string, string>; warnings: Warning[] }> {
  const warnings: Warning[] = [];
  let entries: Dirent[];
  try {
    entries = await readdir(inbox, { withFileTypes: true });
  } catch {
    return {
      folders: new Map(),
      warnings: [{ code: 'inbox_missing', message: t('ingest.inboxMissing', { inbox }) }],
    };
  }
  const folders = new Map<string, string>();
  // Exactly spelt folders first, so that they win over a folded twin.
  const exactFirst = (a: Dirent, b: Dirent) =>
    Number(!names.includes(a.name)) - Number(!names.includes(b.name)) || compareNames(a.name, b.name);
  for (const entry of entries.sort(exactFirst)) {
    if (entry.name.startsWith('.')) continue;
    const extract = names.find((n) => foldHeader(n) === foldHeader(entry.name));
    if (irregular(entry)) warnings.push(irregularWarning(entry.name));
    else if (entry.isDirectory() && extract && !folders.has(extract)) folders.set(extract, entry.name);
    else if (entry.isDirectory())
      warnings.push(unknownFolder(entry.name, names, extract && folders.get(extract)));
    else if (!names.includes(entry.name))
      warnings.push({ code: 'unplaced_file', message: t('ingest.unplacedFile', { name: entry.name }) });
  }
  return { folders, warnings };
}

/** The warning for a folder that is not read: unknown (with a "did you mean"), or a folded twin. */
function unknownFolder(name: string, names: string[], twinOf: string | undefined): Warning {
  if (twinOf) return { code: 'unknown_folder', message: t('ingest.twinFolder', { name, read: twinOf }) };
  const like = closest(name, names, foldHeader, 3);
  return {
    code: 'unknown_folder',
    message:
      t('ingest.unknownFolder', { name, known: names.join(', ') }) +
      (like ? t('cli.didYouMean', { suggestion: `inbox/${like}/` }) : ''),
  };
}

/** A correction file names itself so (docs/inbox.md; the Danish and English words). */
export const CORRECTION_NAME = /rettelse|korrektion|correction/i;

/**
 * The order in which files are loaded; where two rows share a key, the row of the later file wins.
 * Correction files come after every regular file, whatever their names: `eindkomst_2026-10_rettelse.csv`
 * must beat `eindkomst_2026.csv`, which sorts after it by name. Otherwise by path relative to the
 * extract's folder, so a later delivery (a later name) wins.
 */
export function deliveryOrder(paths: string[]): string[] {
  const rank = (p: string) => (CORRECTION_NAME.test(p) ? 1 : 0);
  return [...paths].sort((a, b) => rank(a) - rank(b) || compareNames(a, b));
}
