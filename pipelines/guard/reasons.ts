/**
 * The words for a trust decision (trust.ts), in the user's language: each reason from its kind, so
 * "mappen mangler", "mappen er tom", "skrumpet", "afvist" and "første kørsel" each say what happened.
 */
import type { HeldBack, Manifest } from '../../schemas/outputs.ts';
import { maskCprs } from '../core/mask.ts';
import { num, t } from '../i18n/index.ts';
import type { Hold, Reason } from './trust.ts';

/** How many months of a fall are named before "and N more". */
const SHOWN_MONTHS = 3;

/** One reason in words. */
export function reasonText(r: Reason, tolerance: number): string {
  switch (r.kind) {
    case 'rejected':
      return t('hold.rejected', { file: r.files[0]!, message: maskCprs(r.message ?? t('hold.unreadable')) });
    case 'folder_missing':
      return t('hold.folderMissing', { extract: r.extract, n: num(r.previousRows ?? 0) });
    case 'folder_empty':
      return t('hold.folderEmpty', { extract: r.extract, n: num(r.previousRows ?? 0) });
    case 'shrank':
    case 'grew': {
      const drops = r.drops ?? [];
      const shown = drops.slice(0, SHOWN_MONTHS).map((d) =>
        t('hold.month', {
          month: d.month === 'all' ? t('hold.allRows') : d.month,
          current: num(d.current),
          previous: num(d.previous),
        }),
      );
      return t(r.kind === 'shrank' ? 'hold.shrank' : 'hold.grew', {
        extract: r.extract,
        pct: Math.round((r.tolerance ?? tolerance) * 100),
        months: shown.join(', '),
        more: drops.length > SHOWN_MONTHS ? t('hold.moreMonths', { n: drops.length - SHOWN_MONTHS }) : '',
      });
    }
  }
}

/** Why an artifact is held back, and what readers see instead: the previous figures, or none yet. */
export function holdText(h: Hold, tolerance: number): string {
  // Several reasons are numbered, so that each one reads as a sentence of its own.
  const texts = h.reasons.map((r) => reasonText(r, tolerance));
  const why = texts.length === 1 ? texts[0]! : texts.map((x, i) => `(${i + 1}) ${x}`).join('; ');
  return `${why}. ${t(h.carried ? 'hold.carried' : 'hold.firstRun')}`;
}

/** A hold as the published files say it (kpis.json's and a contract's `heldBack`). */
export function heldBackOf(h: Hold, tolerance: number): HeldBack {
  return { reason: holdText(h, tolerance), files: h.files };
}

/** A hold as the manifest lists it. */
export function manifestHold(h: Hold, tolerance: number): Manifest['heldBack'][number] {
  return { kind: h.kind, id: h.id, reason: holdText(h, tolerance), files: h.files, carried: h.carried };
}
