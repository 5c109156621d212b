-- One row per residential facility and month.
CREATE OR REPLACE VIEW staging.occupancy AS
SELECT facility, month, places, occupied_days,
  coalesce(municipality, meta.cfg('municipality')) AS municipality, _file, _line
FROM meta.rows_of('ingest.occupancy') e
-- The row from the latest file with this key wins: a GROUP BY and an equality join, both of which
-- DuckDB can run out of core on extracts larger than memory.
JOIN (SELECT facility, month, max(_file_seq) AS _file_seq FROM meta.rows_of('ingest.occupancy') GROUP BY ALL) latest
  USING (facility, month, _file_seq);
