#!/usr/bin/env node
// The `kpi` command: runs the TypeScript CLI through tsx's loader (tsx is a runtime dependency).
import { register } from 'tsx/esm/api';

register();
const { main, exitOnSignals } = await import('../pipelines/cli.ts');
exitOnSignals(process.argv.slice(2));
process.exitCode = await main(process.argv.slice(2));
