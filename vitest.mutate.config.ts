/**
 * The tests `npm run mutate` runs against each mutant: those of the scope being mutated
 * (test/mutation-scopes.json, chosen by MUTATE_SCOPE), in the order the scope lists them. A scope lists
 * its quick unit tests first: StrykerJS stops at the first failing test, so a mutant they catch costs a
 * second, and only a mutant they miss pays for the pipeline runs after them (docs/testing.md).
 */

import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import SCOPES from './test/mutation-scopes.json' with { type: 'json' };

const scope = (process.env.MUTATE_SCOPE ?? 'money') as keyof typeof SCOPES;
const tests: readonly string[] = SCOPES[scope].tests;

const rank = (s: TestSpecification) => {
  const i = tests.findIndex((t) => s.moduleId.endsWith(t));
  return i < 0 ? tests.length : i;
};

class ScopeOrder extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    include: [...tests],
    setupFiles: ['test/setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    sequence: { sequencer: ScopeOrder },
  },
});
