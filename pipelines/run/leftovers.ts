/**
 * What killed commands leave behind (docs/security.md): a `kpi check` or `kpi report` killed with
 * kill -9 cannot remove its work folder, which may hold person-level Parquet. Every run and check
 * removes such folders once they are a day old (younger ones may belong to a command still running).
 * A run's own work folder under --out is removed by the next run (publish/atomic.ts).
 */
import { readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The prefixes of the work folders `kpi check` and `kpi report` make in the temp folder. */
export const WORK_PREFIXES = ['kpi-check-', 'kpi-report-'];

const DAY_MS = 24 * 60 * 60 * 1000;

/** Removes work folders of earlier commands older than a day; returns how many. */
export async function removeStaleWork(dir = tmpdir(), now = Date.now()): Promise<number> {
  let removed = 0;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!WORK_PREFIXES.some((p) => name.startsWith(p))) continue;
    const path = join(dir, name);
    const st = await stat(path).catch(() => undefined);
    if (!st?.isDirectory() || now - st.mtimeMs < DAY_MS) continue;
    await rm(path, { recursive: true, force: true }).catch(() => {});
    removed++;
  }
  return removed;
}
