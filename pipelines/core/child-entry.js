// Starts a child job (core/child.ts) through tsx's loader, like bin/kpi.js, when it cannot be bundled
// (core/childBundle.ts): the module is argv[2].
import { register } from 'tsx/esm/api';

register();
await import(process.argv[2]);
