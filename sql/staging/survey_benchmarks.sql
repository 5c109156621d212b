-- One benchmark per survey, wave and question (e.g. the average of KL's participating municipalities).
CREATE OR REPLACE VIEW staging.survey_benchmarks AS
SELECT survey, wave, question_id, benchmark_share, n_municipalities, _file, _line
FROM ingest.survey_benchmarks
QUALIFY row_number() OVER (PARTITION BY survey, wave, question_id ORDER BY _file_seq DESC) = 1;
