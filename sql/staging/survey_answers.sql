-- One row per respondent, wave and question. answer is NULL for "no answer" and "ved ikke".
CREATE OR REPLACE VIEW staging.survey_answers AS
SELECT survey, wave, respondent_id, question_id, answer,
  coalesce(municipality, meta.cfg('municipality')) AS municipality, _file, _line
FROM ingest.survey_answers
QUALIFY row_number() OVER (PARTITION BY survey, wave, respondent_id, question_id ORDER BY _file_seq DESC) = 1;
