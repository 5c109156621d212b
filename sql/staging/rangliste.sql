-- Beskæftigelsesministeriets rangliste (the minutes of 12 August 2025, item 4): one row per list, municipality
-- and benefit group; a later file's row replaces an earlier one. difference = actual − expected, in
-- percentage points: below 0 is fewer on public support than expected.
CREATE OR REPLACE VIEW staging.rangliste AS
SELECT list_period, municipality, municipality_name, benefit_group, expected_pct, actual_pct,
  actual_pct - expected_pct AS difference, rank, _file, _line
FROM meta.rows_of('ingest.rangliste') e
-- The row from the latest file with this key wins: a GROUP BY and an equality join, both of which
-- DuckDB can run out of core on extracts larger than memory.
JOIN (SELECT list_period, municipality, benefit_group, max(_file_seq) AS _file_seq FROM meta.rows_of('ingest.rangliste') GROUP BY ALL) latest
  USING (list_period, municipality, benefit_group, _file_seq);
