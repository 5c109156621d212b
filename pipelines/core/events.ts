/**
 * What the library says while it works (docs/operations.md): typed events, handed to a Reporter. The
 * library never prints; the command line's reporter (log.ts) turns them into terminal lines or JSON
 * lines. Every event has its stage, and a message in the user's language when a person should read it.
 */
import type { InputFile } from '../../schemas/outputs.ts';

/** Every event: its stage, what happened, a message for people, and the run it belongs to (if any). */
type At<E extends string, Fields = object> = {
  stage: string;
  event: E;
  message?: string;
  runId?: string;
} & Fields;

export type RunEvent =
  | At<'start'>
  | At<'done', { seconds: number }>
  | At<'paused', { pid: number }>
  | At<'cache'>
  | At<
      'file',
      {
        file: string;
        status: InputFile['status'];
        rowsRead: number;
        rowsLoaded: number;
        rowsRejected: number;
      }
    >
  | At<'worker', { maxRssMiB: number; startSeconds: number }>
  | At<'site', { seconds: number }>
  | At<'charts', { drawn: number; kept: number }>
  | At<'mart'>
  | At<'kpi', { kpi: string }>
  | At<'contract', { contract: string }>
  | At<'held'>
  | At<'kept_open'>
  | At<'published'>
  | At<'error'>
  | At<'warning'>;

export type ScheduleEvent =
  | At<'started', { cron: string }>
  | At<'next_run', { next: string }>
  | At<'run_started', { run: number }>
  | At<'run_finished' | 'run_held_back', { run: number; exitCode: number; seconds: number }>
  | At<'run_failed', { run: number; exitCode?: number | null; seconds?: number; error?: string }>
  | At<'no_more_runs' | 'tick_skipped' | 'stopping'>
  | At<'stopped', { runs: number }>;

export type LogEvent = RunEvent | ScheduleEvent;

export interface Reporter {
  event(e: LogEvent): void;
}

/** A reporter that stamps every event with the run it belongs to, and hands it on. */
export function forRun(reporter: Reporter, runId: string): Reporter {
  return { event: (e) => reporter.event({ ...e, runId }) };
}

export const silentReporter: Reporter = { event() {} };
