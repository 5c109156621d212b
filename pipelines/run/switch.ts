/**
 * The switch (docs/privacy-and-reliability.md): the manifest is written, the privacy gate reads every
 * file, the modes are set, and the staging folder becomes the current run in one rename; old runs are
 * pruned and the warehouse is kept for the next night.
 */
import { chmod, readlink, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { Manifest } from '../../schemas/outputs.ts';
import { RunError } from '../errors.ts';
import { list, t } from '../i18n/index.ts';
import { lockDown, PUBLIC_ACCESS, privateDir } from '../publish/access.ts';
import { RUNS_DIR, runDir, switchTo } from '../publish/atomic.ts';
import { privacyGate } from '../publish/gate.ts';
import type { SiteBuild } from '../site/build.ts';
import { historyEntry, readHistory, withEntry, writeHistory } from '../site/history.ts';
import { markSuperseded } from '../site/publicSite.ts';
import { CACHE_FILE } from './cache.ts';
import { type RunSetup, warehouseFile } from './context.ts';
import { atStage } from './effects.ts';
import { writeJson } from './files.ts';

/** How many of the gate's findings its message names. */
const SHOWN_FINDINGS = 5;

/** The privacy gate (publish/gate.ts): a finding fails the run before the switch (exit 1). */
async function passGate(s: RunSetup): Promise<void> {
  const now = s.opts.now();
  const recent = new Date(now.getTime() - 31 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  const findings = await privacyGate({
    root: s.paths.staging,
    key: s.opts.key,
    allowedDates: [
      s.asOf.date,
      now.toISOString().slice(0, 10),
      ...JSON.stringify(s.config).matchAll(/\d{4}-\d{2}-\d{2}/g),
    ].map(String),
    recentFrom: recent,
  });
  if (findings.length === 0) return;
  const text = findings.slice(0, SHOWN_FINDINGS).map((f) =>
    t('gate.finding', {
      file: f.file,
      kpi: f.kpi
        ? f.file.endsWith('.duckdb')
          ? t('gate.where', { where: f.kpi })
          : t('gate.kpi', { kpi: f.kpi })
        : '',
      what: t(`gate.what.${f.kind}`),
    }),
  );
  throw new RunError(t('gate.blocked', { findings: list(text) }));
}

/**
 * Modes set explicitly, whatever the umask (docs/security.md): public/ and the run's folder 0755/0644,
 * restricted/ the owner's (or the restricted group's), and the published warehouse read-only, so a BI
 * client cannot take a write lock on it.
 */
async function setModes(s: RunSetup): Promise<void> {
  const { staging } = s.paths;
  await lockDown(join(staging, 'public'), PUBLIC_ACCESS);
  await lockDown(join(staging, 'manifest.json'), PUBLIC_ACCESS);
  await lockDown(join(staging, 'config.json'), PUBLIC_ACCESS);
  await chmod(staging, PUBLIC_ACCESS.dirMode);
  await chmod(join(s.paths.out, RUNS_DIR), PUBLIC_ACCESS.dirMode);
  await lockDown(join(staging, 'restricted'), s.access);
  await chmod(join(staging, 'restricted', 'warehouse.duckdb'), s.access.fileMode & 0o444).catch(() => {});
}

/**
 * After the switch: the night joins the run history, and the publication it replaced says so on every
 * page of its site ("erstattet af …"), so a cited dated page never passes for the latest.
 */
async function recordNight(s: RunSetup, manifest: Manifest, site: SiteBuild, replaced: string | undefined) {
  const { out } = s.paths;
  const history = withEntry(
    await readHistory(out),
    historyEntry(manifest, site.rejects),
    s.config.historyRuns,
  );
  await writeHistory(out, history, s.access.fileMode);
  if (replaced && replaced !== s.runId)
    await markSuperseded(join(runDir(out, replaced), 'public', 'site'), {
      runId: s.runId,
      asOf: s.asOf.date,
      published: manifest.finishedAt.slice(0, 10),
    }).catch(() => {});
}

/** The switch: the staging folder becomes the current run in one rename; old runs are pruned. */
export async function switchIn(s: RunSetup, manifest: Manifest, site: SiteBuild): Promise<void> {
  const { out, staging } = s.paths;
  await writeJson(join(staging, 'manifest.json'), manifest);
  await passGate(s);
  await setModes(s);
  await atStage(s.opts.effects, 'switch', s.reporter);
  const replaced = await currentRun(out);
  await rename(staging, runDir(out, s.runId));
  const pruned = await switchTo(out, s.runId, s.config.keepRuns);
  await recordNight(s, manifest, site, replaced);
  for (const h of pruned.heldOpen) {
    s.reporter.event({
      stage: 'publish',
      event: 'kept_open',
      message: t('run.keptOpen', { runId: h.runId, pids: list(h.pids.map(String)) }),
    });
  }
  if (s.config.incremental) {
    await privateDir(join(out, '.cache'), s.access);
    await rename(warehouseFile(s), join(out, CACHE_FILE));
    await lockDown(join(out, CACHE_FILE), s.access);
  }
  s.reporter.event({
    stage: 'publish',
    event: 'published',
    message: t('run.published', { runId: s.runId, out }),
  });
}

/** The run `current` points to before the switch (none on a first night). */
async function currentRun(out: string): Promise<string | undefined> {
  const target = await readlink(join(out, 'current')).catch(() => undefined);
  return target?.split('/').at(-1);
}
