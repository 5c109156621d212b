-- One row per §85 decision; a later file's row replaces an earlier one.
CREATE OR REPLACE VIEW staging.sel85 AS
SELECT person_id, birth_date, decision_id, start_date, end_date, hours_per_week, target_group, provider,
  coalesce(municipality, meta.cfg('municipality')) AS municipality, _file, _line
FROM meta.rows_of('ingest.sel85') e
-- The row from the latest file with this key wins: a GROUP BY and an equality join, both of which
-- DuckDB can run out of core on extracts larger than memory.
JOIN (SELECT decision_id, max(_file_seq) AS _file_seq FROM meta.rows_of('ingest.sel85') GROUP BY ALL) latest
  USING (decision_id, _file_seq);
