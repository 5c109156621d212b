-- One row per young person and month (Ungedatabasen); a later file's row replaces an earlier one.
CREATE OR REPLACE VIEW staging.neet AS
SELECT person_key, birth_date, month, in_job, in_education, on_benefit,
  coalesce(municipality, meta.cfg('municipality')) AS municipality, _file, _line
FROM ingest.neet
QUALIFY row_number() OVER (PARTITION BY person_key, month ORDER BY _file_seq DESC) = 1;
