-- One row per treatment episode; a later file's row replaces an earlier one.
CREATE OR REPLACE VIEW staging.treatment AS
SELECT person_id, birth_date, episode_id, start_date, end_date, substance, setting,
  coalesce(municipality, meta.cfg('municipality')) AS municipality, _file, _line
FROM meta.rows_of('ingest.treatment') e
-- The row from the latest file with this key wins: a GROUP BY and an equality join, both of which
-- DuckDB can run out of core on extracts larger than memory.
JOIN (SELECT episode_id, max(_file_seq) AS _file_seq FROM meta.rows_of('ingest.treatment') GROUP BY ALL) latest
  USING (episode_id, _file_seq);
