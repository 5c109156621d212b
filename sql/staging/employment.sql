-- One row per person and month; a later file's row replaces an earlier one (a correction).
-- employed: wage hours above the configured minimum (kpis.md, "employed in a month").
-- A table macro over a set of ingest rows: all of ingest.employment, or, on an incremental night, every
-- row of the keys that the new or withdrawn files touch (pipelines/warehouse.ts).
CREATE OR REPLACE MACRO staging.employment_of(t) AS TABLE
WITH shared_months AS (
  -- Two rows can share a key only in a month that more than one file delivers (a correction, an
  -- overlapping re-delivery). Rows of every other month are taken as they are; only these are compared.
  SELECT month FROM (SELECT DISTINCT _file_seq, month FROM meta.rows_of(t)) GROUP BY month HAVING count(*) > 1
),
-- The row from the latest file with this key wins: a GROUP BY and an equality join, both of which
-- DuckDB can run out of core on extracts larger than memory.
latest AS (
  SELECT person_key, month, max(_file_seq) AS _file_seq FROM meta.rows_of(t)
  WHERE month IN (SELECT month FROM shared_months) GROUP BY ALL
)
SELECT person_key, birth_date, month, wage_hours, in_education, benefit,
  coalesce(municipality, meta.cfg('municipality')) AS municipality,
  wage_hours > CAST(meta.cfg('employed_min_hours') AS DECIMAL(18, 6)) AS employed,
  _file, _line
FROM (
  SELECT * FROM meta.rows_of(t) WHERE month NOT IN (SELECT month FROM shared_months)
  UNION ALL
  SELECT e.* FROM meta.rows_of(t) e JOIN latest USING (person_key, month, _file_seq)
);
CREATE OR REPLACE VIEW staging.employment AS FROM staging.employment_of('ingest.employment');
