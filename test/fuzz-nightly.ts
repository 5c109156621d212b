/**
 * `npm run fuzz [-- RUNS [SEED]]`: the property and fuzz tests of test/fuzz.test.ts with many more cases
 * (default 5,000 each), nightly-style. A failure prints the seed and the shrunk counterexample.
 */
import { spawnSync } from 'node:child_process';

const runs = process.argv[2] ?? '5000';
const env = { ...process.env, FUZZ_RUNS: runs, ...(process.argv[3] ? { FUZZ_SEED: process.argv[3] } : {}) };
const r = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', 'test/fuzz.test.ts'], {
  stdio: 'inherit',
  env,
});
process.exitCode = r.status ?? 1;
