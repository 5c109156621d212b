/**
 * The house's floors (docs/architecture.md), read from the imports themselves: no import circle, no
 * import from a lower floor up, and no stage that imports another stage. A new arrow that breaks one
 * of these fails here with the file and the import.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : /\.(ts|js)$/.test(e.name) && !e.name.endsWith('.d.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

/** Every relative import of a file (static, side-effect, re-export and dynamic), as paths from the repository root. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const specs = [
    ...text.matchAll(/^\s*(?:import|export)\b[^'"]*?\bfrom\s+['"](\.{1,2}\/[^'"]+)['"]/gm),
    ...text.matchAll(/^\s*import\s+['"](\.{1,2}\/[^'"]+)['"]/gm),
    ...text.matchAll(/\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g),
    ...text.matchAll(/new URL\(\s*['"](\.{1,2}\/[^'"]+\.(?:ts|js))['"]/g),
  ].map((m) => m[1]!);
  return specs.map((s) => normalize(join(dirname(file), s)));
}

const FILES = [...sources('pipelines'), ...sources('schemas')];
const GRAPH = new Map(FILES.map((f) => [f, importsOf(f).filter((t) => FILES.includes(t))]));

const STAGES = ['ingest', 'warehouse', 'guard', 'kpis', 'contracts', 'publish', 'report', 'demo'];

/** The floor of a file (0 lowest) and, for a stage, its name. */
function floorOf(file: string): { floor: number; name: string } {
  if (file.startsWith('schemas/')) return { floor: 0, name: 'schemas' };
  const part = relative('pipelines', file).split('/')[0]!.replace(/\.ts$/, '');
  // The words (the message catalogue) and the shapes (schemas) are the ground floor.
  if (part === 'i18n') return { floor: 0, name: part };
  if (['core', 'duckdb', 'errors', 'sandbox'].includes(part)) return { floor: 1, name: part };
  if (['extracts', 'kinds'].includes(part)) return { floor: 2, name: part };
  if (STAGES.includes(part)) return { floor: 3, name: part };
  return { floor: 4, name: part }; // the run, the command line, check, explain, config, bench
}

describe('the import graph', () => {
  it('reads the imports of every module', () => {
    expect(FILES.length).toBeGreaterThan(60);
    expect(GRAPH.get('pipelines/run.ts')).toContain('pipelines/run/stages/ingest.ts');
    expect(GRAPH.get('pipelines/ingest/isolated.ts')).toContain('pipelines/ingest/worker.ts'); // new URL('./worker.ts')
    expect(GRAPH.get('pipelines/kinds/index.ts')).toContain('pipelines/kinds/dsi/index.ts');
  });

  it('has no circle', () => {
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (f: string, path: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        circles.push([...path.slice(path.indexOf(f)), f].join(' → '));
        return;
      }
      state.set(f, 'open');
      for (const t of GRAPH.get(f) ?? []) visit(t, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of FILES) visit(f, []);
    expect(circles).toEqual([]);
  });

  it('no floor imports a higher one, and no stage imports another stage', () => {
    const wrong: string[] = [];
    for (const [f, targets] of GRAPH) {
      const from = floorOf(f);
      for (const t of targets) {
        const to = floorOf(t);
        if (to.floor > from.floor) wrong.push(`${f} → ${t} (floor ${from.floor} imports floor ${to.floor})`);
        else if (from.floor === 3 && to.floor === 3 && from.name !== to.name)
          wrong.push(`${f} → ${t} (the ${from.name} stage imports the ${to.name} stage)`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

/**
 * How long a function may be: 60 lines where the promises live and the logic is dense (ingest, the
 * guard and trust stage, the contract kinds), 100 anywhere else.
 */
function limitOf(file: string): number {
  return /^pipelines\/(ingest|guard|kinds)\//.test(file) || file === 'pipelines/run/stages/trust.ts'
    ? 60
    : 100;
}

describe('functions', () => {
  it('none in ingest/, guard/ (with the trust stage) and kinds/ is over 60 lines, and none anywhere over 100', () => {
    const long: string[] = [];
    for (const file of FILES.filter((f) => f.endsWith('.ts'))) {
      const src = ts.createSourceFile(
        file,
        readFileSync(join(ROOT, file), 'utf8'),
        ts.ScriptTarget.Latest,
        true,
      );
      const limit = limitOf(file);
      const visit = (n: ts.Node) => {
        if (ts.isFunctionLike(n) && 'body' in n && n.body) {
          const first = src.getLineAndCharacterOfPosition(n.getStart()).line;
          const last = src.getLineAndCharacterOfPosition(n.getEnd()).line;
          if (last - first + 1 > limit)
            long.push(`${file}:${first + 1} (${last - first + 1} lines, limit ${limit})`);
        }
        ts.forEachChild(n, visit);
      };
      visit(src);
    }
    expect(long).toEqual([]);
  });
});
