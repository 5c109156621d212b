/**
 * Which delivery won (docs/inbox.md: where two rows share a key, the row of the later file wins; a
 * correction file after every regular one). Per pair of files, how many keys the winner replaced, so an
 * analyst can see that a correction took effect.
 */
import type { Manifest } from '../../schemas/outputs.ts';
import { quoteIdent } from '../core/sql.ts';
import type { Db } from '../duckdb.ts';
import type { ExtractSpec } from '../extracts/spec.ts';

export type Override = Manifest['overrides'][number];

/** The person-month extracts compare only months that more than one file delivers (meta.latest_person_months). */
const PERSON_MONTHS = new Set(['employment', 'neet']);

/**
 * The extracts without a key whose deliveries replace each other by the day (sql/staging/cafe.sql):
 * the latest file that has a municipality's day wins all of that day's rows.
 */
const BY_DAY: Record<string, string> = { cafe: 'date' };

/** Per pair of files of a by-day extract: the days the later one took over, and the rows it replaced. */
async function dayOverrides(db: Db, extract: string, day: string): Promise<Override[]> {
  const found = await db.all<{ file: string; overrode: string; keys: number; rows: number }>(`
    WITH r AS (SELECT coalesce(municipality, meta.cfg('municipality')) AS m, ${quoteIdent(day)} AS d, _file, _file_seq
               FROM meta.rows_of('ingest.${extract}')),
    w AS (SELECT m, d, arg_max(_file, _file_seq) AS winner, max(_file_seq) AS seq
          FROM r GROUP BY ALL HAVING count(DISTINCT _file_seq) > 1)
    SELECT w.winner AS file, r._file AS overrode, count(DISTINCT (r.m, r.d))::BIGINT AS keys,
      count(*)::BIGINT AS rows
    FROM r JOIN w USING (m, d) WHERE r._file_seq < w.seq
    GROUP BY ALL ORDER BY file, overrode`);
  return found.map((f) => ({ extract, ...f }));
}

/** Per extract of the run (the built-in ones and the own ones), which file's rows replaced which. */
export async function fileOverrides(db: Db, specs: ExtractSpec[]): Promise<Override[]> {
  const out: Override[] = [];
  for (const c of specs) {
    const extract = c.extract;
    const day = BY_DAY[extract];
    if (day) out.push(...(await dayOverrides(db, extract, day)));
    if (c.key.length === 0) continue;
    const isCpr = (k: string) => c.columns.find((col) => col.name === k)?.kind === 'cpr';
    const key = c.key.map((k) => quoteIdent(isCpr(k) ? 'person_id' : k)).join(', ');
    const rows = PERSON_MONTHS.has(extract)
      ? `(SELECT * FROM meta.rows_of('ingest.${extract}') WHERE month IN (
           SELECT month FROM (SELECT DISTINCT _file_seq, month FROM meta.rows_of('ingest.${extract}'))
           GROUP BY month HAVING count(*) > 1))`
      : `meta.rows_of('ingest.${extract}')`;
    const found = await db.all<{ file: string; overrode: string; keys: number }>(`
      WITH r AS (SELECT ${key}, _file, _file_seq FROM ${rows}),
      w AS (SELECT ${key}, arg_max(_file, _file_seq) AS winner, max(_file_seq) AS seq
            FROM r GROUP BY ALL HAVING count(DISTINCT _file_seq) > 1)
      SELECT w.winner AS file, r._file AS overrode, count(*)::BIGINT AS keys
      FROM r JOIN w USING (${key}) WHERE r._file_seq < w.seq
      GROUP BY ALL ORDER BY file, overrode`);
    for (const f of found) out.push({ extract, ...f });
  }
  return out;
}
