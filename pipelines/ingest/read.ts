/**
 * Reading: a delivered file's bytes are sniffed (sniff.ts) and prepared for DuckDB's reader: the header
 * found below title rows, the dialect and encoding decided, other encodings and line endings rewritten.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { InputFile } from '../../schemas/outputs.ts';
import { sqlString } from '../core/sql.ts';
import type { Db } from '../duckdb.ts';
import { FileRejected } from '../errors.ts';
import { type ExtractSpec, headerScore } from '../extracts/parse.ts';
import { bytes, t } from '../i18n/index.ts';
import type { FileOnDisk, FileRegistry } from './registry.ts';
import {
  blankLines,
  crOnlyLines,
  crToLf,
  DEFAULT_LIMITS,
  type Delimiter,
  detectDelimiter,
  type Encoding,
  formatOf,
  HEADER_SEARCH_LINES,
  type HeaderPlace,
  type ReadLimits,
  recordLine,
  rewriteAsUtf8,
  sha256File,
  sniffText,
  splitCsvLine,
  type TextSniff,
} from './sniff.ts';
import type { Prepared } from './types.ts';
import { type FormulaCell, type MergedRange, xlsxToCsv } from './xlsx.ts';

/** Byte scans started ahead of their file's turn, by path. */
export type ReadAhead = Map<string, Promise<TextSniff>>;

/**
 * Starts the byte scan of a CSV that its turn will parse: not one the warehouse already holds (same
 * name, size and time), nor one of a size it holds (its turn hashes it first to look it up). A scan
 * that fails is reported at the file's turn, as if it had run then.
 */
export async function readAhead(
  path: string,
  rel: string,
  spec: ExtractSpec,
  registry: FileRegistry,
  ahead: ReadAhead,
  limits: ReadLimits,
): Promise<void> {
  const extract = spec.extract;
  const format = formatOf(path);
  if (format !== 'csv' && format !== 'csv.gz') return;
  const onDisk = await stat(path).catch(() => undefined);
  if (!onDisk?.isFile() || onDisk.size === 0) return;
  const disk: FileOnDisk = { rel, bytes: onDisk.size, mtimeMs: onDisk.mtimeMs };
  if (registry.findUnchanged(extract, disk) || registry.hasSize(extract, disk.bytes)) return;
  const scan = sniffText(path, format === 'csv.gz', headerFinder(spec), limits);
  scan.catch(() => undefined); // awaited at the file's turn
  ahead.set(path, scan);
}

/**
 * The byte scan of a file: the one started ahead if the file has not changed since (same size and
 * time; a file still being written is then read again, and caught), else a new one.
 */
async function sniffOnce(
  path: string,
  gz: boolean,
  ahead: ReadAhead | undefined,
  find: (lines: string[]) => HeaderPlace,
  limits: ReadLimits,
): Promise<TextSniff> {
  const early = ahead?.get(path);
  if (early) {
    ahead!.delete(path);
    const sniff = await early.catch(() => undefined);
    const now = await stat(path).catch(() => undefined);
    if (sniff && now && now.size === sniff.size && now.mtimeMs === sniff.mtimeMs) return sniff;
  }
  return sniffText(path, gz, find, limits);
}

export function firstLine(s: string): string {
  return s.split('\n')[0]!.slice(0, 300);
}

/** A Parquet file: its columns, as DuckDB reads them. */
async function prepareParquet(path: string, db: Db, input: InputFile, limits: ReadLimits): Promise<Prepared> {
  input.sha256 = await sha256File(path);
  let cols: { column_name: string }[];
  try {
    cols = await db.all<{ column_name: string }>(`DESCRIBE SELECT * FROM read_parquet(${sqlString(path)})`);
  } catch (e) {
    throw new FileRejected(
      t('ingest.parquetUnreadable', { message: firstLine((e as Error).message) }),
      'unreadable',
    );
  }
  return {
    readPath: path,
    kind: 'parquet',
    gzip: false,
    headers: cols.map((c) => c.column_name),
    delimiter: null,
    encoding: null,
    blankLines: [],
    continuationLines: [],
    headerLine: 0,
    skipLines: 0,
    titleRows: 0,
    duckEncoding: 'utf-8',
    longLines: [],
    maxLineBytes: limits.maxLineBytes,
  };
}

/** A text file on its way to DuckDB: the path it is read from, and whether that is compressed. */
interface TextFile {
  readPath: string;
  gzip: boolean;
}

/**
 * Lines too long to read are emptied (sniff.ts blankLines) and their rows rejected by line number;
 * inside a quoted value that spans lines they cannot be, and the file is rejected.
 */
async function withoutLongLines(
  f: TextFile,
  sniff: TextSniff,
  target: string,
  limits: ReadLimits,
): Promise<void> {
  const continued = new Set(sniff.continuationLines);
  const inQuotes = sniff.longLines.find((l) => continued.has(l) || continued.has(l + 1));
  if (inQuotes !== undefined) {
    throw new FileRejected(
      t('ingest.longLineInQuotes', { line: inQuotes, max: bytes(limits.maxLineBytes) }),
      'line_too_long',
    );
  }
  await blankLines(f.readPath, f.gzip, target, sniff.longLines);
  f.readPath = target;
  f.gzip = false;
}

/**
 * A workbook's first sheet as CSV, and lines ended by a lone CR (Excel for Mac) made line feeds: until
 * then such a file is one line. The sha256 is then the delivered file's, taken here.
 */
async function asText(
  f: TextFile,
  o: { path: string; format: string; workDir: string; fileSeq: number; input: InputFile; limits: ReadLimits },
): Promise<{ merges: MergedRange[]; formulas: FormulaCell[]; crOnly: boolean }> {
  let merges: MergedRange[] = [];
  let formulas: FormulaCell[] = [];
  if (o.format === 'xlsx') {
    o.input.sha256 = await sha256File(o.path);
    f.readPath = join(o.workDir, `${o.fileSeq}.xlsx.csv`);
    ({ merges, formulas } = await xlsxToCsv(o.path, f.readPath, o.limits));
    f.gzip = false;
  }
  const crOnly = o.format !== 'xlsx' && (await crOnlyLines(f.readPath, f.gzip));
  if (crOnly) {
    o.input.sha256 = await sha256File(o.path);
    const target = join(o.workDir, `${o.fileSeq}.lf.csv`);
    await crToLf(f.readPath, f.gzip, target, o.limits);
    Object.assign(f, { readPath: target, gzip: false });
  }
  return { merges, formulas, crOnly };
}

export async function prepare(
  contract: ExtractSpec,
  path: string,
  format: NonNullable<ReturnType<typeof formatOf>>,
  fileSeq: number,
  workDir: string,
  db: Db,
  input: InputFile,
  limits: ReadLimits = DEFAULT_LIMITS,
  ahead?: ReadAhead,
): Promise<Prepared> {
  if (format === 'parquet') return prepareParquet(path, db, input, limits);
  const f: TextFile = { readPath: path, gzip: format === 'csv.gz' };
  const { merges, formulas, crOnly } = await asText(f, { path, format, workDir, fileSeq, input, limits });
  const find = headerFinder(contract);
  let sniff =
    format === 'xlsx' || crOnly
      ? await sniffText(f.readPath, f.gzip, find, limits)
      : await sniffOnce(path, f.gzip, ahead, find, limits);
  if (format !== 'xlsx' && !crOnly) input.sha256 = sniff.sha256;
  const encoding = sniff.encoding;
  // DuckDB reads UTF-8 and Latin-1 itself; Windows-1252's extra bytes (€, –, curly quotes), UTF-16
  // and mixed line endings are rewritten as UTF-8 first.
  if (encoding === 'windows-1252' || encoding === 'utf-16' || sniff.mixedLineEndings) {
    const target = join(workDir, `${fileSeq}.utf8.csv`);
    const from = encoding === 'utf-16' ? 'utf-16' : encoding.startsWith('utf-8') ? 'utf-8' : 'windows-1252';
    await rewriteAsUtf8(f.readPath, f.gzip, target, from);
    Object.assign(f, { readPath: target, gzip: false });
    sniff = await sniffText(f.readPath, false, find, limits);
  }
  const longLines = sniff.longLines;
  const lineOf = (l: number) => (format === 'xlsx' ? recordLine(l, sniff.continuationLines) : l);
  if (longLines.length > 0) {
    await withoutLongLines(f, sniff, join(workDir, `${fileSeq}.short.csv`), limits);
    sniff = {
      ...(await sniffText(f.readPath, false, find, limits)),
      continuationLines: sniff.continuationLines,
    };
  }
  return textPrepared(f, sniff, merges, format === 'xlsx', {
    formulas,
    encoding,
    longLines: longLines.map(lineOf),
    latin1Direct: f.readPath === path && encoding === 'latin-1',
    input,
    maxLineBytes: limits.maxLineBytes,
  });
}

/** What DuckDB is told about a text file, once its header is found (merged cells refused there). */
function textPrepared(
  f: TextFile,
  sniff: TextSniff,
  merges: MergedRange[],
  xlsxRows: boolean,
  o: {
    formulas: FormulaCell[];
    encoding: Encoding;
    longLines: number[];
    latin1Direct: boolean;
    input: InputFile;
    maxLineBytes: number;
  },
): Prepared {
  if (sniff.headerLine.trim() === '') {
    throw new FileRejected(t('ingest.noHeader', { n: HEADER_SEARCH_LINES }), 'no_header');
  }
  // Merged cells are refused where they hide values: in the header and the rows below it. A title
  // merged across the columns above the header is only decoration.
  const headerRow = sniff.skipLines + 1;
  const hiding = merges.filter((m) => m.lastRow >= headerRow);
  if (hiding.length > 0) {
    throw new FileRejected(
      t('ingest.mergedCells', {
        ranges: hiding
          .slice(0, 3)
          .map((m) => m.range)
          .join(', '),
      }),
      'xlsx_merged_cells',
    );
  }
  if (headerRow > 1) o.input.headerLine = headerRow;
  o.input.encoding = xlsxRows ? 'xlsx' : o.encoding;
  o.input.delimiter = sniff.delimiter;
  // A spreadsheet's rows are numbered as the sheet shows them, however many lines a cell has.
  return {
    readPath: f.readPath,
    kind: 'csv',
    gzip: f.gzip,
    headers: splitCsvLine(sniff.headerLine, sniff.delimiter),
    delimiter: sniff.delimiter,
    encoding: o.encoding,
    blankLines: xlsxRows
      ? sniff.blankLines.map((l) => recordLine(l, sniff.continuationLines))
      : sniff.blankLines.filter((l) => !o.longLines.includes(l)),
    continuationLines: xlsxRows ? [] : sniff.continuationLines,
    headerLine: headerRow,
    skipLines: sniff.skipLines,
    titleRows: sniff.titleRows,
    duckEncoding: o.latin1Direct ? 'latin-1' : 'utf-8',
    longLines: o.longLines,
    maxLineBytes: o.maxLineBytes,
    formulas: o.formulas,
  };
}

/** Excel's first line that names the delimiter: `sep=;` (sometimes quoted, or padded with delimiters). */
const SEP_LINE = /^\uFEFF?\s*"?sep=(.)"?[,;\t]*\s*$/i;

/**
 * Finds the header in a file's first lines: below Excel's `sep=` line, title rows and blank lines,
 * the first line that names every required column of the extract. When no line does, the line that
 * names the most of them (so the missing-column message shows the headers the file has), or else the
 * first line with content.
 */
export function headerFinder(contract: ExtractSpec): (lines: string[]) => HeaderPlace {
  return (lines) => {
    let start = 0;
    let delimiter: Delimiter | undefined;
    const sep = SEP_LINE.exec(lines[0] ?? '');
    if (sep) {
      start = 1;
      if (sep[1] === ',' || sep[1] === ';' || sep[1] === '\t') delimiter = sep[1];
    }
    let chosen = -1;
    let first = -1;
    let best = -1;
    let bestMatched = 0;
    for (let i = start; i < Math.min(lines.length, HEADER_SEARCH_LINES); i++) {
      const line = lines[i]!;
      if (line.replace(/[\s,;"]/g, '') === '') continue;
      if (first < 0) first = i;
      const score = headerScore(contract, splitCsvLine(line, delimiter ?? detectDelimiter(line)));
      if (score.complete) {
        chosen = i;
        break;
      }
      if (score.matched > bestMatched) {
        best = i;
        bestMatched = score.matched;
      }
    }
    if (chosen < 0) chosen = bestMatched > 0 ? best : first >= 0 ? first : start;
    // A line of only delimiters (an empty spreadsheet row) is as blank as an empty line.
    const titleRows = lines.slice(0, chosen).filter((l) => l.replace(/[\s,;"]/g, '') !== '').length;
    return { skipLines: chosen, titleRows, ...(delimiter ? { delimiter } : {}) };
  };
}

export function readCsvSql(p: Prepared, width: number, rejects: boolean): string {
  const columns = Array.from({ length: width }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  return `read_csv(${sqlString(p.readPath)}, header = true, skip = ${p.skipLines}, auto_detect = false, delim = ${sqlString(p.delimiter!)},
    quote = '"', escape = '"', columns = {${columns}}, compression = ${p.gzip ? "'gzip'" : "'none'"}, encoding = ${sqlString(p.duckEncoding)},
    null_padding = false, strict_mode = true, max_line_size = ${Math.max(2 * 1024 ** 2, p.maxLineBytes + 1024)}${rejects ? ", store_rejects = true, rejects_table = 'csv_rejects', rejects_scan = 'csv_reject_scans'" : ''})`;
}

export async function countRows(db: Db, p: Prepared): Promise<number> {
  if (p.kind === 'parquet') {
    return (
      await db.one<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM read_parquet(${sqlString(p.readPath)})`)
    ).n;
  }
  await db.run('DROP TABLE IF EXISTS csv_rejects; DROP TABLE IF EXISTS csv_reject_scans;');
  const n = (
    await db.one<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM ${readCsvSql(p, p.headers.length, true)}`)
  ).n;
  const r = (await db.one<{ n: number }>(`SELECT count(DISTINCT line)::BIGINT AS n FROM csv_rejects`)).n;
  return n + r + p.longLines.length;
}
