/**
 * A child's edge (serveChild, core/child.ts, whether the child started from its bundle or through
 * tsx): statement profiling (docs/performance.md) is turned on from the environment, for the child's
 * own stderr.
 */
import { sqlProfile } from '../duckdb.ts';

export function profileFromEnv(): void {
  if (!process.env.KPI_PROFILE_SQL) return;
  sqlProfile.seconds = Number(process.env.KPI_PROFILE_SQL) || 0;
  sqlProfile.write = (line) => process.stderr.write(`${line}\n`);
  sqlProfile.dump = process.env.KPI_DUMP_SQL;
}
