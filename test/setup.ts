/**
 * Every test file gets a temporary folder of its own for what it writes (TMPDIR, which os.tmpdir()
 * and the child processes it starts read), removed when the file is done: a suite, and a mutation run
 * that repeats it thousands of times, leaves nothing behind.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const root = mkdtempSync(join(tmpdir(), 'kpi-tests-'));
const before = process.env.TMPDIR;
process.env.TMPDIR = root;

afterAll(() => {
  if (before === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = before;
  rmSync(root, { recursive: true, force: true });
});
