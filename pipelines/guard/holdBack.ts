/**
 * Hold-back (docs/privacy-and-reliability.md): a rejected input never silently changes a published figure.
 * When a file is rejected whole, or an extract's rows for a month fall beyond the tolerance, every KPI
 * and contract that reads that extract keeps its previous published entry, marked `heldBack`;
 * everything else is published as usual, and the run exits 3.
 */
import type { HeldBack, InputFile, Manifest } from '../../schemas/outputs.ts';
import { maskCprs } from '../core/mask.ts';
import { num, t } from '../i18n/index.ts';
import type { VolumeDrop } from './volumes.ts';

/** An extract whose input can no longer be trusted this run, and why. */
export interface Suspect {
  extract: string;
  reason: string;
  files: string[];
}

export type HoldBack = Manifest['heldBack'][number];

/** Files rejected whole, and months that shrank, per extract. */
export function findSuspects(
  inputs: readonly InputFile[],
  drops: readonly VolumeDrop[],
  delivered: readonly string[],
  tolerance: number,
): Suspect[] {
  const suspects: Suspect[] = [];
  for (const f of inputs.filter((i) => i.status === 'rejected')) {
    suspects.push({
      extract: f.extract,
      files: [f.file],
      reason: t('hold.rejected', { file: f.file, message: maskCprs(f.message ?? t('hold.unreadable')) }),
    });
  }
  const byExtract = new Map<string, VolumeDrop[]>();
  for (const d of drops) byExtract.set(d.extract, [...(byExtract.get(d.extract) ?? []), d]);
  for (const [extract, drops] of byExtract) {
    // A rejected file shrinks its extract too; the rejection is the reason to tell.
    if (suspects.some((s) => s.extract === extract)) continue;
    if (!delivered.includes(extract)) {
      suspects.push({
        extract,
        files: [`${extract}/`],
        reason: t('hold.folderMissing', { extract, n: num(drops.reduce((s, d) => s + d.previous, 0)) }),
      });
      continue;
    }
    const shown = drops.slice(0, 3).map((d) =>
      t('hold.month', {
        month: d.month === 'all' ? t('hold.allRows') : d.month,
        current: num(d.current),
        previous: num(d.previous),
      }),
    );
    suspects.push({
      extract,
      files: [`${extract}/`],
      reason: t('hold.shrank', {
        extract,
        pct: Math.round(tolerance * 100),
        months: shown.join('; '),
        more: drops.length > 3 ? t('hold.moreMonths', { n: drops.length - 3 }) : '',
      }),
    });
  }
  return suspects;
}

/** What reads which extracts: a KPI's `extracts`, a contract kind's (contracts/evaluate.ts). */
export interface Reader {
  kind: 'kpi' | 'contract';
  id: string;
  extracts: readonly string[];
}

/** The readers to hold back: those that read an extract with a suspect input. */
export function decideHoldBacks(readers: readonly Reader[], suspects: readonly Suspect[]): HoldBack[] {
  const out: HoldBack[] = [];
  for (const r of readers) {
    const mine = suspects.filter((s) => (r.extracts as readonly string[]).includes(s.extract));
    if (mine.length === 0) continue;
    out.push({
      kind: r.kind,
      id: r.id,
      reason: mine.map((s) => s.reason).join(' '),
      files: [...new Set(mine.flatMap((s) => s.files))],
    });
  }
  return out;
}

export function heldBackOf(h: HoldBack): HeldBack {
  return { reason: h.reason, files: h.files };
}
