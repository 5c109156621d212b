-- One row per respondent, wave and question. answer is NULL for "no answer" and "ved ikke".
CREATE OR REPLACE VIEW staging.survey_answers AS
SELECT survey, wave, respondent_id, question_id, answer,
  coalesce(municipality, meta.cfg('municipality')) AS municipality, _file, _line
FROM meta.rows_of('ingest.survey_answers') e
-- The row from the latest file with this key wins: a GROUP BY and an equality join, both of which
-- DuckDB can run out of core on extracts larger than memory.
JOIN (SELECT survey, wave, respondent_id, question_id, max(_file_seq) AS _file_seq FROM meta.rows_of('ingest.survey_answers') GROUP BY ALL) latest
  USING (survey, wave, respondent_id, question_id, _file_seq);
