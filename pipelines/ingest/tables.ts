/** The ingest tables of the warehouse (and of the worker's in-memory database). */
import { quoteIdent } from '../core/sql.ts';
import type { Db } from '../duckdb.ts';
import { duckType, type ExtractSpec } from '../extracts/parse.ts';
import { FILES_TABLE, VIOLATIONS_TABLE } from './registry.ts';

/**
 * Extracts whose rows other extracts are checked against (survey answers against survey responses);
 * ingest keeps them in their tables. Named here rather than read from the compiled specs, which would
 * load zod into the ingest worker; test/ingest.test.ts keeps the two equal.
 */
export const REFERENCED: ReadonlySet<string> = new Set(['survey_responses']);

/**
 * Every person the warehouse has seen: person_key is the pseudonym (docs/privacy-and-reliability.md: the first
 * 128 bits of HMAC-SHA256 of the CPR, in hex) and person_id a compact number for it, which every other
 * table carries instead of the 32 characters (a quarter of the warehouse's size, and faster joins). The
 * ids are stable as long as the warehouse is kept; a new warehouse (a new key, a new version) numbers
 * the persons afresh.
 */
export const PERSONS_TABLE =
  'CREATE TABLE IF NOT EXISTS ingest.persons (person_id INTEGER, person_key VARCHAR)';

export async function createIngestTables(db: Db, specs: readonly ExtractSpec[]): Promise<void> {
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
