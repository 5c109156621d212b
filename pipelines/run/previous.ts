/**
 * Never compare against someone else (docs/operations.md): a night's volumes are compared, and figures
 * carried over, only from a previous publication of the same municipality and inbox. Another
 * municipality's publication in --out stops `run` and `check` (exit 2): its figures are not ours to
 * carry, and its volumes would hold ours back as "shrunk". A publication of ours that read another inbox
 * is not compared with (a warning says so); its figures still stand until ours replace them.
 */
import { resolve } from 'node:path';
import { type Config, publishedMunicipalities } from '../../schemas/config.ts';
import type { Manifest, Warning } from '../../schemas/outputs.ts';
import { municipalityOf } from '../config.ts';
import { UserError } from '../errors.ts';
import { list, t } from '../i18n/index.ts';
import type { Previous } from './context.ts';

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

/** The previous publication as this run may compare with it; throws when it is another municipality's. */
export function comparablePrevious(
  previous: Previous,
  o: { config: Config; inbox: string; out: string },
): { previous: Previous; warnings: Warning[] } {
  const m = previous.manifest;
  if (!m?.municipality) return { previous, warnings: [] };
  const theirs = m.municipalities ?? [m.municipality.code];
  const ours = publishedMunicipalities(o.config);
  if (!sameSet(theirs, ours)) {
    const me = municipalityOf(o.config);
    throw new UserError(
      t('previous.otherMunicipality', {
        out: o.out,
        theirs: `${m.municipality.name} (${list(theirs)})`,
        ours: `${me.name} (${list(ours)})`,
        folder: ours.join('-'),
        runId: m.runId ?? '?',
        asOf: m.asOf ?? '?',
      }),
    );
  }
  if (m.inbox && resolve(m.inbox) !== resolve(o.inbox)) {
    return {
      previous: { ...previous, manifest: { ...m, volumes: undefined } },
      warnings: [
        {
          code: 'other_inbox',
          message: t('previous.otherInbox', { out: o.out, theirs: m.inbox, ours: resolve(o.inbox) }),
        },
      ],
    };
  }
  return { previous, warnings: [] };
}

/** What the manifest says this run was compared with: the previous publication, or none. */
export function comparedWith(previous: Previous): Manifest['comparedWith'] {
  const m = previous.manifest;
  if (!m?.runId || !m.asOf) return null;
  return {
    runId: m.runId,
    asOf: m.asOf,
    municipality: m.municipality ?? null,
    volumesCompared: m.volumes !== undefined,
  };
}

/** The line that names what a night was compared with: folder, municipality, run and date. */
export function comparedText(c: Manifest['comparedWith'], out: string): string {
  if (!c) return t('previous.none', { out });
  const who = c.municipality ? `${c.municipality.name} (${c.municipality.code})` : '?';
  return t(c.volumesCompared ? 'previous.compared' : 'previous.notCompared', {
    out,
    municipality: who,
    runId: c.runId,
    asOf: c.asOf,
  });
}
