/** Discovery: which files an extract's folder delivers, and in which order they are loaded. */
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Warning } from '../../schemas/outputs.ts';
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
 * The inbox's folders, by extract name, and the warnings for what else is there: unknown folders,
 * files outside a folder, links and other entries that are not read.
 */
export async function inboxFolders(
  inbox: string,
  names: string[],
): Promise<{ folders: Set<string>; warnings: Warning[] }> {
  const warnings: Warning[] = [];
  let entries: Dirent[];
  try {
    entries = await readdir(inbox, { withFileTypes: true });
  } catch {
    return {
      folders: new Set(),
      warnings: [{ code: 'inbox_missing', message: t('ingest.inboxMissing', { inbox }) }],
    };
  }
  const folders = new Set<string>();
  for (const entry of entries.sort((a, b) => compareNames(a.name, b.name))) {
    if (entry.name.startsWith('.')) continue;
    if (irregular(entry)) warnings.push(irregularWarning(entry.name));
    else if (names.includes(entry.name) && entry.isDirectory()) folders.add(entry.name);
    else if (entry.isDirectory())
      warnings.push({
        code: 'unknown_folder',
        message: t('ingest.unknownFolder', { name: entry.name, known: names.join(', ') }),
      });
    else if (!names.includes(entry.name))
      warnings.push({ code: 'unplaced_file', message: t('ingest.unplacedFile', { name: entry.name }) });
  }
  return { folders, warnings };
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
