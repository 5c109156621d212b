/**
 * `kpi check`: ingest and validate an inbox without publishing anything. It prints, per file, what
 * would load and what would go to quarantine (masked), so an analyst can fix a delivery before the night.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from './config.ts';
import { UserError } from './errors.ts';
import { runIngestWorker } from './ingest/isolated.ts';
import type { Reporter } from './log.ts';
import { workerDuckdbOptions } from './run.ts';

const SHOWN_PER_FILE = 20;

export async function check(opts: {
  inbox: string;
  config: Config;
  key: string;
  workDir: string;
  reporter?: Reporter;
}): Promise<string> {
  if (!(await stat(opts.inbox).catch(() => undefined))?.isDirectory()) {
    throw new UserError(`The inbox ${opts.inbox} does not exist or is not a folder. Check --inbox.`);
  }
  const quarantineDir = join(opts.workDir, 'quarantine');
  // Parsed in the ingest worker, as a run parses: this process never holds a raw value, and no
  // database file is written (the worker's is in memory; its hand-over goes with the work folder).
  const result = await runIngestWorker(
    {
      inbox: opts.inbox,
      workDir: opts.workDir,
      quarantineDir,
      key: opts.key,
      duckdb: workerDuckdbOptions(opts.workDir, opts.config),
    },
    () => {},
  );
  const lines: string[] = [`Tjek af ${opts.inbox}: intet er offentliggjort.`, ''];
  for (const f of result.inputs) {
    const what =
      f.status === 'rejected'
        ? `AFVIST: ${f.message}`
        : f.status === 'duplicate'
          ? `dublet af ${f.duplicateOf}; indlæses ikke`
          : `${f.rowsLoaded} af ${f.rowsRead} rækker indlæses, ${f.rowsRejected} i karantæne`;
    lines.push(
      `${f.file} [${f.encoding ?? 'parquet'}, ${f.delimiter ?? '-'}, decimal ${f.decimal ?? '-'}]: ${what}`,
    );
    if (f.rowsRejected > 0 && f.status !== 'rejected') {
      const csv = (await readFile(join(quarantineDir, `${f.file}.rejects.csv`), 'utf8'))
        .trimEnd()
        .split('\n');
      for (const l of csv.slice(1, SHOWN_PER_FILE + 1)) lines.push(`    ${l}`);
      if (csv.length - 1 > SHOWN_PER_FILE) lines.push(`    … og ${csv.length - 1 - SHOWN_PER_FILE} flere`);
    }
  }
  const other = result.warnings.filter((w) => w.code !== 'rows_quarantined' && w.code !== 'file_rejected');
  for (const w of other) lines.push(`advarsel ${w.code}: ${w.message}`);
  if (result.inputs.length === 0) lines.push('Indbakken har ingen filer.');
  return lines.join('\n');
}
