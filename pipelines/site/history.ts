/**
 * The run history (output/history.json): one entry per night, kept for `historyRuns` nights, longer than
 * the runs themselves (`keepRuns`), so the restricted site can show how each extract's volume and rejects
 * moved. It holds counts, hashes and ids, never person data (docs/outputs.md).
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Manifest } from '../../schemas/outputs.ts';

export const HISTORY_FILE = 'history.json';

export const HistoryEntry = z.object({
  runId: z.string(),
  asOf: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  codeVersion: z.string(),
  configHash: z.string(),
  keyFingerprint: z.string(),
  /** What cron saw: 0 published, 3 published with figures held back, 1 failed (nothing published). */
  exitCode: z.number().int(),
  files: z.number().int(),
  totals: z.object({
    rowsRead: z.number().int(),
    rowsLoaded: z.number().int(),
    rowsRejected: z.number().int(),
    rowsSkipped: z.number().int(),
  }),
  warnings: z.number().int(),
  heldBack: z.number().int(),
  /** Rows per extract and month, as the night's inbox delivered them. */
  volumes: z.record(z.string(), z.record(z.string(), z.number())),
  /** Rejected rows per extract and rule. */
  rejects: z.record(z.string(), z.record(z.string(), z.number())),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

const History = z.object({ schemaVersion: z.literal(1), runs: z.array(HistoryEntry) });

/** The kept history, oldest first; none (or an unreadable file) is an empty history. */
export async function readHistory(outDir: string): Promise<HistoryEntry[]> {
  try {
    return History.parse(JSON.parse(await readFile(join(outDir, HISTORY_FILE), 'utf8'))).runs;
  } catch {
    return [];
  }
}

/** The history with `entry` appended (a re-run with the same id replaces it), the newest `keep` kept. */
export function withEntry(history: HistoryEntry[], entry: HistoryEntry, keep: number): HistoryEntry[] {
  return [...history.filter((h) => h.runId !== entry.runId), entry].slice(-keep);
}

/** Written beside and renamed into place: a reader never sees half a history. */
export async function writeHistory(outDir: string, runs: HistoryEntry[], mode: number): Promise<void> {
  const target = join(outDir, HISTORY_FILE);
  const tmp = `${target}.tmp`;
  await writeFile(tmp, `${JSON.stringify({ schemaVersion: 1, runs })}\n`, { encoding: 'utf8', mode });
  await rename(tmp, target);
}

/**
 * A published run's entry, from its manifest. `rejects` counts rows by rule from the manifest's
 * quarantine warnings' structured counts.
 */
export function historyEntry(m: Manifest, rejects: Record<string, Record<string, number>>): HistoryEntry {
  return {
    runId: m.runId,
    asOf: m.asOf,
    startedAt: m.startedAt,
    finishedAt: m.finishedAt,
    codeVersion: m.codeVersion,
    configHash: m.configHash,
    keyFingerprint: m.keyFingerprint,
    exitCode: m.heldBack.length > 0 ? 3 : 0,
    files: m.inputs.length,
    totals: m.totals,
    warnings: m.warnings.length,
    heldBack: m.heldBack.length,
    volumes: m.volumes,
    rejects,
  };
}
