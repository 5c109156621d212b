import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Three test files at once even on 2 cores: a test spends part of its time waiting on DuckDB's own
    // threads, a child process, Chromium or LibreOffice, and vitest's default (one worker fewer than
    // the cores) runs one file at a time there. Measured on 2 cores (docs/testing.md): 1 → 2 workers
    // took four mid-size files from 90 s to 52 s, and 2 → 3 the whole suite from 446 s to 381 s; with
    // 3 both cores are busy 99 % of the time, so a fourth would only share them.
    maxWorkers: Math.max(3, availableParallelism()),
    minWorkers: 1,
  },
});
