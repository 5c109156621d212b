import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Two test files at once even on 2 cores: a test spends much of its time waiting on DuckDB's own
    // threads, a child process or Chromium, and vitest's default (one worker fewer than the cores) runs
    // one file at a time there (docs/testing.md: 90 s → 52 s on four mid-size files).
    maxWorkers: Math.max(2, availableParallelism()),
    minWorkers: 1,
  },
});
