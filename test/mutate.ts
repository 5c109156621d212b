/**
 * `npm run mutate [-- SCOPE …]`: mutation testing before a release (docs/testing.md). StrykerJS mutates
 * the TypeScript of each scope in test/mutation-scopes.json and runs that scope's tests against every
 * mutant; then the SQL of the contracts (sql:contracts; sql:kpis on request) is mutated the same way
 * (test/mutate-sql.ts). It prints each scope's score against its threshold and every surviving mutant,
 * and exits 1 when a score is below its threshold. Reports: reports/mutation/.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mutateSql, SQL_SCOPES, type SqlResult, writeSqlReport } from './mutate-sql.ts';
import SCOPES from './mutation-scopes.json' with { type: 'json' };

const ROOT = join(import.meta.dirname, '..');
const DEFAULT = [...Object.keys(SCOPES), 'sql:contracts'];

interface Score {
  scope: string;
  killed: number;
  total: number;
  threshold: number;
  survivors: string[];
}

interface StrykerReport {
  files: Record<
    string,
    {
      source: string;
      mutants: {
        mutatorName: string;
        status: string;
        replacement?: string;
        location: { start: { line: number; column: number } };
      }[];
    }
  >;
}

/** Killed and timed-out mutants count as detected; survivors and mutants no test runs do not. */
function strykerScore(scope: keyof typeof SCOPES): Score {
  const report = JSON.parse(
    readFileSync(join(ROOT, 'reports', 'mutation', `${scope}.json`), 'utf8'),
  ) as StrykerReport;
  let killed = 0;
  let total = 0;
  const survivors: string[] = [];
  for (const [file, f] of Object.entries(report.files)) {
    const lines = f.source.split('\n');
    for (const m of f.mutants) {
      if (m.status === 'Ignored' || m.status === 'CompileError' || m.status === 'RuntimeError') continue;
      total++;
      if (m.status === 'Killed' || m.status === 'Timeout') killed++;
      else {
        const at = `${file}:${m.location.start.line}:${m.location.start.column}`;
        const code = lines[m.location.start.line - 1]!.trim();
        survivors.push(
          `${m.status} ${at} ${m.mutatorName}: ${code} → ${String(m.replacement ?? '').replace(/\s+/g, ' ')}`,
        );
      }
    }
  }
  return { scope, killed, total, threshold: SCOPES[scope].threshold, survivors };
}

function sqlScore(r: SqlResult): Score {
  return {
    scope: `sql:${r.scope}`,
    killed: r.killed,
    total: r.total,
    threshold: SQL_SCOPES[r.scope]!.threshold,
    survivors: r.survived.map((m) => `Survived ${m.file}:${m.line} ${m.operator}: ${m.replacement}`),
  };
}

const asked = process.argv.slice(2).length > 0 ? process.argv.slice(2) : DEFAULT;
const scores: Score[] = [];
const sqlResults: SqlResult[] = [];
for (const scope of asked) {
  if (scope.startsWith('sql:')) {
    const r = await mutateSql(scope.slice(4), (s) => process.stdout.write(`${s}\n`));
    sqlResults.push(r);
    scores.push(sqlScore(r));
  } else if (scope in SCOPES) {
    const r = spawnSync('npx', ['stryker', 'run'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, MUTATE_SCOPE: scope },
    });
    if (r.status !== 0) {
      process.stderr.write(`Stryker failed for ${scope} (exit ${r.status})\n`);
      process.exit(2);
    }
    scores.push(strykerScore(scope as keyof typeof SCOPES));
  } else {
    process.stderr.write(
      `Unknown scope ${scope}; known: ${[...Object.keys(SCOPES), 'sql:contracts', 'sql:kpis'].join(', ')}\n`,
    );
    process.exit(2);
  }
}
if (sqlResults.length > 0) writeSqlReport(sqlResults);

process.stdout.write('\nMutation scores\n');
for (const s of scores) {
  const pct = (100 * s.killed) / Math.max(1, s.total);
  process.stdout.write(
    `  ${s.scope.padEnd(14)} ${pct.toFixed(1).padStart(5)} % (${s.killed} of ${s.total})  threshold ${s.threshold} %  ${pct >= s.threshold ? 'ok' : 'BELOW'}\n`,
  );
}
for (const s of scores.filter((x) => x.survivors.length > 0)) {
  process.stdout.write(`\nSurviving in ${s.scope}:\n${s.survivors.map((l) => `  ${l}`).join('\n')}\n`);
}
process.exitCode = scores.every((s) => s.killed / Math.max(1, s.total) >= s.threshold / 100) ? 0 : 1;
