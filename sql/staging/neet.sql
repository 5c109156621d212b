-- One row per young person and month (Ungedatabasen); a later file's row replaces an earlier one.
-- A table macro over a set of ingest rows, as staging.employment_of.
CREATE OR REPLACE MACRO staging.neet_of(t) AS TABLE
SELECT person_key, birth_date, month, in_job, in_education, on_benefit,
  coalesce(municipality, meta.cfg('municipality')) AS municipality, _file, _line
FROM meta.rows_of(t) e
-- The row from the latest file with this key wins: a GROUP BY and an equality join, both of which
-- DuckDB can run out of core on extracts larger than memory.
JOIN (SELECT person_key, month, max(_file_seq) AS _file_seq FROM meta.rows_of(t) GROUP BY ALL) latest
  USING (person_key, month, _file_seq);
CREATE OR REPLACE VIEW staging.neet AS FROM staging.neet_of('ingest.neet');
