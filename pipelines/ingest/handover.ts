/**
 * Hand-over: each checked file's rows are pseudonymised (a CPR becomes person_id, through its HMAC
 * person_key) and stored, or handed over to the main process as Parquet (ingest/worker.ts says why).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { maskTextSql } from '../core/mask.ts';
import { hmacSql } from '../core/pseudonym.ts';
import { quoteIdent, sqlString } from '../core/sql.ts';
import type { Db } from '../duckdb.ts';
import { cprDigitsText } from '../extracts/cpr.ts';
import { REFERENCED } from './tables.ts';
import type { FileLoad } from './types.ts';
import { checkReferences } from './validate.ts';

/** Where the worker hands over one file's rows (see IngestOptions.handoverDir). */
export function handoverFile(handoverDir: string, extract: string, fileId: number): string {
  return join(handoverDir, extract, `${fileId}.parquet`);
}

/**
 * The hand-over is read once, from the run's private folder: uncompressed Parquet writes a third
 * faster than Snappy and loads as fast.
 */
export const HANDOVER_FORMAT = '(FORMAT parquet, COMPRESSION uncompressed)';

/**
 * Keys each distinct CPR of the file's good rows once (the HMAC), into scratch.person_keys. A person new
 * to the warehouse gets the next person_id (ingest.persons), in person_key order, so a run is
 * deterministic.
 */
async function keyPersons(db: Db, digitCols: string[]): Promise<void> {
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
}

/** The file's good rows as they are stored: CPR numbers replaced by person_id (and person_key). */
async function storedRowsSql(f: FileLoad): Promise<string> {
  const { db, contract, fileId } = f;
  const cprCol = contract.columns.find((c) => c.kind === 'cpr');
  const cprWhen = contract.columns.find((c) => c.cprWhen);
  const finalCols = contract.columns.flatMap((c) => {
    if (c.kind === 'cpr') return ['k.person_id AS person_id', 'p.birth_date AS birth_date'];
    // Keyed where it holds a CPR; anywhere else its text is stored with any CPR in it masked.
    if (c.cprWhen)
      return [`coalesce(kw.person_key, ${maskTextSql(`p.${quoteIdent(c.name)}`)}) AS ${quoteIdent(c.name)}`];
    return [`p.${quoteIdent(c.name)} AS ${quoteIdent(c.name)}`];
  });
  const duplicates = (
    await db.one<{ n: number }>(
      "SELECT count(*)::BIGINT AS n FROM scratch.violations WHERE rule = 'duplicate_key'",
    )
  ).n;
  return `SELECT ${fileId}::INTEGER AS _file_id, p._line AS _line, ${finalCols.join(', ')}
    FROM parsed p
    ${cprCol ? `LEFT JOIN scratch.person_keys k ON k.digits = p.${quoteIdent(cprCol.name)}` : ''}
    ${cprWhen ? `LEFT JOIN scratch.person_keys kw ON kw.digits = p.${quoteIdent(`cpr_${cprWhen.name}`)}` : ''}
    WHERE NOT p._bad ${duplicates > 0 ? "AND p._line NOT IN (SELECT line FROM scratch.violations WHERE rule = 'duplicate_key')" : ''}`;
}

/** 5. Pseudonymised and stored (or handed over); returns the rows loaded. */
export async function pseudonymiseAndStore(f: FileLoad): Promise<number> {
  const { db, contract, opts, fileId } = f;
  const extract = contract.extract;
  const cprCol = contract.columns.find((c) => c.kind === 'cpr');
  const cprWhenCols = contract.columns.filter((c) => c.cprWhen);
  await keyPersons(db, [...(cprCol ? [cprCol.name] : []), ...cprWhenCols.map((c) => `cpr_${c.name}`)]);
  const finalSelect = await storedRowsSql(f);
  const handOver = opts.handoverDir !== undefined && !REFERENCED.has(extract);
  if (handOver) await mkdir(join(opts.handoverDir!, extract), { recursive: true });
  const store = (select: string) =>
    handOver
      ? `COPY (${select}) TO ${sqlString(handoverFile(opts.handoverDir!, extract, fileId))} ${HANDOVER_FORMAT}`
      : `INSERT INTO ingest.${extract} ${select}`;
  if (!contract.references) return db.change(store(finalSelect));
  // Rows checked against another extract (survey answers against responses) are stored after the check.
  await db.run(`DROP TABLE IF EXISTS scratch.final; CREATE TABLE scratch.final AS ${finalSelect}`);
  await checkReferences(db, contract);
  const loaded = await db.change(
    store('SELECT * FROM scratch.final WHERE _line NOT IN (SELECT line FROM scratch.violations)'),
  );
  await db.run('DROP TABLE scratch.final');
  return loaded;
}
