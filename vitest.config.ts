import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

const WORKERS = Math.max(3, availableParallelism());

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
    maxWorkers: WORKERS,
    // The files of a worker share its process (the modules, DuckDB and the chart libraries are loaded
    // once per worker instead of once per file: 368 s → 294 s measured, docs/testing.md). No test leaves
    // state behind for another (a kind a test registers is unregistered, the language is reset, each
    // file has its own temp folder, test/setup.ts). Workers are never scaled down meanwhile: tinypool
    // ends an idle shared worker with an unhandled "Terminating worker thread".
    isolate: false,
    minWorkers: WORKERS,
  },
});
