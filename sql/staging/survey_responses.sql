-- One row per invited respondent and wave. For livstilfredshed, respondent_id is a person_key (see ingest.persons).
CREATE OR REPLACE VIEW staging.survey_responses AS
SELECT survey, wave, respondent_id, status, segment,
  coalesce(municipality, meta.cfg('municipality')) AS municipality, _file, _line
FROM meta.rows_of('ingest.survey_responses') e
-- The row from the latest file with this key wins: a GROUP BY and an equality join, both of which
-- DuckDB can run out of core on extracts larger than memory.
JOIN (SELECT survey, wave, respondent_id, max(_file_seq) AS _file_seq FROM meta.rows_of('ingest.survey_responses') GROUP BY ALL) latest
  USING (survey, wave, respondent_id, _file_seq);
