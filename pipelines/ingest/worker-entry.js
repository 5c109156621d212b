// Starts the ingest worker (worker.ts) in its own process, through tsx's loader like bin/kpi.js.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
