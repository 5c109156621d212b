-- One row per invited respondent and wave. For livstilfredshed, respondent_id is a person_key.
CREATE OR REPLACE VIEW staging.survey_responses AS
SELECT survey, wave, respondent_id, status, segment,
  coalesce(municipality, meta.cfg('municipality')) AS municipality, _file, _line
FROM ingest.survey_responses e
-- A later file's row with the same key replaces this one (an anti-join, which can spill to disk).
WHERE NOT EXISTS (
  SELECT 1 FROM ingest.survey_responses later WHERE later.survey = e.survey AND later.wave = e.wave AND later.respondent_id = e.respondent_id AND later._file_seq > e._file_seq
);
