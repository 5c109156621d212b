-- One rate per provider, service and year; a later file's row replaces an earlier one.
CREATE OR REPLACE VIEW staging.tariffs AS
SELECT provider_id, provider_name, ownership, service, year, rate,
  coalesce(municipality, meta.cfg('municipality')) AS municipality, _file, _line
FROM meta.rows_of('ingest.tariffs') e
-- The row from the latest file with this key wins: a GROUP BY and an equality join, both of which
-- DuckDB can run out of core on extracts larger than memory.
JOIN (SELECT provider_id, service, year, max(_file_seq) AS _file_seq FROM meta.rows_of('ingest.tariffs') GROUP BY ALL) latest
  USING (provider_id, service, year, _file_seq);
