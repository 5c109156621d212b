-- One row per enrolment in a programme (jobfokus, ungeloftet, ...).
CREATE OR REPLACE VIEW staging.enrollment AS
SELECT person_id, birth_date, programme, enrolled_on, left_on,
  coalesce(municipality, meta.cfg('municipality')) AS municipality, _file, _line
FROM meta.rows_of('ingest.enrollment') e
-- The row from the latest file with this key wins: a GROUP BY and an equality join, both of which
-- DuckDB can run out of core on extracts larger than memory.
JOIN (SELECT person_id, programme, enrolled_on, max(_file_seq) AS _file_seq FROM meta.rows_of('ingest.enrollment') GROUP BY ALL) latest
  USING (person_id, programme, enrolled_on, _file_seq);
