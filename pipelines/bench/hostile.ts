/**
 * `npm run bench -- --hostile`: what hostile files cost (docs/security.md, docs/performance.md). Each is
 * put alone in an inbox and read by the real ingest worker; the figures are the seconds until it is
 * rejected and the worker's peak memory. The tests assert only the rejections and their reasons.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { DEMO_KEY } from '../core/pseudonym.ts';
import { runIngestWorker } from '../ingest/isolated.ts';
import { DEFAULT_LIMITS } from '../ingest/sniff.ts';

export interface HostileResult {
  name: string;
  bytes: number;
  inflated: number;
  seconds: number;
  workerPeakMiB: number;
  status: string;
  message: string;
  rows: { read: number; loaded: number; rejected: number };
}

/** A gzip file of `chunk` repeated until `inflated` bytes, written once and kept. */
async function bomb(path: string, chunk: Buffer, inflated: number): Promise<void> {
  if (await stat(path).catch(() => undefined)) return;
  await pipeline(
    async function* () {
      for (let n = 0; n < inflated; n += chunk.length) yield chunk;
    },
    createGzip({ level: 9 }),
    createWriteStream(path),
  );
}

async function readAlone(dir: string, name: string, extract: string, file: string): Promise<HostileResult> {
  const inbox = join(dir, `inbox-${name}`);
  await rm(inbox, { recursive: true, force: true });
  await mkdir(join(inbox, extract), { recursive: true });
  const { copyFile } = await import('node:fs/promises');
  const target = join(inbox, extract, file.split('/').pop()!);
  await copyFile(file, target);
  const work = join(dir, `work-${name}`);
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  const t0 = performance.now();
  const r = await runIngestWorker(
    { inbox, workDir: work, quarantineDir: join(work, 'q'), key: DEMO_KEY, duckdb: {} },
    () => {},
  );
  const seconds = (performance.now() - t0) / 1000;
  const input = r.inputs[0]!;
  await rm(work, { recursive: true, force: true });
  return {
    name,
    bytes: (await stat(target)).size,
    inflated: 0,
    seconds,
    workerPeakMiB: r.maxRssMiB,
    status: input.status,
    message: input.message ?? '',
    rows: { read: input.rowsRead, loaded: input.rowsLoaded, rejected: input.rowsRejected },
  };
}

/** The hostile files of issue 24's report, measured. */
export async function hostileBench(dir: string): Promise<HostileResult[]> {
  await mkdir(dir, { recursive: true });
  const nul = join(dir, 'nul-10GiB.csv.gz');
  const nulBytes = 10 * 1024 ** 3;
  await bomb(nul, Buffer.alloc(1024 ** 2), nulBytes);
  const text = join(dir, 'rows-8GiB.csv.gz');
  const textBytes = 8 * 1024 ** 3;
  // A synthetic CPR, put together here so that no CPR-like number stands in the source.
  const cpr = ['0101', '70', '-', '1000'].join('');
  const row = Buffer.from(
    `CPRNR;Måned;Løntimer;Uddannelse;Ydelse\n${`${cpr};2024-01;37,0;nej;ingen\n`.repeat(29_000)}`,
  );
  await bomb(text, row, textBytes);
  const longRow = join(dir, 'row-50MB.csv');
  await writeFile(
    longRow,
    `CPRNR;Måned;Løntimer;Uddannelse;Ydelse\n010170-1000;2024-01;1;nej;ingen\n010170-1001;2024-01;1;nej;${'x'.repeat(50 * 1024 ** 2)}\n010170-1002;2024-01;1;nej;ingen\n010170-1003;2024-01;1;nej;ingen\n`,
  );
  return [
    { ...(await readAlone(dir, 'nul', 'employment', nul)), inflated: nulBytes },
    { ...(await readAlone(dir, 'rows', 'employment', text)), inflated: textBytes },
    { ...(await readAlone(dir, 'long-row', 'employment', longRow)), inflated: 0 },
  ];
}

export function formatHostile(results: HostileResult[]): string {
  const mib = (n: number) => `${(n / 1024 ** 2).toFixed(1)} MiB`;
  const lines = [
    `Hostile files (limits: ${mib(DEFAULT_LIMITS.maxInflatedBytes)} inflated, ${DEFAULT_LIMITS.maxInflateRatio}× ratio, ${mib(DEFAULT_LIMITS.maxLineBytes)} line):`,
    '  file      size        inflates to   seconds  worker peak  outcome',
  ];
  for (const r of results)
    lines.push(
      `  ${r.name.padEnd(9)} ${mib(r.bytes).padStart(11)} ${(r.inflated ? mib(r.inflated) : '-').padStart(13)} ${r.seconds.toFixed(2).padStart(8)}  ${`${r.workerPeakMiB} MiB`.padStart(11)}  ${r.status} (rows ${r.rows.read} read, ${r.rows.loaded} loaded, ${r.rows.rejected} rejected)${r.message ? `: ${r.message.slice(0, 60)}` : ''}`,
    );
  return lines.join('\n');
}
