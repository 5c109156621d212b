-- Svarprocent (the minutes, item 6: 34,3 % gennemført + 1,9 % delvis): per survey and wave,
-- (gennemfoert + delvis) / all invited.
SELECT
  municipality,
  wave AS period,
  'survey' AS dimension,
  survey AS member,
  count(*) FILTER (WHERE status IN ('gennemfoert', 'delvis')) AS numerator,
  count(*) AS denominator,
  true AS complete
FROM staging.survey_responses
WHERE survey <> 'livstilfredshed'
GROUP BY municipality, wave, survey;
