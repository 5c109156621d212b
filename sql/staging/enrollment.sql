-- One row per enrolment in a programme (jobfokus, ungeloftet, ...).
CREATE OR REPLACE VIEW staging.enrollment AS
SELECT person_key, birth_date, programme, enrolled_on, left_on,
  coalesce(municipality, meta.cfg('municipality')) AS municipality, _file, _line
FROM ingest.enrollment
QUALIFY row_number() OVER (PARTITION BY person_key, programme, enrolled_on ORDER BY _file_seq DESC) = 1;
