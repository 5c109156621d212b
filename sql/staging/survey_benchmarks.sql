-- One benchmark per survey, wave and question (e.g. the average of KL's participating municipalities).
CREATE OR REPLACE VIEW staging.survey_benchmarks AS
SELECT survey, wave, question_id, benchmark_share, n_municipalities, _file, _line
FROM meta.rows_of('ingest.survey_benchmarks') e
-- The row from the latest file with this key wins: a GROUP BY and an equality join, both of which
-- DuckDB can run out of core on extracts larger than memory.
JOIN (SELECT survey, wave, question_id, max(_file_seq) AS _file_seq FROM meta.rows_of('ingest.survey_benchmarks') GROUP BY ALL) latest
  USING (survey, wave, question_id, _file_seq);
