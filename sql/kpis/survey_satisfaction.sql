-- Tilfredshed (the minutes, item 5 and 6): per survey and wave, the share of answers 4 or 5 ("tilfreds" or
-- "meget tilfreds") among the valid answers to samlet_tilfredshed. An empty answer is no answer.
-- The benchmark (e.g. the average of KL's 26 participating municipalities) is the target where delivered.
SELECT
  a.municipality,
  a.wave AS period,
  'survey' AS dimension,
  a.survey AS member,
  count(*) FILTER (WHERE a.answer >= 4) AS numerator,
  count(a.answer) AS denominator,
  true AS complete,
  any_value(b.benchmark_share) AS benchmark
FROM staging.survey_answers a
LEFT JOIN staging.survey_benchmarks b ON b.survey = a.survey AND b.wave = a.wave AND b.question_id = a.question_id
WHERE a.question_id = 'samlet_tilfredshed' AND a.survey <> 'livstilfredshed'
GROUP BY a.municipality, a.wave, a.survey
HAVING count(a.answer) > 0;
