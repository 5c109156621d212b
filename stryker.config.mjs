// @ts-check
/**
 * Mutation testing (docs/testing.md): `npm run mutate` runs this once per scope (MUTATE_SCOPE) and then
 * the SQL mutations of test/mutate.ts. Not part of `npm test` or CI, which it would slow by an hour; run
 * it before each release and list every surviving mutant in docs/testing.md.
 */
import SCOPES from './test/mutation-scopes.json' with { type: 'json' };

const scope = process.env.MUTATE_SCOPE ?? 'money';
if (!(scope in SCOPES)) throw new Error(`MUTATE_SCOPE must be one of ${Object.keys(SCOPES).join(', ')}`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: 'vitest',
  // The test files come from the same scope (vitest.mutate.config.ts reads MUTATE_SCOPE too).
  vitest: { configFile: 'vitest.mutate.config.ts', related: false },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: SCOPES[/** @type {keyof typeof SCOPES} */ (scope)].mutate,
  coverageAnalysis: 'perTest',
  // A mutant in code that also runs outside a test (when a module loads, or in a beforeAll that runs a
  // pipeline) gets every test of the scope in a fresh environment: the tests that cover it per test
  // would not see it (docs/testing.md).
  ignoreStatic: false,
  concurrency: 2,
  timeoutMS: 60_000,
  // event-recorder writes each tested mutant as it is done (reports/mutation/events-<scope>/), so the
  // survivors of a long run can be read, and tests for them written, before it ends.
  reporters: ['clear-text', 'progress-append-only', 'json', 'html', 'event-recorder'],
  eventReporter: { baseDir: `reports/mutation/events-${scope}` },
  jsonReporter: { fileName: `reports/mutation/${scope}.json` },
  htmlReporter: { fileName: `reports/mutation/${scope}.html` },
  clearTextReporter: { reportScoreTable: true, reportMutants: false },
  tempDirName: '.stryker-tmp',
  // What a run or a bench leaves in the project (symbolic links among it) is no part of the sandbox.
  ignorePatterns: ['output', 'demo-inbox', '.tmp', 'reports', '.stryker-tmp'],
  cleanTempDir: 'always',
};
export default config;
