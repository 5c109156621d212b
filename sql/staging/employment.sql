-- One row per person and month; a later file's row replaces an earlier one (a correction).
-- employed: wage hours above the configured minimum (kpis.md, "employed in a month").
CREATE OR REPLACE VIEW staging.employment AS
SELECT person_key, birth_date, month, wage_hours, in_education, benefit,
  coalesce(municipality, meta.cfg('municipality')) AS municipality,
  wage_hours > CAST(meta.cfg('employed_min_hours') AS DECIMAL(18, 6)) AS employed,
  _file, _line
FROM ingest.employment e
-- A later file's row with the same key replaces this one (an anti-join, which can spill to disk).
WHERE NOT EXISTS (
  SELECT 1 FROM ingest.employment later WHERE later.person_key = e.person_key AND later.month = e.month AND later._file_seq > e._file_seq
);
