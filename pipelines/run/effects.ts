/**
 * Test effects: the points where the reliability tests (test/reliability.test.ts) stop or break a
 * run. They are passed in with the run's options; only the command line reads them from its
 * environment (KPI_FAULT_PAUSE, KPI_FAULT_PAUSE_MS, KPI_FAULT_FAIL), so a library caller never meets
 * them by accident.
 */
import { t } from '../i18n/index.ts';
import type { Reporter } from '../log.ts';

export interface RunEffects {
  /** The stage that fails, as a full disk or a broken file system would. */
  failAt?: string;
  /** The stage the run announces itself at and waits, so a test can kill -9 it there. */
  pauseAt?: string;
  pauseMs?: number;
}

export function effectsFromEnv(env: NodeJS.ProcessEnv): RunEffects {
  return {
    ...(env.KPI_FAULT_FAIL ? { failAt: env.KPI_FAULT_FAIL } : {}),
    ...(env.KPI_FAULT_PAUSE ? { pauseAt: env.KPI_FAULT_PAUSE } : {}),
    ...(env.KPI_FAULT_PAUSE_MS ? { pauseMs: Number(env.KPI_FAULT_PAUSE_MS) } : {}),
  };
}

/** At the start of `stage` (or before the switch): fail or pause there when a test asked for it. */
export async function atStage(effects: RunEffects, stage: string, reporter: Reporter): Promise<void> {
  if (effects.failAt === stage) throw new Error(`KPI_FAULT_FAIL: ${stage} failed on purpose`);
  if (effects.pauseAt !== stage) return;
  reporter.event({ stage, event: 'paused', pid: process.pid, message: t('run.paused', { stage }) });
  await new Promise((r) => setTimeout(r, effects.pauseMs ?? 60_000));
}
