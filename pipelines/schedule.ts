/**
 * `kpi schedule --cron "0 2 * * *" --inbox DIR --out DIR`: runs `kpi run` on a cron schedule, each run in
 * its own process (a crash cannot take the scheduler down). It never starts a run while one is running
 * (that tick is skipped and logged), logs when the next run is due, keeps going after a failed run, and
 * stops cleanly on SIGTERM or SIGINT, letting a run in progress finish.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Cron } from 'croner';
import type { ScheduleEvent } from './core/events.ts';
import { UserError } from './errors.ts';
import { num, t } from './i18n/index.ts';
import type { Reporter } from './log.ts';

export interface ScheduleOptions {
  cron: string;
  /** Arguments for each `kpi run` (inbox, out, config, ...). */
  runArgs: string[];
  reporter: Reporter;
  env?: NodeJS.ProcessEnv;
  /** Stops the scheduler; resolves when it has stopped. Tests and the CLI's signal handlers use it. */
  signal?: AbortSignal;
}

const BIN = fileURLToPath(new URL('../bin/kpi.js', import.meta.url));

export function parseCron(expr: string): Cron {
  try {
    return new Cron(expr, { paused: true });
  } catch (e) {
    throw new UserError(t('schedule.badCron', { expr, message: (e as Error).message }));
  }
}

/** A schedule event without its stage, which is always `schedule`. */
type ScheduleEntry = ScheduleEvent extends infer E
  ? E extends ScheduleEvent
    ? Omit<E, 'stage'>
    : never
  : never;

export async function schedule(opts: ScheduleOptions): Promise<void> {
  const cron = parseCron(opts.cron);
  const log = (e: ScheduleEntry) => opts.reporter.event({ stage: 'schedule', ...e } as ScheduleEvent);
  let running: Promise<number | null> | undefined;
  let runs = 0;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const startRun = () => {
    runs++;
    const n = runs;
    log({ event: 'run_started', run: n, message: t('schedule.runStarted', { n }) });
    const t0 = Date.now();
    const child = spawn(process.execPath, [BIN, 'run', ...opts.runArgs], {
      env: opts.env ?? process.env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    running = new Promise((resolve) => {
      child.on('exit', (code) => {
        const seconds = (Date.now() - t0) / 1000;
        if (code === 0)
          log({
            event: 'run_finished',
            run: n,
            exitCode: code,
            seconds,
            message: t('schedule.runFinished', { n, seconds: num(seconds, 1) }),
          });
        else if (code === 3)
          log({
            event: 'run_held_back',
            run: n,
            exitCode: code,
            seconds,
            message: t('schedule.runHeldBack', { n, seconds: num(seconds, 1) }),
          });
        else
          log({
            event: 'run_failed',
            run: n,
            exitCode: code,
            seconds,
            message: t('schedule.runFailed', { n, code: String(code) }),
          });
        running = undefined;
        resolve(code);
      });
      child.on('error', (e) => {
        log({
          event: 'run_failed',
          run: n,
          error: e.message,
          message: t('schedule.cannotStart', { n, message: e.message }),
        });
        running = undefined;
        resolve(null);
      });
    });
  };

  const planNext = () => {
    if (stopped) return;
    const next = cron.nextRun();
    if (!next) {
      log({ event: 'no_more_runs', message: t('schedule.noMoreRuns') });
      return;
    }
    log({
      event: 'next_run',
      next: next.toISOString(),
      message: t('schedule.nextRun', { next: next.toISOString() }),
    });
    timer = setTimeout(tick, Math.max(0, next.getTime() - Date.now()));
  };

  const tick = () => {
    if (running) log({ event: 'tick_skipped', message: t('schedule.tickSkipped') });
    else startRun();
    planNext();
  };

  log({ event: 'started', cron: opts.cron, message: t('schedule.started', { cron: opts.cron }) });
  planNext();
  await new Promise<void>((resolve) => {
    const stop = async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (running) {
        log({ event: 'stopping', message: t('schedule.stopping') });
        await running;
      }
      log({ event: 'stopped', runs, message: t('schedule.stopped') });
      resolve();
    };
    if (opts.signal?.aborted) void stop();
    else opts.signal?.addEventListener('abort', () => void stop(), { once: true });
  });
}
