/** Discovery: which files an extract's folder delivers, and in which order they are loaded. */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Code-point order, the same on every platform and locale. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Every file of an extract's folder, its sub-folders included, as paths relative to the folder with
 * `/`. Hidden files and folders, and Office's `~$` lock files, are not deliveries.
 */
export async function listDelivered(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const d of await readdir(dir, { withFileTypes: true })) {
    if (d.name.startsWith('.') || d.name.startsWith('~$')) continue;
    if (d.isDirectory()) out.push(...(await listDelivered(join(dir, d.name), `${prefix}${d.name}/`)));
    else if (d.isFile()) out.push(`${prefix}${d.name}`);
  }
  return out;
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
