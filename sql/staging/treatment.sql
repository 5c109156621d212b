-- One row per treatment episode; a later file's row replaces an earlier one.
CREATE OR REPLACE VIEW staging.treatment AS
SELECT person_key, birth_date, episode_id, start_date, end_date, substance, setting,
  coalesce(municipality, meta.cfg('municipality')) AS municipality, _file, _line
FROM ingest.treatment
QUALIFY row_number() OVER (PARTITION BY episode_id ORDER BY _file_seq DESC) = 1;
