-- One row per treatment episode; a later file's row replaces an earlier one.
CREATE OR REPLACE VIEW staging.treatment AS
SELECT person_key, birth_date, episode_id, start_date, end_date, substance, setting,
  coalesce(municipality, meta.cfg('municipality')) AS municipality, _file, _line
FROM ingest.treatment e
-- A later file's row with the same key replaces this one (an anti-join, which can spill to disk).
WHERE NOT EXISTS (
  SELECT 1 FROM ingest.treatment later WHERE later.episode_id = e.episode_id AND later._file_seq > e._file_seq
);
