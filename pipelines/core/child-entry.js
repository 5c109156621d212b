// Starts a child job (core/child.ts) through tsx's loader, like bin/kpi.js: the module is argv[2]. This
// is the child's edge: it turns on statement profiling (docs/performance.md) for its own stderr.
import { register } from 'tsx/esm/api';

register();
if (process.env.KPI_PROFILE_SQL) {
  const { sqlProfile } = await import('../duckdb.ts');
  sqlProfile.seconds = Number(process.env.KPI_PROFILE_SQL) || 0;
  sqlProfile.write = (line) => process.stderr.write(`${line}\n`);
  sqlProfile.dump = process.env.KPI_DUMP_SQL;
}
await import(process.argv[2]);
