-- One row per young person and month (Ungedatabasen); a later file's row replaces an earlier one.
-- A table macro over a set of ingest rows, as staging.employment_of.
CREATE OR REPLACE MACRO staging.neet_of(t) AS TABLE
SELECT person_id, birth_date, month, in_job, in_education, on_benefit,
  coalesce(municipality, meta.cfg('municipality')) AS municipality, _file, _line
FROM meta.latest_person_months(t);
CREATE OR REPLACE VIEW staging.neet AS FROM staging.neet_of('ingest.neet');
