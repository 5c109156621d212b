-- One row per §85 decision; a later file's row replaces an earlier one.
CREATE OR REPLACE VIEW staging.sel85 AS
SELECT person_key, birth_date, decision_id, start_date, end_date, hours_per_week, target_group, provider,
  coalesce(municipality, meta.cfg('municipality')) AS municipality, _file, _line
FROM ingest.sel85
QUALIFY row_number() OVER (PARTITION BY decision_id ORDER BY _file_seq DESC) = 1;
