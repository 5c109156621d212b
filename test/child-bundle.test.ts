/**
 * A child job runs from a bundle of its sources (core/childBundle.ts), rebuilt when one of them
 * changes: the worker never runs code older than the files on disk, and loads lazily what its
 * sources load lazily.
 */
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { runChild } from '../pipelines/core/child.ts';
import { bundledChild } from '../pipelines/core/childBundle.ts';
import { Db } from '../pipelines/duckdb.ts';
import { writeBadInbox } from './bad-input-cases.ts';
import { lolland, runInbox, tempDir, walk } from './helpers.ts';

const CHILD = join(import.meta.dirname, '..', 'pipelines', 'core', 'child.ts');

async function answers(job: URL): Promise<unknown[]> {
  const got: unknown[] = [];
  await runChild(job, { question: 'which' }, (m) => got.push(m));
  return got;
}

/** A build's stamp: beside its folder, named as the folder without its content hash. */
function stampOf(entry: string): { inputs: Record<string, string>; folder: string } {
  const folder = dirname(entry);
  return JSON.parse(readFileSync(join(dirname(folder), `${basename(folder).slice(0, -13)}.json`), 'utf8'));
}

/** The packages and chunks a bundled file imports before it runs (static imports), transitively. */
function staticImports(file: string, seen = new Set<string>()): Set<string> {
  for (const m of readFileSync(file, 'utf8').matchAll(
    /^\s*(?:import|export)\b[^'"]*?(?:from\s*)?["']([^"']+)["']/gm,
  )) {
    const spec = m[1]!;
    if (seen.has(spec)) continue;
    seen.add(spec);
    if (spec.startsWith('./')) staticImports(join(dirname(file), spec), seen);
  }
  return seen;
}

describe('a child job started from its bundle', () => {
  it('runs the sources as they are, and is rebuilt when one it imports changes', async () => {
    const dir = await tempDir('kpi-child-');
    writeFileSync(join(dir, 'answer.ts'), 'export const answer: number = 1;\n');
    writeFileSync(
      join(dir, 'job.ts'),
      `import { serveChild } from ${JSON.stringify(CHILD)};
import { answer } from './answer.ts';
serveChild(async (r: { question: string }) => {
  await new Promise((done) => process.send!({ type: 'answer', question: r.question, answer }, done));
});
`,
    );
    const job = pathToFileURL(join(dir, 'job.ts'));
    const first = (await bundledChild(job))!;
    expect(first).toMatch(/node_modules\/\.cache\/kpi\/job-[0-9a-f]{12}-[0-9a-f]{12}\/entry\.mjs$/);
    const stamp = join(dirname(dirname(first)), `${basename(dirname(first)).slice(0, -13)}.json`);
    // The builds of a test's own job go when the test does.
    const builds = [dirname(first), stamp];
    onTestFinished(() => {
      for (const f of builds) rmSync(f, { recursive: true, force: true });
    });
    expect(await answers(job)).toEqual([{ type: 'answer', question: 'which', answer: 1 }]);
    // The same sources: the same build, not made again.
    const built = statSync(first).mtimeMs;
    expect(await bundledChild(job)).toBe(first);
    expect(statSync(first).mtimeMs).toBe(built);
    writeFileSync(join(dir, 'answer.ts'), 'export const answer: number = 2;\n');
    const second = (await bundledChild(job))!;
    builds.push(dirname(second));
    expect(second).not.toBe(first);
    expect(stampOf(second).folder).toBe(basename(dirname(second)));
    expect(await answers(job)).toEqual([{ type: 'answer', question: 'which', answer: 2 }]);
  });

  it('the ingest worker is bundled with every module it imports, no package, and loads zod only if it compiles an extract', async () => {
    const entry = (await bundledChild(new URL('../pipelines/ingest/worker.ts', import.meta.url)))!;
    expect(existsSync(entry)).toBe(true);
    const inputs = Object.keys(stampOf(entry).inputs);
    expect(inputs.some((p) => p.endsWith('pipelines/ingest/worker.ts'))).toBe(true);
    expect(inputs.some((p) => p.endsWith('pipelines/core/childProfile.ts'))).toBe(true);
    expect(inputs.filter((p) => p.includes('node_modules'))).toEqual([]);
    // ingest.ts imports the zod compilation lazily (extracts/spec.ts): so does the bundle.
    const before = staticImports(entry);
    expect(before).toContain('@duckdb/node-api');
    expect(before).not.toContain('zod');
  });

  it('the worker from its bundle and through tsx load the bad-input matrix alike: rows, rejects, messages', async () => {
    expect(process.env.KPI_CHILD_BUNDLE).toBeUndefined();
    const inbox = await tempDir('kpi-both-in-');
    await writeBadInbox(inbox);
    const night = async () => {
      const { out, manifest } = await runInbox(inbox, { asOf: '2026-11-22', config: lolland() });
      const db = await Db.open(join(out, 'restricted', 'warehouse.duckdb'), { readOnly: true });
      const tables: Record<string, unknown[]> = {};
      try {
        const names = await db.all<{ t: string }>(
          "SELECT table_name AS t FROM duckdb_tables() WHERE schema_name = 'ingest' ORDER BY 1",
        );
        for (const { t } of names) tables[t] = await db.all(`SELECT * FROM ingest.${t} ORDER BY ALL`);
      } finally {
        db.close();
      }
      const quarantine = join(out, 'restricted', 'quarantine');
      const files = Object.fromEntries(
        walk(quarantine).map((f) => [relative(quarantine, f), readFileSync(f, 'utf8')]),
      );
      return { inputs: manifest.inputs, warnings: manifest.warnings, tables, files };
    };
    const bundled = await night();
    process.env.KPI_CHILD_BUNDLE = '0';
    try {
      expect(await bundledChild(new URL('../pipelines/ingest/worker.ts', import.meta.url))).toBeUndefined();
      const throughTsx = await night();
      expect(throughTsx).toEqual(bundled);
    } finally {
      delete process.env.KPI_CHILD_BUNDLE;
    }
    // The matrix is what it says (test/bad-input.test.ts checks each file's counts): 9 files rejected
    // whole, 28 violations with their rules and messages, 19 employment rows loaded, 24 quarantine files.
    expect(bundled.inputs.filter((i) => i.status === 'rejected')).toHaveLength(9);
    expect(bundled.tables.violations).toHaveLength(28);
    expect(bundled.tables.employment).toHaveLength(19);
    expect(Object.keys(bundled.files)).toHaveLength(24);
  });
});
