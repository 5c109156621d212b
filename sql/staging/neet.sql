-- One row per young person and month (Ungedatabasen); a later file's row replaces an earlier one.
CREATE OR REPLACE VIEW staging.neet AS
SELECT person_key, birth_date, month, in_job, in_education, on_benefit,
  coalesce(municipality, meta.cfg('municipality')) AS municipality, _file, _line
FROM ingest.neet e
-- A later file's row with the same key replaces this one (an anti-join, which can spill to disk).
WHERE NOT EXISTS (
  SELECT 1 FROM ingest.neet later WHERE later.person_key = e.person_key AND later.month = e.month AND later._file_seq > e._file_seq
);
