-- One row per young person and month (Ungedatabasen); a later file's row replaces an earlier one.
-- A table macro over a set of ingest rows, as staging.employment_of (which explains the shared months).
CREATE OR REPLACE MACRO staging.neet_of(t) AS TABLE
WITH shared_months AS (
  SELECT month FROM (SELECT DISTINCT _file_seq, month FROM meta.rows_of(t)) GROUP BY month HAVING count(*) > 1
),
latest AS (
  SELECT person_key, month, max(_file_seq) AS _file_seq FROM meta.rows_of(t)
  WHERE month IN (SELECT month FROM shared_months) GROUP BY ALL
)
SELECT person_key, birth_date, month, in_job, in_education, on_benefit,
  coalesce(municipality, meta.cfg('municipality')) AS municipality, _file, _line
FROM (
  SELECT * FROM meta.rows_of(t) WHERE month NOT IN (SELECT month FROM shared_months)
  UNION ALL
  SELECT e.* FROM meta.rows_of(t) e JOIN latest USING (person_key, month, _file_seq)
);
CREATE OR REPLACE VIEW staging.neet AS FROM staging.neet_of('ingest.neet');
