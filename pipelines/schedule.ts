/**
 * `kpi schedule --cron "0 2 * * *" --inbox DIR --out DIR`: runs `kpi run` on a cron schedule, each run in
 * its own process (a crash cannot take the scheduler down). It never starts a run while one is running
 * (that tick is skipped and logged), logs when the next run is due, keeps going after a failed run, and
 * stops cleanly on SIGTERM or SIGINT, letting a run in progress finish.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Cron } from 'croner';
import { UserError } from './errors.ts';
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
    throw new UserError(
      `--cron "${expr}" is not a cron expression (${(e as Error).message}). Use five fields, minute hour day month weekday, e.g. "0 2 * * *" for 02:00 every night.`,
    );
  }
}

export async function schedule(opts: ScheduleOptions): Promise<void> {
  const cron = parseCron(opts.cron);
  const log = (event: string, data: Record<string, unknown> = {}, message?: string) =>
    opts.reporter.event({ stage: 'schedule', event, ...data, ...(message ? { message } : {}) });
  let running: Promise<number | null> | undefined;
  let runs = 0;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const startRun = () => {
    runs++;
    const n = runs;
    log('run_started', { run: n }, `run ${n} started`);
    const t0 = Date.now();
    const child = spawn(process.execPath, [BIN, 'run', ...opts.runArgs], {
      env: opts.env ?? process.env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    running = new Promise((resolve) => {
      child.on('exit', (code) => {
        const seconds = (Date.now() - t0) / 1000;
        if (code === 0)
          log(
            'run_finished',
            { run: n, exitCode: code, seconds },
            `run ${n} published in ${seconds.toFixed(1)} s`,
          );
        else if (code === 3)
          log(
            'run_held_back',
            { run: n, exitCode: code, seconds },
            `run ${n} published in ${seconds.toFixed(1)} s, with KPIs held back at their previous values (see its manifest)`,
          );
        else
          log(
            'run_failed',
            { run: n, exitCode: code, seconds },
            `run ${n} failed (exit ${code}); the previous outputs are untouched, the schedule goes on`,
          );
        running = undefined;
        resolve(code);
      });
      child.on('error', (e) => {
        log('run_failed', { run: n, error: e.message }, `run ${n} could not start: ${e.message}`);
        running = undefined;
        resolve(null);
      });
    });
  };

  const planNext = () => {
    if (stopped) return;
    const next = cron.nextRun();
    if (!next) {
      log('no_more_runs', {}, 'the cron expression has no future runs');
      return;
    }
    log('next_run', { next: next.toISOString() }, `next run ${next.toISOString()}`);
    timer = setTimeout(tick, Math.max(0, next.getTime() - Date.now()));
  };

  const tick = () => {
    if (running) log('tick_skipped', {}, 'a run is still going on; this tick is skipped');
    else startRun();
    planNext();
  };

  log('started', { cron: opts.cron }, `scheduler started: "${opts.cron}"`);
  planNext();
  await new Promise<void>((resolve) => {
    const stop = async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (running) {
        log('stopping', {}, 'stopping: waiting for the run in progress to finish');
        await running;
      }
      log('stopped', { runs }, 'scheduler stopped');
      resolve();
    };
    if (opts.signal?.aborted) void stop();
    else opts.signal?.addEventListener('abort', () => void stop(), { once: true });
  });
}
