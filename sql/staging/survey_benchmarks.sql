-- One benchmark per survey, wave and question (e.g. the average of KL's participating municipalities).
CREATE OR REPLACE VIEW staging.survey_benchmarks AS
SELECT survey, wave, question_id, benchmark_share, n_municipalities, _file, _line
FROM ingest.survey_benchmarks e
-- A later file's row with the same key replaces this one (an anti-join, which can spill to disk).
WHERE NOT EXISTS (
  SELECT 1 FROM ingest.survey_benchmarks later WHERE later.survey = e.survey AND later.wave = e.wave AND later.question_id = e.question_id AND later._file_seq > e._file_seq
);
