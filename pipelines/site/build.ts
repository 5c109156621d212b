/**
 * Both sites, written into the run's staging folder by the report stage, so they are published by the
 * same atomic switch as every other output (docs/outputs.md): public/site/ from the published figures,
 * restricted/site/ from the manifest, the quarantine and the run history.
 */
import { join } from 'node:path';
import { type HistoryEntry, historyEntry, withEntry } from './history.ts';
import type { SiteInput } from './model.ts';
import { writePublicSite } from './publicSite.ts';
import { type QuarantineFile, rejectsByExtract, writeRestrictedSite } from './restrictedSite.ts';

export interface SiteBuild {
  /** Rejected rows per extract and rule: this night's entry in the history. */
  rejects: HistoryEntry['rejects'];
}

export async function writeSites(
  dirs: { public: string; restricted: string },
  input: Omit<SiteInput, 'history'> & { history: HistoryEntry[]; historyRuns: number },
  /** This night's quarantine, read from the warehouse (restrictedSite.ts readQuarantine). */
  quarantine: QuarantineFile[],
): Promise<SiteBuild> {
  const rejects = rejectsByExtract(quarantine);
  const tonight = historyEntry(input.manifest, rejects);
  // The history as it will read once this night is published: the kept nights and this one.
  const history = withEntry(input.history, tonight, input.historyRuns);
  const full: SiteInput = { ...input, history };
  await writePublicSite(join(dirs.public, 'site'), full);
  await writeRestrictedSite(
    join(dirs.restricted, 'site'),
    dirs.restricted,
    full,
    quarantine,
    tonight.exitCode,
  );
  return { rejects };
}
