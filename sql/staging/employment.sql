-- One row per person and month; a later file's row replaces an earlier one (a correction).
-- employed: wage hours above the configured minimum (docs/kpis.md, "employed in a month").
-- A table macro over a set of ingest rows: all of ingest.employment, or, on an incremental night, every
-- row of the keys that the new or withdrawn files touch (pipelines/warehouse.ts).
CREATE OR REPLACE MACRO staging.employment_of(t) AS TABLE
SELECT person_id, birth_date, month, wage_hours, in_education, benefit,
  coalesce(municipality, meta.cfg('municipality')) AS municipality,
  wage_hours > CAST(meta.cfg('employed_min_hours') AS DECIMAL(18, 6)) AS employed,
  _file, _line
FROM meta.latest_person_months(t);
CREATE OR REPLACE VIEW staging.employment AS FROM staging.employment_of('ingest.employment');
