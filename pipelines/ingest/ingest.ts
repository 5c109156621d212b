/**
 * Ingest (docs/inbox.md): every file of every extract in the inbox goes through
 *   sniff (bytes) -> raw VARCHAR table (DuckDB read_csv / read_parquet) -> parse and check (SQL)
 *   -> pseudonymise (SQL HMAC) -> ingest.<extract> in the warehouse, and rejects -> quarantine.
 * Raw values, CPR included, live only in the in-memory `scratch` database and the run's private work
 * folder, which is deleted when the run ends.
 */
import type { Dirent } from 'node:fs';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { InputFile, Warning } from '../../schemas/outputs.ts';
import { maskCprs, maskCprsSql } from '../core/mask.ts';
import { hmacSql } from '../core/pseudonym.ts';
import { quoteIdent, sqlString } from '../core/sql.ts';
import type { Db } from '../duckdb.ts';
import { FileRejected } from '../errors.ts';
import type { ExtractChanges } from '../extracts/changes.ts';
import {
  birthDateSql,
  columnChecks,
  cprDigitsText,
  type DecimalMark,
  digitCountSql,
  duckType,
  EXTRACT_SPECS,
  type ExtractSpec,
  headerScore,
  mapHeaders,
  masksCpr,
  parseSql,
  type SpecColumn,
} from '../extracts/spec.ts';
import { num, t } from '../i18n/index.ts';
import { FILES_TABLE, type FileOnDisk, FileRegistry, VIOLATIONS_TABLE } from './registry.ts';
import {
  type Delimiter,
  detectDelimiter,
  type Encoding,
  formatOf,
  HEADER_SEARCH_LINES,
  type HeaderPlace,
  recordLine,
  rewriteAsUtf8,
  sha256File,
  sniffText,
  splitCsvLine,
  type TextSniff,
} from './sniff.ts';
import { type MergedRange, xlsxToCsv } from './xlsx.ts';

export interface IngestOptions {
  inbox: string;
  /** Private folder of this run, for transcoded files; deleted by the caller. */
  workDir: string;
  /** Where quarantine files go (`<restricted>/quarantine`); undefined for `kpi check`. */
  quarantineDir?: string;
  /**
   * The worker's hand-over folder. When set, each new file's loaded rows are written to
   * `<handoverDir>/<extract>/<file_id>.parquet` as soon as they are checked, instead of being kept in
   * ingest.<extract>, so the worker never holds a whole extract; an extract that others are checked
   * against (survey responses) is also kept in its table.
   */
  handoverDir?: string;
  onFile?: (f: InputFile) => void;
  /** Every extract of the run, in load order (extracts/own.ts); the built-in ones when not given. */
  extracts?: ExtractSpec[];
}

/** The built-in extracts, in load order: an extract that others reference comes first. */
export const BUILTIN_SPECS: ExtractSpec[] = Object.values(EXTRACT_SPECS);

/** Extracts whose rows other extracts are checked against; ingest keeps them in their tables. */
export const REFERENCED: ReadonlySet<string> = new Set(
  Object.values(EXTRACT_SPECS).flatMap((c) => (c.references ? [c.references.extract] : [])),
);

/** Where the worker hands over one file's rows (see IngestOptions.handoverDir). */
export function handoverFile(handoverDir: string, extract: string, fileId: number): string {
  return join(handoverDir, extract, `${fileId}.parquet`);
}

/**
 * The hand-over is read once, from the run's private folder: uncompressed Parquet writes a third
 * faster than Snappy and loads as fast.
 */
export const HANDOVER_FORMAT = '(FORMAT parquet, COMPRESSION uncompressed)';

export interface IngestResult {
  inputs: InputFile[];
  warnings: Warning[];
  delivered: string[];
  /** Per extract, the files this run parsed and the earlier files it dropped (see registry.ts). */
  changes: Map<string, ExtractChanges>;
}

interface Prepared {
  /** Path DuckDB reads: the original, or a UTF-8 CSV made from it. */
  readPath: string;
  kind: 'csv' | 'parquet';
  gzip: boolean;
  headers: string[];
  delimiter: Delimiter | null;
  encoding: Encoding | null;
  blankLines: number[];
  /** Lines that continue a row whose quoted value spans lines (see TextSniff.continuationLines). */
  continuationLines: number[];
  /** The physical line of the header; data lines follow it. 0 for Parquet (rows count from 1). */
  headerLine: number;
  /** Physical lines above the header (sep= line, title rows, blank lines), which the reader skips. */
  skipLines: number;
  /** Of those, the lines that are not blank: rows read but skipped. */
  titleRows: number;
  /** What DuckDB's reader is told: Latin-1 is read directly, everything else arrives as UTF-8. */
  duckEncoding: 'utf-8' | 'latin-1';
}

const QUARANTINE_COLUMNS = 'line, "column", rule, message, value';

/**
 * Every person the warehouse has seen: person_key is the pseudonym (docs/privacy-and-reliability.md: the first
 * 128 bits of HMAC-SHA256 of the CPR, in hex) and person_id a compact number for it, which every other
 * table carries instead of the 32 characters (a quarter of the warehouse's size, and faster joins). The
 * ids are stable as long as the warehouse is kept; a new warehouse (a new key, a new version) numbers
 * the persons afresh.
 */
export const PERSONS_TABLE =
  'CREATE TABLE IF NOT EXISTS ingest.persons (person_id INTEGER, person_key VARCHAR)';

export async function createIngestTables(db: Db, specs: ExtractSpec[] = BUILTIN_SPECS): Promise<void> {
  await db.run('CREATE SCHEMA IF NOT EXISTS ingest');
  for (const c of specs) {
    const extract = c.extract;
    const cols = ['_file_id INTEGER', '_line BIGINT'];
    for (const col of c.columns) {
      if (col.kind === 'cpr') cols.push('person_id INTEGER', 'birth_date DATE');
      else cols.push(`${quoteIdent(col.name)} ${duckType(col.kind)}`);
    }
    await db.run(`CREATE TABLE IF NOT EXISTS ingest.${extract} (${cols.join(', ')})`);
  }
  await db.run(FILES_TABLE);
  await db.run(VIOLATIONS_TABLE);
  await db.run(PERSONS_TABLE);
  await db.run(
    // Unique by construction: a digit string is keyed only when it is not in the table yet.
    `CREATE TABLE IF NOT EXISTS scratch.person_keys (digits BIGINT, person_key VARCHAR, person_id INTEGER)`,
  );
}

export async function ingestInbox(db: Db, opts: IngestOptions): Promise<IngestResult> {
  const inputs: InputFile[] = [];
  const warnings: Warning[] = [];
  const delivered: string[] = [];
  const seen = new Map<string, string>();
  const specs = opts.extracts ?? BUILTIN_SPECS;
  const names = specs.map((c) => c.extract);
  let inboxEntries: Dirent[];
  try {
    inboxEntries = await readdir(opts.inbox, { withFileTypes: true });
  } catch {
    inboxEntries = [];
    warnings.push({
      code: 'inbox_missing',
      message: t('ingest.inboxMissing', { inbox: opts.inbox }),
    });
  }
  for (const entry of inboxEntries.sort((a, b) => compareNames(a.name, b.name))) {
    if (entry.name.startsWith('.') || names.includes(entry.name)) continue;
    warnings.push(
      entry.isDirectory()
        ? {
            code: 'unknown_folder',
            message: t('ingest.unknownFolder', { name: entry.name, known: names.join(', ') }),
          }
        : {
            code: 'unplaced_file',
            message: t('ingest.unplacedFile', { name: entry.name }),
          },
    );
  }
  await createIngestTables(db, specs);
  // The files the warehouse already holds: the previous run's, when the run starts from its warehouse.
  const registry = await FileRegistry.load(db);
  const ahead: ReadAhead = new Map();
  let fileSeq = 0;
  for (const spec of specs) {
    const extract = spec.extract;
    const dir = join(opts.inbox, extract);
    if (!inboxEntries.some((e) => e.name === extract && e.isDirectory())) {
      await registry.finishExtract(extract);
      continue;
    }
    delivered.push(extract);
    const files = deliveryOrder(await listDelivered(dir));
    for (const [i, name] of files.entries()) {
      fileSeq++;
      // A file named after a person keeps its name only on disk: everywhere it is reported, and in the
      // registry, the CPR in it is masked.
      const rel = maskCprs(`${extract}/${name}`);
      const path = join(dir, ...name.split('/'));
      // The next file's byte scan runs on this thread while DuckDB's threads work on this file.
      const next = files[i + 1];
      if (next !== undefined)
        await readAhead(join(dir, ...next.split('/')), `${extract}/${next}`, spec, registry, ahead);
      const result = await ingestFile(db, spec, path, rel, fileSeq, seen, opts, registry, ahead);
      if (rel !== `${extract}/${name}`) result.input.cprMasked = (result.input.cprMasked ?? 0) + 1;
      inputs.push(result.input);
      warnings.push(...result.warnings, ...cprMaskedWarnings(result.input));
      opts.onFile?.(result.input);
    }
    await registry.finishExtract(extract);
  }
  return { inputs, warnings, delivered, changes: registry.changes };
}

/** The warning for a file in which CPR numbers were masked (its values, headers or name). */
function cprMaskedWarnings(input: InputFile): Warning[] {
  if (!input.cprMasked) return [];
  return [
    {
      code: 'cpr_masked',
      message: t('ingest.cprMasked', { file: input.file, n: num(input.cprMasked) }),
      extract: input.extract,
      file: input.file,
    },
  ];
}

/** Code-point order, the same on every platform and locale. */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Every file of an extract's folder, its sub-folders included, as paths relative to the folder with
 * `/`. Hidden files and folders, and Office's `~$` lock files, are not deliveries.
 */
async function listDelivered(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const d of await readdir(dir, { withFileTypes: true })) {
    if (d.name.startsWith('.') || d.name.startsWith('~$')) continue;
    if (d.isDirectory()) out.push(...(await listDelivered(join(dir, d.name), `${prefix}${d.name}/`)));
    else if (d.isFile()) out.push(`${prefix}${d.name}`);
  }
  return out;
}

/** A correction file names itself so (docs/inbox.md; the Danish and English words). */
export const CORRECTION_NAME = /rettelse|korrektion|correction/i;

/**
 * The order in which files are loaded; where two rows share a key, the row of the later file wins.
 * Correction files come after every regular file, whatever their names: `eindkomst_2026-10_rettelse.csv`
 * must beat `eindkomst_2026.csv`, which sorts after it by name. Otherwise by path relative to the
 * extract's folder, so a later delivery (a later name) wins.
 */
export function deliveryOrder(paths: string[]): string[] {
  const rank = (p: string) => (CORRECTION_NAME.test(p) ? 1 : 0);
  return [...paths].sort((a, b) => rank(a) - rank(b) || compareNames(a, b));
}

/** Byte scans started ahead of their file's turn, by path. */
type ReadAhead = Map<string, Promise<TextSniff>>;

/**
 * Starts the byte scan of a CSV that its turn will parse: not one the warehouse already holds (same
 * name, size and time), nor one of a size it holds (its turn hashes it first to look it up). A scan
 * that fails is reported at the file's turn, as if it had run then.
 */
async function readAhead(
  path: string,
  rel: string,
  spec: ExtractSpec,
  registry: FileRegistry,
  ahead: ReadAhead,
): Promise<void> {
  const extract = spec.extract;
  const format = formatOf(path);
  if (format !== 'csv' && format !== 'csv.gz') return;
  const onDisk = await stat(path).catch(() => undefined);
  if (!onDisk?.isFile() || onDisk.size === 0) return;
  const disk: FileOnDisk = { rel, bytes: onDisk.size, mtimeMs: onDisk.mtimeMs };
  if (registry.findUnchanged(extract, disk) || registry.hasSize(extract, disk.bytes)) return;
  const scan = sniffText(path, format === 'csv.gz', headerFinder(spec));
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
): Promise<TextSniff> {
  const early = ahead?.get(path);
  if (early) {
    ahead!.delete(path);
    const sniff = await early.catch(() => undefined);
    const now = await stat(path).catch(() => undefined);
    if (sniff && now && now.size === sniff.size && now.mtimeMs === sniff.mtimeMs) return sniff;
  }
  return sniffText(path, gz, find);
}

interface FileOutcome {
  input: InputFile;
  warnings: Warning[];
  rules: Record<string, number>;
}

/** A file's manifest entry before it is read. */
function freshInput(extract: string, rel: string): InputFile {
  return {
    extract,
    file: rel,
    sha256: '',
    status: 'loaded',
    rowsRead: 0,
    rowsLoaded: 0,
    rowsRejected: 0,
    rowsSkipped: 0,
    encoding: null,
    delimiter: null,
    decimal: null,
    extraColumns: [],
  };
}

function emptyFile(input: InputFile): FileOutcome {
  const { extract, file } = input;
  input.status = 'empty';
  return {
    input,
    warnings: [{ code: 'empty_file', message: t('ingest.emptyFile', { file }), extract, file }],
    rules: {},
  };
}

/** The same bytes as a file read earlier this run: not read twice. */
function duplicateFile(input: InputFile, dup: string): FileOutcome {
  const { extract, file } = input;
  input.status = 'duplicate';
  input.duplicateOf = dup;
  return {
    input,
    warnings: [{ code: 'duplicate_file', message: t('ingest.duplicateFile', { file, dup }), extract, file }],
    rules: {},
  };
}

/** Which columns are missing, the headers found and where, the near misses, and a delimiter hint. */
function missingColumnsMessage(
  contract: ExtractSpec,
  prepared: Prepared,
  mapping: ReturnType<typeof mapHeaders>,
): string {
  const found = prepared.headers.map((h) => h.replace(/^\uFEFF/, '').trim()).join(', ');
  const hint =
    prepared.headers.length === 1 && /[|:]/.test(prepared.headers[0] ?? '')
      ? t('ingest.delimiterHint', { delimiter: /[|]/.test(prepared.headers[0]!) ? '|' : ':' })
      : '';
  const names = mapping.missing.map((m) => {
    const col = contract.columns.find((c) => c.name === m)!;
    return col.aliases.length ? t('ingest.columnOr', { name: m, aliases: col.aliases.join(', ') }) : m;
  });
  const where =
    prepared.kind === 'parquet'
      ? ''
      : t('ingest.headersWhere', { line: prepared.headerLine, n: HEADER_SEARCH_LINES });
  const didYouMean = [...mapping.nearMisses]
    .map(([column, header]) => t('ingest.headerDidYouMean', { header, column }))
    .join('');
  return (
    t(mapping.missing.length > 1 ? 'ingest.missingColumns' : 'ingest.missingColumn', {
      names: names.join('; '),
    }) +
    t('ingest.headersFound', { found: found || t('ingest.headersNone'), where }) +
    didYouMean +
    hint
  );
}

/**
 * The same bytes were loaded by an earlier run: their rows, and their quarantine records, are kept as they
 * are. An extract checked against another one is parsed again when that one changed.
 */
async function fromEarlierRun(
  db: Db,
  contract: ExtractSpec,
  path: string,
  disk: FileOnDisk,
  fileSeq: number,
  seen: Map<string, string>,
  opts: IngestOptions,
  registry: FileRegistry,
  input: InputFile,
): Promise<FileOutcome | undefined> {
  const { extract } = contract;
  const { rel } = disk;
  const ref = contract.references?.extract;
  if (!ref || !registry.changed(ref)) {
    // Hashing reads the whole file, so it is done only when a registered file has the same size.
    const sha =
      registry.findUnchanged(extract, disk)?.sha256 ??
      (registry.hasSize(extract, disk.bytes) ? await sha256File(path) : undefined);
    const hit = sha === undefined || seen.has(sha) ? undefined : registry.find(extract, sha);
    if (hit) {
      Object.assign(input, hit.stats.input, { extract, file: rel, sha256: sha!, fromCache: true });
      seen.set(sha!, rel);
      await registry.keep(hit.fileId, disk, fileSeq);
      if (input.rowsRejected > 0 && opts.quarantineDir) {
        await writeRejects(
          db,
          `ingest.violations WHERE file_id = ${hit.fileId}`,
          join(opts.quarantineDir, `${rel}.rejects.csv`),
        );
      }
      return {
        input,
        warnings: quarantineWarnings(rel, extract, input, hit.stats.rules),
        rules: hit.stats.rules,
      };
    }
  }

  return undefined;
}

async function ingestFile(
  db: Db,
  contract: ExtractSpec,
  path: string,
  rel: string,
  fileSeq: number,
  seen: Map<string, string>,
  opts: IngestOptions,
  registry: FileRegistry,
  ahead?: ReadAhead,
): Promise<FileOutcome> {
  const extract = contract.extract;
  const input = freshInput(extract, rel);
  const reject = async (e: FileRejected): Promise<FileOutcome> => {
    input.status = 'rejected';
    input.rowsRead = e.rowsRead;
    input.rowsRejected = e.rowsRead;
    input.rowsLoaded = 0;
    const message = maskCprs(e.message);
    input.message = message;
    await writeFileReject(opts.quarantineDir, rel, e.rule, message);
    return {
      input,
      warnings: [{ code: 'file_rejected', message: `${rel}: ${message}`, extract, file: rel }],
      rules: { [e.rule]: Math.max(1, e.rowsRead) },
    };
  };

  const format = formatOf(path);
  if (!format) {
    input.sha256 = await sha256File(path);
    return reject(new FileRejected(t('ingest.unsupportedFormat'), 'unsupported_format'));
  }
  const onDisk = await stat(path);
  const size = onDisk.size;
  if (size === 0) {
    input.sha256 = await sha256File(path);
    return emptyFile(input);
  }

  const disk: FileOnDisk = { rel, bytes: size, mtimeMs: onDisk.mtimeMs };
  const kept = await fromEarlierRun(db, contract, path, disk, fileSeq, seen, opts, registry, input);
  if (kept) return kept;

  let prepared: Prepared;
  try {
    prepared = await prepare(contract, path, format, fileSeq, opts.workDir, db, input, ahead);
  } catch (e) {
    if (e instanceof FileRejected) return reject(e);
    throw e;
  }
  const dup = seen.get(input.sha256);
  if (dup) {
    return duplicateFile(input, dup);
  }
  seen.set(input.sha256, rel);

  const mapping = mapHeaders(contract, prepared.headers);
  input.extraColumns = mapping.extra.map(maskCprs);
  const dataRows = async () => countRows(db, prepared).catch(() => 0);
  if (mapping.missing.length > 0) {
    return reject(
      new FileRejected(
        missingColumnsMessage(contract, prepared, mapping),
        'missing_column',
        await dataRows(),
      ),
    );
  }

  try {
    return await loadRows(db, contract, prepared, mapping.columnIndex, disk, fileSeq, input, opts, registry);
  } catch (e) {
    if (e instanceof FileRejected) return reject(e);
    // DuckDB could not read the file at all: keep the analyst's view on the file, not on our code.
    return reject(
      new FileRejected(
        t('ingest.unreadable', { message: firstLine((e as Error).message) }),
        'unreadable',
        await dataRows(),
      ),
    );
  }
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.slice(0, 300);
}

async function prepare(
  contract: ExtractSpec,
  path: string,
  format: NonNullable<ReturnType<typeof formatOf>>,
  fileSeq: number,
  workDir: string,
  db: Db,
  input: InputFile,
  ahead?: ReadAhead,
): Promise<Prepared> {
  if (format === 'parquet') {
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
    };
  }
  let readPath = path;
  let gzip = format === 'csv.gz';
  let merges: MergedRange[] = [];
  if (format === 'xlsx') {
    input.sha256 = await sha256File(path);
    readPath = join(workDir, `${fileSeq}.xlsx.csv`);
    merges = (await xlsxToCsv(path, readPath)).merges;
    gzip = false;
  }
  const find = headerFinder(contract);
  let sniff =
    format === 'xlsx' ? await sniffText(readPath, gzip, find) : await sniffOnce(path, gzip, ahead, find);
  if (format !== 'xlsx') input.sha256 = sniff.sha256;
  const encoding = sniff.encoding;
  // DuckDB reads UTF-8 and Latin-1 itself; Windows-1252's extra bytes (€, –, curly quotes), UTF-16
  // and mixed line endings are rewritten as UTF-8 first.
  if (encoding === 'windows-1252' || encoding === 'utf-16' || sniff.mixedLineEndings) {
    const target = join(workDir, `${fileSeq}.utf8.csv`);
    const from = encoding === 'utf-16' ? 'utf-16' : encoding.startsWith('utf-8') ? 'utf-8' : 'windows-1252';
    await rewriteAsUtf8(readPath, gzip, target, from);
    readPath = target;
    gzip = false;
    sniff = await sniffText(readPath, false, find);
  }
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
  if (headerRow > 1) input.headerLine = headerRow;
  input.encoding = format === 'xlsx' ? 'xlsx' : encoding;
  input.delimiter = sniff.delimiter;
  // A spreadsheet's rows are numbered as the sheet shows them, however many lines a cell has.
  const xlsxRows = format === 'xlsx';
  return {
    readPath,
    kind: 'csv',
    gzip,
    headers: splitCsvLine(sniff.headerLine, sniff.delimiter),
    delimiter: sniff.delimiter,
    encoding,
    blankLines: xlsxRows
      ? sniff.blankLines.map((l) => recordLine(l, sniff.continuationLines))
      : sniff.blankLines,
    continuationLines: xlsxRows ? [] : sniff.continuationLines,
    headerLine: headerRow,
    skipLines: sniff.skipLines,
    titleRows: sniff.titleRows,
    duckEncoding: readPath === path && encoding === 'latin-1' ? 'latin-1' : 'utf-8',
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

function readCsvSql(p: Prepared, width: number, rejects: boolean): string {
  const columns = Array.from({ length: width }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  return `read_csv(${sqlString(p.readPath)}, header = true, skip = ${p.skipLines}, auto_detect = false, delim = ${sqlString(p.delimiter!)},
    quote = '"', escape = '"', columns = {${columns}}, compression = ${p.gzip ? "'gzip'" : "'none'"}, encoding = ${sqlString(p.duckEncoding)},
    null_padding = false, strict_mode = true${rejects ? ", store_rejects = true, rejects_table = 'csv_rejects', rejects_scan = 'csv_reject_scans'" : ''})`;
}

async function countRows(db: Db, p: Prepared): Promise<number> {
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
  return n + r;
}

/** One file being loaded: what the steps of loadRows share. */
interface FileLoad {
  db: Db;
  contract: ExtractSpec;
  p: Prepared;
  columnIndex: Map<string, number>;
  disk: FileOnDisk;
  fileSeq: number;
  input: InputFile;
  opts: IngestOptions;
  registry: FileRegistry;
  fileId: number;
}

/** A violation record as SQL: which column broke which rule, the message, and the (masked) value. */
function violationSql(column: string, rule: string, message: string, value: string): string {
  return `{'column': ${sqlString(column)}, 'rule': ${sqlString(rule)}, 'message': ${sqlString(message)}, 'value': ${value}}`;
}

async function loadRows(
  db: Db,
  contract: ExtractSpec,
  p: Prepared,
  columnIndex: Map<string, number>,
  disk: FileOnDisk,
  fileSeq: number,
  input: InputFile,
  opts: IngestOptions,
  registry: FileRegistry,
): Promise<FileOutcome> {
  const f: FileLoad = {
    db,
    contract,
    p,
    columnIndex,
    disk,
    fileSeq,
    input,
    opts,
    registry,
    fileId: registry.allocate(),
  };
  const totalsSkipped = await readRaw(f);
  const decimal = await decideDecimal(f);
  await parseRows(f, decimal);
  await recordViolations(f);
  const loaded = await pseudonymiseAndStore(f);
  return countAndRecord(f, loaded, totalsSkipped);
}

/** 1. The raw text of every row with its physical line (the view `raw`); returns the totals rows skipped. */
async function readRaw(f: FileLoad): Promise<number> {
  const { db, contract, p, columnIndex, opts, fileId } = f;
  const width = p.headers.length;
  const rawCols = (prefix: string) =>
    contract.columns.map((c) => {
      const idx = columnIndex.get(c.name);
      const src =
        idx === undefined
          ? 'NULL'
          : p.kind === 'parquet'
            ? `CAST(${quoteIdent(p.headers[idx]!)} AS VARCHAR)`
            : `${prefix}c${idx}`;
      return `nullif(${trimmedSql(src)}, '') AS ${quoteIdent(`v_${c.name}`)}`;
    });

  let totalsSkipped = 0;
  // 1. Raw text, with the physical line of every row. A CSV is read once into a table; the parse in
  // step 3 runs faster over a table than over the CSV reader.
  await db.run(
    'DROP VIEW IF EXISTS raw; DROP VIEW IF EXISTS parsed; DROP TABLE IF EXISTS scratch.raw_csv; DROP TABLE IF EXISTS csv_rejects; DROP TABLE IF EXISTS csv_reject_scans;',
  );
  if (p.kind === 'parquet') {
    await db.run(`CREATE TEMP VIEW raw AS SELECT file_row_number + 1 AS _line, ${rawCols('').join(', ')}
      FROM read_parquet(${sqlString(p.readPath)}, file_row_number = true)`);
    await db.run(
      'CREATE TEMP TABLE csv_rejects (line BIGINT, column_name VARCHAR, error_type VARCHAR, error_message VARCHAR, csv_line VARCHAR)',
    );
  } else {
    await db.run(`CREATE TABLE scratch.raw_csv AS SELECT * FROM ${readCsvSql(p, width, true)}`);
    // The physical line of every row. DuckDB skips blank lines and rows it rejects while parsing, and
    // a quoted value with line breaks takes several lines for one row; all of these shift the lines of
    // the rows after them: row i (0-based, the table's rowid: it was filled in file order) sits on line
    // headerLine + 1 + i + (skipped lines before it). DuckDB numbers rejected rows by record, not by
    // physical line, when a quoted value spans lines: their lines are made physical first.
    // The line lists can be long (a multi-line value in every row): they reach DuckDB as files.
    const blankFile = await linesFile(opts.workDir, `${fileId}.blank`, p.blankLines);
    const continuationFile = await linesFile(opts.workDir, `${fileId}.continuation`, p.continuationLines);
    if (continuationFile) await physicalRejectLines(db, continuationFile);
    const rejects = (await db.one<{ n: number }>('SELECT count(*)::BIGINT AS n FROM csv_rejects')).n;
    const base = p.headerLine + 1;
    const totals = await markTrailingTotals(db);
    const notTotal = totals > 0 ? ' WHERE r.rowid NOT IN (SELECT r FROM totals_rows)' : '';
    totalsSkipped = totals;
    if (!blankFile && !continuationFile && rejects === 0) {
      await db.run(
        `CREATE TEMP VIEW raw AS SELECT r.rowid + ${base} AS _line, ${rawCols('r.').join(', ')} FROM scratch.raw_csv r${notTotal}`,
      );
    } else {
      // The j-th skipped line (1-based), on physical line s, shifts every row from row t = s - base -
      // (j - 1) on by j: an as-of join finds each row's j.
      const skipped = [
        ...[blankFile, continuationFile].filter((f) => f !== undefined).map(readLinesSql),
        'SELECT line::BIGINT AS line FROM csv_rejects',
      ].join(' UNION ALL ');
      await db.run(`CREATE OR REPLACE TEMP TABLE skip_thresholds AS
        SELECT line - ${base} - (j - 1) AS t, max(j) AS j
        FROM (SELECT line, row_number() OVER (ORDER BY line) AS j FROM (SELECT DISTINCT line FROM (${skipped})))
        GROUP BY 1`);
      await db.run(`CREATE TEMP VIEW raw AS SELECT r.rowid + ${base} + coalesce(s.j, 0) AS _line, ${rawCols('r.').join(', ')}
        FROM scratch.raw_csv r ASOF LEFT JOIN skip_thresholds s ON r.rowid >= s.t${notTotal}`);
      // A totals row with fewer values than the header is one DuckDB rejected while parsing.
      totalsSkipped += await dropTrailingTotalRejects(db, p.delimiter!);
    }
  }

  return totalsSkipped;
}

/** 2. The file's decimal mark. */
async function decideDecimal(f: FileLoad): Promise<DecimalMark> {
  const { db, contract, p, columnIndex, input } = f;
  // 2. Decimal mark: decided once per file from the numeric columns' text (docs/inbox.md).
  const numeric = contract.columns.filter(
    (c) => (c.kind === 'decimal' || c.kind === 'integer') && columnIndex.has(c.name),
  );
  const decimal: DecimalMark =
    p.kind === 'parquet'
      ? '.'
      : await detectDecimal(
          db,
          numeric.map((c) => quoteIdent(`v_${c.name}`)),
          'raw',
          p.delimiter!,
        );
  input.decimal = numeric.length > 0 ? decimal : null;

  return decimal;
}

/** 3. Every value parsed and every row flagged (`_bad`): the view `parsed`. */
async function parseRows(f: FileLoad, decimal: DecimalMark): Promise<void> {
  const { db, contract, p, columnIndex } = f;
  // 3. One pass: parse every value and flag every row that breaks a rule (`_bad`).
  const headerCols = contract.columns
    .filter((c) => columnIndex.has(c.name))
    .map((c) => ({
      v: quoteIdent(`v_${c.name}`),
      header: p.headers[columnIndex.get(c.name)!]!.replace(/^\uFEFF/, '').trim(),
    }));
  const headerRepeat = headerCols.map(
    ({ v, header }) => `lower(coalesce(${v}, '')) = ${sqlString(header.toLowerCase())}`,
  );
  // lower() over every value is costly on a national extract; a byte-length test first (free: DuckDB stores
  // it) leaves it to the few values as long as the header. Only for an ASCII header, whose length no
  // change of case alters.
  const asciiHeader = headerCols.find(({ header }) => /^[\x20-\x7e]+$/.test(header));
  const headerAgain =
    headerRepeat.length === 0
      ? 'false'
      : asciiHeader
        ? `CASE WHEN strlen(${asciiHeader.v}) = ${Buffer.byteLength(asciiHeader.header)} THEN ${headerRepeat.join(' AND ')} ELSE false END`
        : `(${headerRepeat.join(' AND ')})`;
  const typed = contract.columns.map(
    (c) => `${parseSql(c, quoteIdent(`v_${c.name}`), decimal)} AS ${quoteIdent(c.name)}`,
  );
  const cprCol = contract.columns.find((c) => c.kind === 'cpr');
  const cprWhenCols = contract.columns.filter((c) => c.cprWhen);
  // How many of the row's values had a CPR masked (extracts/spec.ts masksCpr), counted per file.
  const masked = contract.columns.filter(masksCpr);
  const derived = [
    cprCol ? `${birthDateSql(quoteIdent(cprCol.name))} AS birth_date` : 'NULL::DATE AS birth_date',
    ...(masked.length
      ? [
          `(${masked.map((c) => `coalesce(contains(${quoteIdent(c.name)}, '******-**') AND NOT contains(${quoteIdent(`v_${c.name}`)}, '******-**'), false)::INTEGER`).join(' + ')})::INTEGER AS _cpr_masked`,
        ]
      : []),
    ...cprWhenCols.map((c) => {
      const digits = parseSql({ ...c, kind: 'cpr' }, quoteIdent(`v_${c.name}`), decimal);
      return `CASE WHEN (${c.cprWhen}) AND ${birthDateSql(digits)} IS NOT NULL THEN ${digits} END AS ${quoteIdent(`cpr_${c.name}`)}`;
    }),
  ];
  const allNull = contract.columns.map((c) => `${quoteIdent(`v_${c.name}`)} IS NULL`).join(' AND ');
  // The rules are evaluated once per row for a flag; the violation records are built for bad rows only.
  const conditions = [
    ...contract.columns.flatMap((col) => columnChecks(col).map((ch) => ch.violatedWhen)),
    ...contract.rules.map((rule) => rule.violatedWhen),
  ];
  // The raw text is kept for the rows that break a rule (the quarantine shows it) and, for every row,
  // for the columns that other checks quote (the key's last column, the referenced column). The bad
  // rows' text goes into one list column: an in-memory table stores a NULL value in every row of every
  // column, and one list in place of five text columns saves much memory on a national extract. The `parsed` view
  // shows the text under the columns' own names again.
  const quoted = new Set([contract.key[contract.key.length - 1], contract.references?.columns.at(-1)]);
  const onlyWhenBad = contract.columns
    .filter((c) => !quoted.has(c.name))
    .map((c) => quoteIdent(`v_${c.name}`));
  await db.run('DROP TABLE IF EXISTS scratch.parsed_rows');
  await db.run(`CREATE TABLE scratch.parsed_rows AS
    SELECT * ${onlyWhenBad.length ? `EXCLUDE (${onlyWhenBad.join(', ')}), CASE WHEN _bad THEN [${onlyWhenBad.join(', ')}] END AS _bad_text` : ''} FROM (
    SELECT *, _empty OR _header_again ${conditions.map((c) => `OR coalesce(${c}, false)`).join(' ')} AS _bad FROM (
      SELECT *, ${derived.join(', ')} FROM (
        SELECT _line, ${contract.columns.map((c) => quoteIdent(`v_${c.name}`)).join(', ')}, ${typed.join(', ')},
          (${allNull}) AS _empty, ${headerAgain} AS _header_again
        FROM raw)))`);
  await db.run('DROP VIEW raw; DROP TABLE IF EXISTS scratch.raw_csv;');
  await db.run(
    `CREATE TEMP VIEW parsed AS SELECT * ${
      onlyWhenBad.length
        ? `EXCLUDE (_bad_text), ${onlyWhenBad.map((v, i) => `_bad_text[${i + 1}] AS ${v}`).join(', ')}`
        : ''
    } FROM scratch.parsed_rows`,
  );
}

/** 4. The violations of the flagged rows and of the rows DuckDB could not split (scratch.violations). */
async function recordViolations(f: FileLoad): Promise<void> {
  const { db, contract, p } = f;
  const width = p.headers.length;
  const checks = [
    ...contract.columns.flatMap((col) =>
      columnChecks(col).map(
        (ch) =>
          `CASE WHEN ${ch.violatedWhen} THEN ${violationSql(ch.column, ch.rule, ch.message, maskedValue(col))} END`,
      ),
    ),
    ...contract.rules.map((rule) => {
      const col = contract.columns.find((c) => c.name === rule.column)!;
      const message = t(rule.message.key, rule.message.params);
      return `CASE WHEN coalesce(${rule.violatedWhen}, false) THEN ${violationSql(rule.column, rule.rule, message, maskedValue(col))} END`;
    }),
  ];
  // 4. The violations, one row per (line, column, rule); a row with any violation is rejected.
  const violationList = `CASE
      WHEN _empty THEN [${violationSql('', 'empty_row', t('rule.empty_row'), "''")}]
      WHEN _header_again THEN [${violationSql('', 'repeated_header', t('rule.repeated_header'), "''")}]
      ELSE list_filter([${checks.join(',\n        ') || 'NULL'}], lambda x: x IS NOT NULL) END`;
  await db.run(`DROP TABLE IF EXISTS scratch.violations;
    CREATE TABLE scratch.violations AS
    SELECT _line AS line, v.column AS "column", v.rule AS rule, v.message AS message, v.value AS value
    FROM (SELECT _line, unnest(${violationList}) AS v FROM parsed WHERE _bad)`);
  if (contract.key.length > 0) await checkDuplicateKeys(db, contract);
  // Rows DuckDB could not split into the header's columns; internal column names become the file's.
  const headerName = `CASE column_name ${p.headers
    .map((h, i) => `WHEN 'c${i}' THEN ${sqlString(maskCprs(h.replace(/^\uFEFF/, '').trim()))}`)
    .join(' ')} ELSE coalesce(column_name, '') END`;
  await db.run(`INSERT INTO scratch.violations
    SELECT line, ${p.kind === 'csv' ? headerName : "coalesce(column_name, '')"}, lower(replace(error_type, ' ', '_')),
      CASE error_type
        WHEN 'UNQUOTED VALUE' THEN ${sqlString(t('rule.unquoted_value'))}
        WHEN 'TOO MANY COLUMNS' THEN ${sqlString(t('rule.too_many_columns', { width }))}
        WHEN 'MISSING COLUMNS' THEN ${sqlString(t('rule.missing_columns', { width }))}
        ELSE ${maskCprsSql('error_message')} END,
      left(${maskCprsSql('csv_line')}, 200)
    FROM csv_rejects`);
  // A column name DuckDB reports itself (a Parquet column) is the file's: masked like a header cell.
  await db.run(
    `UPDATE scratch.violations SET "column" = ${maskCprsSql('"column"')} WHERE regexp_matches("column", '[0-9]{6}')`,
  );
}

/** 5. Pseudonymised and stored (or handed over); returns the rows loaded. */
async function pseudonymiseAndStore(f: FileLoad): Promise<number> {
  const { db, contract, opts, fileId } = f;
  const extract = contract.extract;
  const cprCol = contract.columns.find((c) => c.kind === 'cpr');
  const cprWhenCols = contract.columns.filter((c) => c.cprWhen);
  // 5. Pseudonymise: key each distinct CPR once, then join the keys back. A person new to the
  //    warehouse gets the next person_id (ingest.persons), in person_key order so a run is deterministic.
  const digitCols = [...(cprCol ? [cprCol.name] : []), ...cprWhenCols.map((c) => `cpr_${c.name}`)];
  for (const d of digitCols) {
    await db.run(`CREATE OR REPLACE TABLE scratch.new_keys AS
      WITH keyed AS (
        SELECT k.digits, k.person_key, p.person_id FROM (
          SELECT digits, ${hmacSql(cprDigitsText('digits'))} AS person_key FROM (SELECT DISTINCT ${quoteIdent(d)} AS digits FROM parsed
            WHERE ${quoteIdent(d)} IS NOT NULL AND NOT _bad) d
          WHERE digits NOT IN (SELECT digits FROM scratch.person_keys)) k
        LEFT JOIN ingest.persons p USING (person_key))
      SELECT digits, person_key, person_id IS NULL AS is_new,
        coalesce(person_id, (SELECT coalesce(max(person_id), 0) FROM ingest.persons)
          + row_number() OVER (PARTITION BY person_id IS NULL ORDER BY person_key))::INTEGER AS person_id
      FROM keyed`);
    await db.run(`INSERT INTO ingest.persons SELECT person_id, person_key FROM scratch.new_keys WHERE is_new;
      INSERT INTO scratch.person_keys SELECT digits, person_key, person_id FROM scratch.new_keys;
      DROP TABLE scratch.new_keys`);
  }
  const finalCols = contract.columns.flatMap((c) => {
    if (c.kind === 'cpr') return ['k.person_id AS person_id', 'p.birth_date AS birth_date'];
    if (c.cprWhen) return [`coalesce(kw.person_key, p.${quoteIdent(c.name)}) AS ${quoteIdent(c.name)}`];
    return [`p.${quoteIdent(c.name)} AS ${quoteIdent(c.name)}`];
  });
  const cprWhen = cprWhenCols[0];
  const extraRejects = (
    await db.one<{ n: number }>(
      "SELECT count(*)::BIGINT AS n FROM scratch.violations WHERE rule = 'duplicate_key'",
    )
  ).n;
  const finalSelect = `SELECT ${fileId}::INTEGER AS _file_id, p._line AS _line, ${finalCols.join(', ')}
    FROM parsed p
    ${cprCol ? `LEFT JOIN scratch.person_keys k ON k.digits = p.${quoteIdent(cprCol.name)}` : ''}
    ${cprWhen ? `LEFT JOIN scratch.person_keys kw ON kw.digits = p.${quoteIdent(`cpr_${cprWhen.name}`)}` : ''}
    WHERE NOT p._bad ${extraRejects > 0 ? "AND p._line NOT IN (SELECT line FROM scratch.violations WHERE rule = 'duplicate_key')" : ''}`;
  let loaded: number;
  const handOver = opts.handoverDir !== undefined && !REFERENCED.has(extract);
  if (handOver) await mkdir(join(opts.handoverDir!, extract), { recursive: true });
  const store = (select: string) =>
    handOver
      ? `COPY (${select}) TO ${sqlString(handoverFile(opts.handoverDir!, extract, fileId))} ${HANDOVER_FORMAT}`
      : `INSERT INTO ingest.${extract} ${select}`;
  if (contract.references) {
    await db.run(`DROP TABLE IF EXISTS scratch.final; CREATE TABLE scratch.final AS ${finalSelect}`);
    await checkReferences(db, contract);
    loaded = await db.change(
      store('SELECT * FROM scratch.final WHERE _line NOT IN (SELECT line FROM scratch.violations)'),
    );
    await db.run('DROP TABLE scratch.final');
  } else {
    loaded = await db.change(store(finalSelect));
  }

  return loaded;
}

/** 6. The counts, checked to add up, the quarantine file and the registry entry. */
async function countAndRecord(f: FileLoad, loaded: number, totalsSkipped: number): Promise<FileOutcome> {
  const { db, contract, p, disk, fileSeq, input, opts, registry, fileId } = f;
  const extract = contract.extract;
  const rel = disk.rel;
  // 6. Count, and check that nothing was lost.
  const masks = contract.columns.some(masksCpr);
  const { masked, ...counted } = await db.one<{ parsed: number; rejected: number; masked: number }>(`SELECT
    (SELECT count(*) FROM parsed)::BIGINT + (SELECT count(DISTINCT line) FROM csv_rejects)::BIGINT AS parsed,
    (SELECT count(DISTINCT line) FROM scratch.violations)::BIGINT AS rejected,
    ${masks ? '(SELECT coalesce(sum(_cpr_masked), 0) FROM parsed)::BIGINT' : '0'} AS masked`);
  const counts = { ...counted, loaded };
  const maskedHeaders = p.headers.filter((h) => maskCprs(h) !== h).length;
  if (masked + maskedHeaders > 0) input.cprMasked = masked + maskedHeaders;
  input.rowsSkipped = p.titleRows + totalsSkipped;
  input.rowsRead = counts.parsed + input.rowsSkipped;
  input.rowsLoaded = counts.loaded;
  input.rowsRejected = counts.rejected;
  if (counts.loaded + counts.rejected !== counts.parsed) {
    throw new Error(
      `internal error: ${rel}: ${counts.parsed} rows read but ${counts.loaded} loaded + ${counts.rejected} rejected`,
    );
  }
  if (counts.parsed === 0) input.status = 'empty';

  const rules: Record<string, number> = {};
  if (counts.rejected > 0) {
    const byRule = await db.all<{ rule: string; n: number }>(
      'SELECT rule, count(DISTINCT line)::BIGINT AS n FROM scratch.violations GROUP BY rule ORDER BY n DESC, rule',
    );
    for (const r of byRule) rules[r.rule] = r.n;
    if (opts.quarantineDir) {
      await writeRejects(db, 'scratch.violations', join(opts.quarantineDir, `${rel}.rejects.csv`));
    }
  }
  const { extract: _e, file: _f, ...stats } = input;
  await db.run(
    `INSERT INTO ingest.violations SELECT ${fileId}, ${QUARANTINE_COLUMNS} FROM scratch.violations`,
  );
  await registry.register(extract, fileId, disk, input.sha256, fileSeq, { input: stats, rules });
  const warnings = quarantineWarnings(rel, extract, input, rules);
  await db.run(
    'DROP VIEW parsed; DROP TABLE scratch.parsed_rows; DROP TABLE scratch.violations; DROP TABLE IF EXISTS csv_rejects;',
  );
  return { input, warnings, rules };
}

/** Characters trimmed from both ends of every value: space, tab, carriage return, no-break space. */
const TRIMMED = [' ', '\t', '\r', '\u00a0'];

/**
 * A value without the surrounding TRIMMED characters. trim() with a character set costs several times
 * a test of the value's ends, and almost no value needs it, so it runs only where an end may need it.
 * The start is tested by comparing strings byte by byte: below '!' is a value that starts with a space,
 * tab or carriage return (or any other byte up to 0x20); between U+00A0 and U+00A1 one that starts with
 * a no-break space. This costs a third less than a prefix LIKE per character.
 */
function trimmedSql(expr: string): string {
  const edges = [
    `${expr} < '!'`,
    `(${expr} >= '\u00a0' AND ${expr} < '\u00a1')`,
    ...TRIMMED.map((ch) => `ends_with(${expr}, '${ch}')`),
  ].join(' OR ');
  return `CASE WHEN ${edges} THEN trim(${expr}, '${TRIMMED.join('')}') ELSE ${expr} END`;
}

/**
 * A totals row's first cell, folded (Danish and English exports): `I alt`, `Total`, `Totalt`, `Sum`,
 * `Hovedtotal`.
 */
function isTotalsSql(cell: string): string {
  return `regexp_replace(lower(coalesce(${cell}, '')), '[^a-zæøå]', '', 'g') IN ('ialt', 'total', 'totalt', 'sum', 'hovedtotal')`;
}

/** How far from the end a totals row is looked for. */
const TOTALS_TAIL = 10;

/**
 * Marks the totals rows at the end of scratch.raw_csv in `totals_rows` (their rowids): the last rows
 * whose first cell is a totals word, after every other row. Only the file's last rows are read.
 * Returns how many there are.
 */
async function markTrailingTotals(db: Db): Promise<number> {
  await db.run(`CREATE OR REPLACE TEMP TABLE totals_rows AS
    WITH tail AS (
      SELECT rowid AS r, ${isTotalsSql('c0')} AS t FROM scratch.raw_csv
      WHERE rowid >= (SELECT count(*) FROM scratch.raw_csv) - ${TOTALS_TAIL})
    SELECT r FROM tail WHERE t AND r > coalesce((SELECT max(r) FROM tail WHERE NOT t), -1)`);
  return (await db.one<{ n: number }>('SELECT count(*)::BIGINT AS n FROM totals_rows')).n;
}

/** Removes totals rows that DuckDB rejected (too few values) below the last data row; returns how many. */
async function dropTrailingTotalRejects(db: Db, delimiter: Delimiter): Promise<number> {
  const first = `split_part(ltrim(csv_line, chr(10) || chr(13)), ${sqlString(delimiter)}, 1)`;
  const candidates = (
    await db.one<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM csv_rejects WHERE ${isTotalsSql(first)}`)
  ).n;
  if (candidates === 0) return 0;
  await db.run(`CREATE OR REPLACE TEMP TABLE totals_rejects AS
    SELECT DISTINCT line FROM csv_rejects
    WHERE ${isTotalsSql(first)} AND line > (SELECT coalesce(max(_line), 0) FROM raw)
      AND line > (SELECT coalesce(max(line), 0) FROM csv_rejects WHERE NOT ${isTotalsSql(first)})`);
  await db.run('DELETE FROM csv_rejects WHERE line IN (SELECT line FROM totals_rejects)');
  return (await db.one<{ n: number }>('SELECT count(*)::BIGINT AS n FROM totals_rejects')).n;
}

/** Writes line numbers, one per line, to a file in the work folder; undefined when there are none. */
async function linesFile(workDir: string, name: string, lines: number[]): Promise<string | undefined> {
  if (lines.length === 0) return undefined;
  const path = join(workDir, `${name}.lines`);
  await writeFile(path, `${lines.join('\n')}\n`);
  return path;
}

function readLinesSql(path: string): string {
  return `SELECT line FROM read_csv(${sqlString(path)}, header = false, auto_detect = false, columns = {'line': 'BIGINT'})`;
}

/**
 * Rewrites csv_rejects.line from DuckDB's record number to the physical line. The j-th continuation line
 * (1-based, on physical line c) belongs to the row DuckDB numbers c - j; a row DuckDB numbers L sits
 * below every continuation line whose row is numbered below L.
 */
async function physicalRejectLines(db: Db, continuationFile: string): Promise<void> {
  await db.run(`CREATE OR REPLACE TEMP TABLE csv_rejects_physical AS
      WITH c AS (SELECT line - row_number() OVER (ORDER BY line) AS record, row_number() OVER (ORDER BY line) AS k
                 FROM (${readLinesSql(continuationFile)})),
      below AS (SELECT record, max(k) AS k FROM c GROUP BY record)
      SELECT r.* REPLACE (r.line + coalesce(b.k, 0) AS line)
      FROM csv_rejects r ASOF LEFT JOIN below b ON r.line > b.record;
    DROP TABLE csv_rejects;
    ALTER TABLE csv_rejects_physical RENAME TO csv_rejects`);
}

/** The manifest warning for a file with quarantined rows, or with a header and no rows. */
function quarantineWarnings(
  rel: string,
  extract: string,
  input: InputFile,
  rules: Record<string, number>,
): Warning[] {
  if (input.rowsRejected > 0) {
    const parts = Object.entries(rules).map(([rule, n]) => `${rule}: ${n}`);
    return [
      {
        code: 'rows_quarantined',
        message: t('ingest.rowsQuarantined', {
          file: rel,
          rejected: num(input.rowsRejected),
          read: num(input.rowsRead),
          rules: parts.join(', '),
        }),
        extract,
        file: rel,
      },
    ];
  }
  if (input.rowsRead === 0) {
    return [{ code: 'empty_file', message: t('ingest.headerOnly', { file: rel }), extract, file: rel }];
  }
  return [];
}

/**
 * The offending value as the quarantine shows it. A CPR column's value is masked to its last two
 * digits when it has digits enough to be part of a CPR; text such as `I alt` is shown as it is. A long
 * number is described ("a number with 20 digits"): the CPR masker would garble it into
 * `******-**99******-**99`, and the masker stays conservative, because privacy comes first.
 */
function maskedValue(col: SpecColumn): string {
  const v = quoteIdent(`v_${col.name}`);
  if (col.kind === 'cpr') {
    return `CASE WHEN ${v} IS NULL THEN '' WHEN ${digitCountSql(v)} >= 4 THEN '******-**' || right(${v}, 2) ELSE left(${v}, 200) END`;
  }
  const masked = `left(coalesce(${maskCprsSql(v)}, ''), 200)`;
  if (col.kind === 'integer' || col.kind === 'decimal') {
    return `CASE WHEN ${digitCountSql(v)} >= 10 AND regexp_full_match(${v}, '-?[0-9][0-9.,]*') THEN replace(${sqlString(t('value.digits'))}, '{n}', ${digitCountSql(v)}::VARCHAR) ELSE ${masked} END`;
  }
  return masked;
}

/** A key twice in one file is an error in the delivery: the first row loads, later ones are rejected. */
async function checkDuplicateKeys(db: Db, contract: ExtractSpec): Promise<void> {
  const keyCols = contract.key.map((k) => quoteIdent(k));
  const keyCol = contract.columns.find((c) => c.name === contract.key[contract.key.length - 1])!;
  // A GROUP BY finds the (usually no) duplicated keys; only their rows are looked at again.
  await db.run(`INSERT INTO scratch.violations
    SELECT p._line, ${sqlString(contract.key.join('+'))}, 'duplicate_key',
      replace(${sqlString(t('rule.duplicate_key', { key: contract.key.join(', ') }))}, '{line}', d.first_line::VARCHAR),
      ${maskedValue(keyCol).replace(/"v_/g, 'p."v_')}
    FROM parsed p
    JOIN (SELECT ${keyCols.join(', ')}, min(_line) AS first_line FROM parsed WHERE NOT _bad
          GROUP BY ALL HAVING count(*) > 1) d USING (${keyCols.join(', ')})
    WHERE NOT p._bad AND p._line <> d.first_line`);
}

/** Rows must match a row of the referenced extract from a file that is still delivered. */
async function checkReferences(db: Db, contract: ExtractSpec): Promise<void> {
  const ref = contract.references!;
  const cols = ref.columns.map(quoteIdent);
  const col = contract.columns.find((c) => c.name === ref.columns[ref.columns.length - 1])!;
  await db.run(`INSERT INTO scratch.violations
    SELECT f._line, ${sqlString(ref.columns.join('+'))}, 'no_matching_${ref.extract}',
      ${sqlString(t('rule.no_matching', { extract: ref.extract, columns: ref.columns.join(', ') }))}, ${maskedValue(col)}
    FROM scratch.final f JOIN parsed p USING (_line)
    WHERE NOT EXISTS (SELECT 1 FROM ingest.${ref.extract} r JOIN ingest.files rf ON rf.file_id = r._file_id
      WHERE ${cols.map((c) => `r.${c} = f.${c}`).join(' AND ')})`);
}

/** `values`: the numeric columns' text in `source` (the raw view). */
async function detectDecimal(
  db: Db,
  values: string[],
  source: string,
  delimiter: Delimiter,
): Promise<DecimalMark> {
  if (values.length === 0) return delimiter === ';' ? ',' : '.';
  // Over the distinct values with their counts: the patterns then run on thousands of values, not
  // millions.
  const e = await db.one<{ comma: number; point: number; dotted: number }>(`SELECT
      coalesce(sum(n) FILTER (WHERE v LIKE '%,%' AND NOT regexp_full_match(v, '-?[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]+)?')), 0)::BIGINT AS comma,
      coalesce(sum(n) FILTER (WHERE regexp_full_match(v, '-?[0-9]*\\.[0-9]+') AND NOT regexp_full_match(v, '-?[0-9]{1,3}(\\.[0-9]{3})+')), 0)::BIGINT AS point,
      coalesce(sum(n) FILTER (WHERE regexp_full_match(v, '-?[0-9]{1,3}(\\.[0-9]{3})+')), 0)::BIGINT AS dotted
    FROM (SELECT v, count(*) AS n FROM (SELECT unnest([${values.join(', ')}]) AS v FROM ${source}) WHERE v IS NOT NULL GROUP BY v)`);
  if (e.comma > 0 || e.point > 0) return e.comma >= e.point ? ',' : '.';
  if (e.dotted > 0) return delimiter === ',' ? '.' : ',';
  return delimiter === ';' ? ',' : '.';
}

/** A file that is rejected whole still gets a rejects file that says why (docs/inbox.md). */
async function writeFileReject(
  dir: string | undefined,
  rel: string,
  rule: string,
  message: string,
): Promise<void> {
  if (!dir) return;
  const target = join(dir, `${rel}.rejects.csv`);
  await mkdir(dirname(target), { recursive: true });
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  await writeFile(target, `\uFEFF${rejectsHeader().join(';')}\n;;${q(rule)};${q(message)};\n`, 'utf8');
}

/** The columns of a rejects file in the user's language: linje;kolonne;regel;besked;værdi. */
function rejectsHeader(): string[] {
  return (['line', 'column', 'rule', 'message', 'value'] as const).map((c) => t(`quarantine.${c}`));
}

/**
 * A rejects file in the Danish Excel dialect, as kpis.csv: `;`, UTF-8 with a BOM, headers in the
 * user's language. DuckDB writes the rows; the BOM is put in front as the file is copied into place.
 */
async function writeRejects(db: Db, source: string, target: string): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const header = rejectsHeader();
  const cols = ['line', 'column', 'rule', 'message', 'value'].map(
    (c, i) => `${quoteIdent(c)} AS ${quoteIdent(header[i]!)}`,
  );
  const tmp = `${target}.tmp`;
  await db.run(`COPY (SELECT ${cols.join(', ')} FROM ${source} ORDER BY line, "column", rule)
    TO ${sqlString(tmp)} (HEADER, DELIMITER ';', QUOTE '"')`);
  await pipeline(async function* () {
    yield Buffer.from('\uFEFF', 'utf8');
    yield* createReadStream(tmp);
  }, createWriteStream(target));
  await rm(tmp, { force: true });
}
