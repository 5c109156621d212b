/**
 * The file registry (`ingest.files`): one row per file whose rows are in the warehouse, with its sha256,
 * its statistics and its place in this run's file order. Rows in ingest.<extract> carry only the file's
 * id, so a later run can keep a file's rows as they are when the same bytes arrive again (incremental
 * nightly runs, docs/performance.md), whatever the file is called now and wherever it sorts.
 *
 * A run starts from the previous run's warehouse (or an empty one). For every file in the inbox it either
 * reuses the registered file with the same extract and sha256, or parses it and registers it anew. Files
 * registered before but no longer delivered are unregistered; their rows stay in ingest.<extract> until
 * the warehouse stage has recomputed what they touched, and staging never sees them (it joins the
 * registry). `changes` tells the warehouse which files came and went.
 */
import type { InputFile } from '../../schemas/outputs.ts';
import { sqlString } from '../core/sql.ts';
import type { Db } from '../duckdb.ts';
import type { ExtractChanges } from '../extracts/changes.ts';

/** What a registered file's load produced; a reused file reports the same again. */
export interface FileStats {
  input: Omit<InputFile, 'extract' | 'file'>;
  /** The as-of month the file was judged under, and its latest dated row (ingest/rowRules.ts). */
  asOfMonth?: string;
  maxDated?: string | null;
  rules: Record<string, number>;
}

interface Entry {
  fileId: number;
  extract: string;
  file: string;
  sha256: string;
  fileSeq: number;
  bytes: number;
  mtimeMs: number;
  stats: FileStats;
}

/** A file on disk: its name in the inbox, size and modification time. */
export interface FileOnDisk {
  rel: string;
  bytes: number;
  mtimeMs: number;
}

export const FILES_TABLE = `CREATE TABLE IF NOT EXISTS ingest.files (file_id INTEGER PRIMARY KEY, extract VARCHAR,
  file VARCHAR, sha256 VARCHAR, file_seq INTEGER, bytes BIGINT, mtime_ms DOUBLE, stats VARCHAR)`;
export const VIOLATIONS_TABLE = `CREATE TABLE IF NOT EXISTS ingest.violations (file_id INTEGER, line BIGINT,
  "column" VARCHAR, rule VARCHAR, message VARCHAR, value VARCHAR)`;

export class FileRegistry {
  readonly changes = new Map<string, ExtractChanges>();
  private readonly kept = new Map<number, number>();

  private constructor(
    private readonly db: Db,
    private readonly entries: Entry[],
    private nextId: number,
  ) {}

  /** The files the warehouse already holds (none in a new warehouse). */
  static async load(db: Db): Promise<FileRegistry> {
    const rows = await db.all<{
      file_id: number;
      extract: string;
      file: string;
      sha256: string;
      file_seq: number;
      bytes: number;
      mtime_ms: number;
      stats: string;
    }>(
      'SELECT file_id, extract, file, sha256, file_seq, bytes, mtime_ms, stats FROM ingest.files ORDER BY file_id',
    );
    const entries = rows.map((r) => ({
      fileId: r.file_id,
      extract: r.extract,
      file: r.file,
      sha256: r.sha256,
      fileSeq: r.file_seq,
      bytes: r.bytes,
      mtimeMs: r.mtime_ms,
      stats: JSON.parse(r.stats) as FileStats,
    }));
    const next = Math.max(0, ...entries.map((e) => e.fileId)) + 1;
    return new FileRegistry(db, entries, next);
  }

  private changesOf(extract: string): ExtractChanges {
    let c = this.changes.get(extract);
    if (!c) {
      c = { added: [], removed: [], reordered: false };
      this.changes.set(extract, c);
    }
    return c;
  }

  /** Whether any file of the extract came or went in this run (so far). */
  changed(extract: string): boolean {
    const c = this.changes.get(extract);
    return !!c && (c.added.length > 0 || c.removed.length > 0 || c.reordered);
  }

  /**
   * The registered file with the same name, size and modification time, as rsync and make judge a file
   * unchanged: it is not read again, not even to hash it (`touch` a file to have it read again).
   */
  findUnchanged(extract: string, f: FileOnDisk): { fileId: number; sha256: string } | undefined {
    const e = this.entries.find(
      (x) =>
        x.extract === extract &&
        x.file === f.rel &&
        x.bytes === f.bytes &&
        x.mtimeMs === f.mtimeMs &&
        !this.kept.has(x.fileId),
    );
    return e ? { fileId: e.fileId, sha256: e.sha256 } : undefined;
  }

  /** Whether a registered file of the extract, not claimed yet, has this size (else no sha can match). */
  hasSize(extract: string, bytes: number): boolean {
    return this.entries.some((x) => x.extract === extract && x.bytes === bytes && !this.kept.has(x.fileId));
  }

  /** A file with these bytes whose rows the warehouse holds and this run has not claimed yet. */
  find(extract: string, sha256: string): { fileId: number; stats: FileStats } | undefined {
    const e = this.entries.find(
      (x) => x.extract === extract && x.sha256 === sha256 && !this.kept.has(x.fileId),
    );
    return e ? { fileId: e.fileId, stats: e.stats } : undefined;
  }

  /** Keeps a registered file's rows under its current name, size, time and place in the order. */
  async keep(fileId: number, f: FileOnDisk, fileSeq: number): Promise<void> {
    this.kept.set(fileId, fileSeq);
    await this.db.run(
      `UPDATE ingest.files SET file = ${sqlString(f.rel)}, file_seq = ${fileSeq}, bytes = ${f.bytes}, mtime_ms = ${f.mtimeMs} WHERE file_id = ${fileId}`,
    );
  }

  /** An id for a file about to be parsed. */
  allocate(): number {
    return this.nextId++;
  }

  async register(
    extract: string,
    fileId: number,
    f: FileOnDisk,
    sha256: string,
    fileSeq: number,
    stats: FileStats,
  ): Promise<void> {
    await this.db.run(
      `INSERT INTO ingest.files VALUES (${fileId}, ${sqlString(extract)}, ${sqlString(f.rel)}, ${sqlString(sha256)}, ${fileSeq}, ${f.bytes}, ${f.mtimeMs}, ${sqlString(JSON.stringify(stats))})`,
    );
    this.changesOf(extract).added.push(fileId);
  }

  /** After an extract's files: unregister the ones no longer delivered and note any change of order. */
  async finishExtract(extract: string): Promise<void> {
    const old = this.entries.filter((e) => e.extract === extract);
    const gone = old.filter((e) => !this.kept.has(e.fileId)).map((e) => e.fileId);
    const c = this.changesOf(extract);
    if (gone.length > 0) {
      c.removed.push(...gone);
      await this.db.run(`DELETE FROM ingest.files WHERE file_id IN (${gone.join(', ')})`);
      await this.db.run(`DELETE FROM ingest.violations WHERE file_id IN (${gone.join(', ')})`);
    }
    const keptOld = old.filter((e) => this.kept.has(e.fileId));
    const byOld = [...keptOld].sort((a, b) => a.fileSeq - b.fileSeq).map((e) => e.fileId);
    const byNew = [...keptOld].sort((a, b) => this.kept.get(a.fileId)! - this.kept.get(b.fileId)!);
    c.reordered = byOld.some((id, i) => id !== byNew[i]!.fileId);
  }
}
