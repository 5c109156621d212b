-- One row per invited respondent and wave. For livstilfredshed, respondent_id is a person_key.
CREATE OR REPLACE VIEW staging.survey_responses AS
SELECT survey, wave, respondent_id, status, segment,
  coalesce(municipality, meta.cfg('municipality')) AS municipality, _file, _line
FROM ingest.survey_responses
QUALIFY row_number() OVER (PARTITION BY survey, wave, respondent_id ORDER BY _file_seq DESC) = 1;
