/**
 * A child job runs from a bundle of its sources (core/childBundle.ts), rebuilt when one of them
 * changes: the worker never runs code older than the files on disk.
 */
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { runChild } from '../pipelines/core/child.ts';
import { bundledChild } from '../pipelines/core/childBundle.ts';
import { tempDir } from './helpers.ts';

const CHILD = join(import.meta.dirname, '..', 'pipelines', 'core', 'child.ts');

async function answers(job: URL): Promise<unknown[]> {
  const got: unknown[] = [];
  await runChild(job, { question: 'which' }, (m) => got.push(m));
  return got;
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
    const first = await bundledChild(job, true);
    expect(first).toMatch(/node_modules\/\.cache\/kpi\/job-[0-9a-f]{12}\.mjs$/);
    expect(existsSync(first!)).toBe(true);
    expect(await answers(job)).toEqual([{ type: 'answer', question: 'which', answer: 1 }]);
    // The bundle of a test's own job goes when the test does.
    onTestFinished(() => {
      for (const f of [first!, first!.replace(/\.mjs$/, '.json')]) rmSync(f, { force: true });
    });
    // The same sources: the same bundle, not built again.
    const built = statSync(first!).mtimeMs;
    expect(await bundledChild(job, true)).toBe(first);
    expect(statSync(first!).mtimeMs).toBe(built);
    writeFileSync(join(dir, 'answer.ts'), 'export const answer: number = 2;\n');
    expect(await bundledChild(job, true)).toBe(first);
    expect(await answers(job)).toEqual([{ type: 'answer', question: 'which', answer: 2 }]);
  });

  it('the ingest worker is bundled with every module it imports, and no package', async () => {
    const worker = await bundledChild(new URL('../pipelines/ingest/worker.ts', import.meta.url));
    const stamp = JSON.parse(readFileSync(worker!.replace(/\.mjs$/, '.json'), 'utf8')) as {
      inputs: Record<string, string>;
    };
    const inputs = Object.keys(stamp.inputs);
    expect(inputs.some((p) => p.endsWith('pipelines/ingest/worker.ts'))).toBe(true);
    expect(inputs.some((p) => p.endsWith('pipelines/core/childProfile.ts'))).toBe(true);
    expect(inputs.filter((p) => p.includes('node_modules'))).toEqual([]);
  });
});
