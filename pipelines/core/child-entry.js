// Starts a child job (core/child.ts) through tsx's loader, like bin/kpi.js, when it cannot be bundled
// (core/childBundle.ts): the module is argv[2]. This is the child's edge: it turns on statement
// profiling (docs/performance.md) for its own stderr.
import { register } from 'tsx/esm/api';

register();
const { profileFromEnv } = await import('./childProfile.ts');
profileFromEnv();
await import(process.argv[2]);
