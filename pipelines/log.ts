/**
 * All progress output goes through a Reporter (the library never prints). On a terminal it writes short
 * human lines; otherwise JSON lines with run id, stage, event and counts, for cron and log shippers.
 * Messages are masked for CPR-like numbers before they are written.
 */

import type { LogEvent, Reporter } from './core/events.ts';
import { maskCprs } from './core/mask.ts';
import { type MessageKey, num, t } from './i18n/index.ts';
import { MESSAGES } from './i18n/messages.ts';

export type { LogEvent, Reporter } from './core/events.ts';
export { silentReporter } from './core/events.ts';

const DETAIL_EVENTS = ['kpi', 'contract'];

/** A stage's name as the user reads it; the JSON lines keep the stage's id. */
function stageName(stage: string): string {
  const key = `stage.${stage}`;
  return key in MESSAGES ? t(key as MessageKey) : stage;
}

/** Human lines on a terminal: stage starts and ends with durations, each file with its counts. */
export function human(e: LogEvent): string | undefined {
  if (e.event === 'start') return `▸ ${stageName(e.stage)}`;
  if (e.event === 'done') return `✓ ${stageName(e.stage)} (${num(e.seconds)} s)`;
  return e.message ? `  ${e.message}` : undefined;
}

export function streamReporter(
  stream: NodeJS.WritableStream & { isTTY?: boolean },
  opts: { json?: boolean; quiet?: boolean; verbose?: boolean } = {},
): Reporter {
  const json = opts.json ?? !stream.isTTY;
  const r: Reporter = {
    event(e) {
      if (opts.quiet && e.event !== 'error' && e.event !== 'warning') return;
      if (json) {
        stream.write(
          `${maskCprs(JSON.stringify({ time: new Date().toISOString(), runId: e.runId, ...e }))}\n`,
        );
        return;
      }
      if (!opts.verbose && DETAIL_EVENTS.includes(e.event)) return;
      const line = human(e);
      if (line) stream.write(`${maskCprs(line)}\n`);
    },
  };
  return r;
}
