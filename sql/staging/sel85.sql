-- One row per §85 decision; a later file's row replaces an earlier one.
CREATE OR REPLACE VIEW staging.sel85 AS
SELECT person_key, birth_date, decision_id, start_date, end_date, hours_per_week, target_group, provider,
  coalesce(municipality, meta.cfg('municipality')) AS municipality, _file, _line
FROM ingest.sel85 e
-- A later file's row with the same key replaces this one (an anti-join, which can spill to disk).
WHERE NOT EXISTS (
  SELECT 1 FROM ingest.sel85 later WHERE later.decision_id = e.decision_id AND later._file_seq > e._file_seq
);
