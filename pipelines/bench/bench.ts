/**
 * `npm run bench -- [--persons N] [--months M] [--scale small|national] [--sizes N,N,N]
 *   [--memory-limit 1.5GB] [--temp-dir DIR] [--threads N] [--json FILE] [--hostile] [--floor memory|file]`
 * Generates a synthetic inbox with the demo generator, runs the real nightly job, measures the DuckDB
 * floor on the same files, and prints the figures (and writes them as JSON). With --sizes it runs each
 * size and prints how every stage's time grows. With --hostile it measures what hostile files cost
 * instead (hostile.ts).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { type BenchResult, benchmark, formatResult, formatScaling } from './benchmark.ts';
import { formatHostile, hostileBench } from './hostile.ts';

const { values } = parseArgs({
  options: {
    persons: { type: 'string' },
    months: { type: 'string' },
    scale: { type: 'string', default: 'small' },
    sizes: { type: 'string' },
    'as-of': { type: 'string', default: '2026-11-22' },
    dir: { type: 'string', default: '.tmp/bench' },
    json: { type: 'string' },
    'memory-limit': { type: 'string' },
    'temp-dir': { type: 'string' },
    threads: { type: 'string' },
    'reuse-inbox': { type: 'boolean' },
    incremental: { type: 'boolean' },
    hostile: { type: 'boolean' },
    floor: { type: 'string', default: 'memory' },
  },
});
if (values.floor !== 'memory' && values.floor !== 'file') {
  console.error('--floor must be memory or file');
  process.exit(2);
}

if (values.hostile) {
  const results = await hostileBench(`${values.dir}/hostile`);
  console.log(formatHostile(results));
  if (values.json) await writeFile(values.json, `${JSON.stringify(results, null, 2)}\n`);
  process.exit(0);
}

const presets: Record<string, { persons: number; months: number }> = {
  tiny: { persons: 300, months: 24 },
  small: { persons: 5_500, months: 94 }, // the demo municipality (Lolland)
  national: { persons: 1_000_000, months: 60 },
};
const preset = presets[values.scale!];
if (!preset) {
  console.error(`--scale must be one of ${Object.keys(presets).join(', ')}`);
  process.exit(2);
}
const months = Number(values.months ?? preset.months);
const sizes = values.sizes ? values.sizes.split(',').map(Number) : [Number(values.persons ?? preset.persons)];
await mkdir(values.dir!, { recursive: true });
const results: BenchResult[] = [];
for (const persons of sizes) {
  const r = await benchmark({
    persons,
    months,
    asOf: values['as-of']!,
    dir: values.dir!,
    memoryLimit: values['memory-limit'],
    tempDirectory: values['temp-dir'],
    threads: values.threads ? Number(values.threads) : undefined,
    reuseInbox: values['reuse-inbox'],
    incremental: values.incremental,
    floor: values.floor as 'memory' | 'file',
  });
  results.push(r);
  console.log(`${formatResult(r)}\n`);
}
if (results.length > 1) console.log(formatScaling(results));
if (values.json)
  await writeFile(values.json, `${JSON.stringify(results.length === 1 ? results[0] : results, null, 2)}\n`);
