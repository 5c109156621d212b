/**
 * `npm run bench -- [--scale N] [--as-of YYYY-MM-DD]`: generates the demo municipality at N times
 * Lolland's size with the demo generator, runs the real nightly job on it, and prints rows per extract,
 * seconds per stage, rows per second and peak RSS. Figures are printed, never asserted.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Manifest } from '../../schemas/outputs.ts';
import { parseConfig } from '../config.ts';
import { writeDemoInbox } from '../demo/generate.ts';
import { DEMO_KEY } from '../ingest/pseudonym.ts';
import { run } from '../run.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    'as-of': { type: 'string', default: '2026-11-22' },
    dir: { type: 'string', default: '.tmp/bench' },
    json: { type: 'string' },
    'memory-limit': { type: 'string' },
    'temp-dir': { type: 'string' },
    threads: { type: 'string' },
  },
});
const scale = Number(values.scale);
const asOf = values['as-of']!;
const inbox = join(values.dir!, `inbox-x${scale}`);
const out = join(values.dir!, `out-x${scale}`);

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);

const t0 = performance.now();
await writeDemoInbox(inbox, { asOf, scale });
const generateSeconds = (performance.now() - t0) / 1000;
const t1 = performance.now();
const duckdb = {
  ...(values['memory-limit'] ? { memoryLimit: values['memory-limit'] } : {}),
  ...(values['temp-dir'] ? { tempDirectory: values['temp-dir'] } : {}),
  ...(values.threads ? { threads: Number(values.threads) } : {}),
};
await run({ inbox, out, asOf, config: parseConfig({ duckdb }), key: DEMO_KEY });
const runSeconds = (performance.now() - t1) / 1000;
clearInterval(sampler);

const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Manifest;
const perExtract = new Map<string, number>();
for (const i of manifest.inputs) perExtract.set(i.extract, (perExtract.get(i.extract) ?? 0) + i.rowsRead);
const lines = [
  `scale ${scale} (as of ${asOf}), ${new Date().toISOString().slice(0, 10)}`,
  '',
  'extract              rows',
  ...[...perExtract].map(([e, n]) => `${e.padEnd(18)} ${String(n).padStart(10)}`),
  '',
  'stage           seconds',
  ...manifest.stages.map((s) => `${s.name.padEnd(14)} ${s.seconds.toFixed(2).padStart(8)}`),
  `${'total run'.padEnd(14)} ${runSeconds.toFixed(2).padStart(8)}`,
  `${'(generate)'.padEnd(14)} ${generateSeconds.toFixed(2).padStart(8)}`,
  '',
  `rows read        ${manifest.totals.rowsRead}`,
  `rows per second  ${Math.round(manifest.totals.rowsRead / runSeconds)}`,
  `peak RSS         ${(peakRss / 2 ** 20).toFixed(0)} MiB (this process; DuckDB runs in-process)`,
  `DuckDB           memory limit ${duckdb.memoryLimit ?? 'default (80 % of RAM)'}, temp ${duckdb.tempDirectory ?? 'the run folder'}`,
];
console.log(lines.join('\n'));
if (values.json) {
  const { writeFile } = await import('node:fs/promises');
  await writeFile(
    values.json,
    JSON.stringify(
      {
        scale,
        asOf,
        rows: Object.fromEntries(perExtract),
        stages: manifest.stages,
        runSeconds,
        generateSeconds,
        peakRssBytes: peakRss,
      },
      null,
      2,
    ),
  );
}
