/**
 * Incremental nightly runs: a file already loaded by an earlier run (same extract, same sha256) is not
 * parsed again. Its typed, pseudonymised rows and its masked quarantine records are kept in
 * <out>/.cache/ingest.duckdb and copied into the new warehouse. The cache holds nothing that the
 * published warehouse does not: no raw CPR. It is discarded whenever the pseudonymisation key, the code
 * version or the extract contracts change, so a rotated key never meets old person keys.
 */
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { EXTRACT_NAMES, type ExtractName } from '../../schemas/extracts.ts';
import type { InputFile } from '../../schemas/outputs.ts';
import type { Db } from '../duckdb.ts';
import { CONTRACTS, quoteIdent, sqlString } from './contract.ts';

export interface CachedFile {
  input: Omit<InputFile, 'extract' | 'file'>;
  rules: Record<string, number>;
}

/** Extracts checked against another extract (survey answers) are always parsed again. */
export const CACHEABLE = EXTRACT_NAMES.filter((e) => !CONTRACTS[e].references);

export function cacheIdentity(keyFingerprint: string, codeVersion: string): string {
  return createHash('sha256')
    .update(JSON.stringify({ keyFingerprint, codeVersion, contracts: CONTRACTS }))
    .digest('hex')
    .slice(0, 24);
}

function dataColumns(extract: ExtractName): string[] {
  return CONTRACTS[extract].columns.flatMap((c) =>
    c.kind === 'cpr' ? ['person_key', 'birth_date'] : [c.name],
  );
}

export class IngestCache {
  private constructor(
    private readonly db: Db,
    readonly reused: Set<string>,
  ) {}

  /** Attaches the cache to the run's database; a cache built under another identity is emptied. */
  static async open(db: Db, path: string, identity: string): Promise<IngestCache> {
    await mkdir(dirname(path), { recursive: true });
    await db.run(`ATTACH ${sqlString(path)} AS cache`);
    const current = await db
      .one<{ identity: string }>('SELECT identity FROM cache.meta')
      .catch(() => undefined);
    if (current?.identity !== identity) {
      for (const t of await db.all<{ t: string }>(
        "SELECT table_name AS t FROM duckdb_tables() WHERE database_name = 'cache'",
      )) {
        await db.run(`DROP TABLE cache.${quoteIdent(t.t)}`);
      }
      await db.run(`CREATE TABLE cache.meta (identity VARCHAR); INSERT INTO cache.meta VALUES (${sqlString(identity)});
        CREATE TABLE cache.files (extract VARCHAR, sha256 VARCHAR, stats JSON);
        CREATE TABLE cache.violations (sha256 VARCHAR, line BIGINT, "column" VARCHAR, rule VARCHAR, message VARCHAR, value VARCHAR)`);
      for (const e of CACHEABLE) {
        await db.run(
          `CREATE TABLE cache.${e} AS SELECT ''::VARCHAR AS _sha, _line, ${dataColumns(e).map(quoteIdent).join(', ')} FROM ingest.${e} WHERE false`,
        );
      }
    }
    return new IngestCache(db, new Set());
  }

  async lookup(extract: ExtractName, sha256: string): Promise<CachedFile | undefined> {
    if (!CACHEABLE.includes(extract)) return undefined;
    const row = await this.db
      .one<{ stats: string }>(
        `SELECT stats::VARCHAR AS stats FROM cache.files WHERE extract = ${sqlString(extract)} AND sha256 = ${sqlString(sha256)}`,
      )
      .catch(() => undefined);
    return row ? (JSON.parse(row.stats) as CachedFile) : undefined;
  }

  /** Copies a cached file's rows into ingest.<extract> under this run's file name and sequence. */
  async restore(
    extract: ExtractName,
    sha256: string,
    rel: string,
    fileSeq: number,
    expectedRows: number,
  ): Promise<void> {
    const cols = dataColumns(extract).map(quoteIdent).join(', ');
    const n = await this.db.change(`INSERT INTO ingest.${extract} (_file, _file_seq, _line, ${cols})
      SELECT ${sqlString(rel)}, ${fileSeq}, _line, ${cols} FROM cache.${extract} WHERE _sha = ${sqlString(sha256)}`);
    if (n !== expectedRows)
      throw new Error(`internal error: the cache held ${n} rows of ${rel}, expected ${expectedRows}`);
    this.reused.add(sha256);
  }

  /** The masked quarantine records of a cached file, for its rejects file. */
  violationsSql(sha256: string): string {
    return `SELECT line, "column", rule, message, value FROM cache.violations WHERE sha256 = ${sqlString(sha256)} ORDER BY line, "column", rule`;
  }

  /** Stores a freshly loaded file (its rows are ingest.<extract> rows with this _file_seq). */
  async store(
    extract: ExtractName,
    sha256: string,
    fileSeq: number,
    entry: CachedFile,
    violationsTable: string,
  ): Promise<void> {
    if (!CACHEABLE.includes(extract)) return;
    const cols = dataColumns(extract).map(quoteIdent).join(', ');
    const sha = sqlString(sha256);
    await this.db.run(`BEGIN TRANSACTION;
      DELETE FROM cache.${extract} WHERE _sha = ${sha};
      DELETE FROM cache.violations WHERE sha256 = ${sha};
      DELETE FROM cache.files WHERE sha256 = ${sha} AND extract = ${sqlString(extract)};
      INSERT INTO cache.${extract} SELECT ${sha}, _line, ${cols} FROM ingest.${extract} WHERE _file_seq = ${fileSeq};
      INSERT INTO cache.violations SELECT ${sha}, line, "column", rule, message, value FROM ${violationsTable};
      INSERT INTO cache.files VALUES (${sqlString(extract)}, ${sha}, ${sqlString(JSON.stringify(entry))});
      COMMIT;`);
    this.reused.add(sha256);
  }

  /** Forgets files that are no longer in the inbox, then detaches. */
  async close(keep: string[]): Promise<void> {
    const list = keep.length ? keep.map(sqlString).join(', ') : "''";
    await this.db.run(`DELETE FROM cache.files WHERE sha256 NOT IN (${list});
      DELETE FROM cache.violations WHERE sha256 NOT IN (${list})`);
    for (const e of CACHEABLE) await this.db.run(`DELETE FROM cache.${e} WHERE _sha NOT IN (${list})`);
    await this.db.run('DETACH cache');
  }
}
