/**
 * Mutation testing for the SQL (docs/testing.md): StrykerJS mutates TypeScript only, so the contract (and
 * KPI) SQL gets mutants of its own. Each mutant changes one operator, function or number on one line;
 * the scope's tests run against it in a copy of the project, and a mutant that no test notices
 * survives. `npm run mutate` (test/mutate.ts) runs it after Stryker.
 */
import { spawn } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..');

export interface SqlScope {
  dir: string;
  tests: string[];
  threshold: number;
}

export const SQL_SCOPES: Record<string, SqlScope> = {
  contracts: { dir: 'sql/contracts', tests: ['test/contracts.test.ts'], threshold: 90 },
  kpis: {
    dir: 'sql/kpis',
    tests: ['test/kpi-cases.test.ts', 'test/cpr.test.ts', 'test/trust.test.ts'],
    threshold: 85,
  },
};

export interface SqlMutant {
  file: string;
  line: number;
  operator: string;
  original: string;
  replacement: string;
  /** The whole file with the mutation. */
  text: string;
}

/** Operators: a pattern on one line's code (comments and string literals excluded) and what replaces it. */
const OPERATORS: [string, RegExp, (m: string, ...g: string[]) => string][] = [
  ['>= to >', /(?<=\s)>=(?=\s)/g, () => '>'],
  ['> to >=', /(?<=\s)>(?=\s)/g, () => '>='],
  ['<= to <', /(?<=\s)<=(?=\s)/g, () => '<'],
  ['< to <=', /(?<=\s)<(?=\s)/g, () => '<='],
  ['= to <>', /(?<=\s)=(?=\s)/g, () => '<>'],
  ['<> to =', /(?<=\s)<>(?=\s)/g, () => '='],
  // Not the AND of BETWEEN … AND (a syntax error, not a mutant).
  ['AND to OR', /(?<!\bBETWEEN\s+[\w.]+(?:\([^()]*\))?\s+)\bAND\b/g, () => 'OR'],
  ['OR to AND', /\bOR\b(?!\s+REPLACE)/g, () => 'AND'],
  ['NOT removed', /\bNOT\s+(?!NULL\b)/g, () => ''],
  ['IS NULL to IS NOT NULL', /\bIS NULL\b/g, () => 'IS NOT NULL'],
  ['IS NOT NULL to IS NULL', /\bIS NOT NULL\b/g, () => 'IS NULL'],
  ['min to max', /\bmin\(/g, () => 'max('],
  ['max to min', /\bmax\(/g, () => 'min('],
  ['arg_min to arg_max', /\barg_min\(/g, () => 'arg_max('],
  ['arg_max to arg_min', /\barg_max\(/g, () => 'arg_min('],
  ['greatest to least', /\bgreatest\(/g, () => 'least('],
  ['least to greatest', /\bleast\(/g, () => 'greatest('],
  ['count DISTINCT to count', /\bcount\(DISTINCT /g, () => 'count('],
  ['LEFT JOIN to JOIN', /\bLEFT JOIN\b/g, () => 'JOIN'],
  ['true to false', /\btrue\b/g, () => 'false'],
  ['false to true', /\bfalse\b/g, () => 'true'],
  ['last_day removed', /\blast_day\(([\w.]+)\)/g, (_m, x) => x!],
  ['+ to -', /(?<=\s)\+(?=\s)/g, () => '-'],
  ['- to +', /(?<=\s)-(?=\s)/g, () => '+'],
  // Not a type's precision (DECIMAL(18, 6)) or an EXISTS's SELECT 1.
  [
    'number + 1',
    /(?<![\w.']|DECIMAL\(\d*|DECIMAL\(\d+, |SELECT )(\d+)(?![\w.'-])/g,
    (_m, n) => String(Number(n) + 1),
  ],
  ['BETWEEN bound excluded', /\bBETWEEN\s+([\w.()', ]+?)\s+AND\b/g, (_m, lo) => `BETWEEN ${lo} + 1 AND`],
];

/** The line with its `--` comment cut and the inside of every '…' blanked, so patterns only see code. */
function codeOnly(line: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    if (!inString && line.startsWith('--', i)) return out;
    if (line[i] === "'") inString = !inString;
    out += inString && line[i] !== "'" ? '_' : line[i];
  }
  return out;
}

export function sqlMutants(file: string, text: string): SqlMutant[] {
  const lines = text.split('\n');
  const mutants: SqlMutant[] = [];
  lines.forEach((line, i) => {
    const code = codeOnly(line);
    for (const [operator, pattern, replace] of OPERATORS) {
      for (const m of code.matchAll(pattern)) {
        const original = line.slice(m.index!, m.index! + m[0].length);
        const replacement = replace(original, ...(m.slice(1) as string[]));
        const mutated = line.slice(0, m.index!) + replacement + line.slice(m.index! + m[0].length);
        const all = [...lines];
        all[i] = mutated;
        mutants.push({
          file,
          line: i + 1,
          operator,
          original: line.trim(),
          replacement: mutated.trim(),
          text: all.join('\n'),
        });
      }
    }
  });
  return mutants;
}

/** A copy of the project to mutate in: the tracked files, with node_modules linked. */
function sandbox(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kpi-mutate-sql-'));
  for (const entry of readdirSync(ROOT)) {
    if (['node_modules', '.git', '.stryker-tmp', 'reports', 'output'].includes(entry)) continue;
    cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/** Runs the tests in `dir`: true when they fail (the mutant is killed), on the first failure. */
function testsFail(dir: string, tests: string[], timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [join(dir, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--bail', '1', ...tests],
      { cwd: dir, stdio: 'ignore' },
    );
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code !== 0);
    });
  });
}

export interface SqlResult {
  scope: string;
  killed: number;
  survived: SqlMutant[];
  total: number;
}

export async function mutateSql(scope: string, log: (s: string) => void): Promise<SqlResult> {
  const s = SQL_SCOPES[scope]!;
  const files = readdirSync(join(ROOT, s.dir))
    .filter((f) => f.endsWith('.sql'))
    .map((f) => join(s.dir, f));
  const mutants = files.flatMap((f) => sqlMutants(f, readFileSync(join(ROOT, f), 'utf8')));
  log(`SQL ${scope}: ${mutants.length} mutants in ${files.length} files`);
  // Two sandboxes, one per core; each takes the next mutant when its tests are done.
  const boxes = [sandbox(), sandbox()];
  const survived: SqlMutant[] = [];
  let next = 0;
  let done = 0;
  await Promise.all(
    boxes.map(async (box) => {
      for (let i = next++; i < mutants.length; i = next++) {
        const m = mutants[i]!;
        const path = join(box, m.file);
        const original = readFileSync(path, 'utf8');
        writeFileSync(path, m.text);
        const killed = await testsFail(box, s.tests, 5 * 60_000);
        writeFileSync(path, original);
        if (!killed) survived.push(m);
        done++;
        log(
          `  ${done}/${mutants.length} ${killed ? 'killed  ' : 'SURVIVED'} ${m.file}:${m.line} ${m.operator}`,
        );
      }
    }),
  );
  for (const b of boxes) rmSync(b, { recursive: true, force: true });
  survived.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { scope, killed: mutants.length - survived.length, survived, total: mutants.length };
}

/** The report file: every surviving mutant, for docs/testing.md. */
export function writeSqlReport(results: SqlResult[]): string {
  const file = join(ROOT, 'reports', 'mutation', 'sql.json');
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(
    file,
    `${JSON.stringify(
      results.map((r) => ({
        scope: r.scope,
        total: r.total,
        killed: r.killed,
        survived: r.survived.map(({ text: _t, ...m }) => m),
      })),
      null,
      2,
    )}\n`,
  );
  return relative(ROOT, file);
}
