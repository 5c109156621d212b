-- One row per enrolment in a programme (jobfokus, ungeloftet, ...).
CREATE OR REPLACE VIEW staging.enrollment AS
SELECT person_key, birth_date, programme, enrolled_on, left_on,
  coalesce(municipality, meta.cfg('municipality')) AS municipality, _file, _line
FROM ingest.enrollment e
-- A later file's row with the same key replaces this one (an anti-join, which can spill to disk).
WHERE NOT EXISTS (
  SELECT 1 FROM ingest.enrollment later WHERE later.person_key = e.person_key AND later.programme = e.programme AND later.enrolled_on = e.enrolled_on AND later._file_seq > e._file_seq
);
