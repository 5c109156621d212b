-- One row per respondent, wave and question. answer is NULL for "no answer" and "ved ikke".
CREATE OR REPLACE VIEW staging.survey_answers AS
SELECT survey, wave, respondent_id, question_id, answer,
  coalesce(municipality, meta.cfg('municipality')) AS municipality, _file, _line
FROM ingest.survey_answers e
-- A later file's row with the same key replaces this one (an anti-join, which can spill to disk).
WHERE NOT EXISTS (
  SELECT 1 FROM ingest.survey_answers later WHERE later.survey = e.survey AND later.wave = e.wave AND later.respondent_id = e.respondent_id AND later.question_id = e.question_id AND later._file_seq > e._file_seq
);
