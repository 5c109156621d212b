/**
 * What the steps of ingest share (docs/architecture.md): the options, a file as prepared for reading,
 * a file being loaded, and what ingest hands to the run.
 */
import type { InputFile, Warning } from '../../schemas/outputs.ts';
import type { Db } from '../duckdb.ts';
import type { ExtractChanges } from '../extracts/changes.ts';
import type { ExtractSpec } from '../extracts/parse.ts';
import type { FileOnDisk, FileRegistry } from './registry.ts';
import type { RunRowRules } from './rowRules.ts';
import type { Delimiter, Encoding, ReadLimits } from './sniff.ts';
import type { FormulaCell } from './xlsx.ts';

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
  /** What one file may cost (the configuration's `limits`); DEFAULT_LIMITS when not given. */
  limits?: ReadLimits;
  /**
   * Files not to read, by their path as reported, each with why: the worker stopped on them before
   * (isolated.ts). They are rejected whole with that reason.
   */
  skip?: Record<string, { rule: string; message: string }>;
  /** The run's own row rules: the municipalities published and the as-of month (rowRules.ts). */
  rowRules?: RunRowRules;
  /** Told before each file is read (the worker passes it on, so a crash names the file). */
  onStart?: (file: string) => void;
}

export interface IngestResult {
  inputs: InputFile[];
  warnings: Warning[];
  delivered: string[];
  /** Per extract, the files this run parsed and the earlier files it dropped (see registry.ts). */
  changes: Map<string, ExtractChanges>;
}

export interface Prepared {
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
  /** Physical lines over limits.maxLineBytes, emptied before DuckDB reads the file: rejected rows. */
  longLines: number[];
  /** limits.maxLineBytes, for DuckDB's reader and the rejects' message. */
  maxLineBytes: number;
  /** A workbook's formula cells, by sheet row (xlsx.ts): judged once the skipped rows are known. */
  formulas?: FormulaCell[];
}

export interface FileOutcome {
  input: InputFile;
  warnings: Warning[];
  rules: Record<string, number>;
}

/** One file being loaded: what the steps of loadRows share. */
export interface FileLoad {
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
