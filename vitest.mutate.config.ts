/**
 * The tests `npm run mutate` runs against each mutant: those of the scope being mutated
 * (test/mutation-scopes.json, chosen by MUTATE_SCOPE).
 */
import { defineConfig } from 'vitest/config';
import SCOPES from './test/mutation-scopes.json' with { type: 'json' };

const scope = (process.env.MUTATE_SCOPE ?? 'money') as keyof typeof SCOPES;

export default defineConfig({
  test: {
    include: SCOPES[scope].tests,
    setupFiles: ['test/setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
