-- Refugees and family-reunified who started in year Y, counted in year Y + 5: the share that passed a
-- Danish test within 5 years of starting. A year is complete when every one of its cohort has had 5 years.
SELECT municipality, CAST(year(started_on) + 5 AS VARCHAR) AS period,
  count(*) FILTER (WHERE passed_on <= started_on + INTERVAL 5 YEAR) AS numerator,
  count(*) AS denominator,
  max(started_on) + INTERVAL 5 YEAR <= CAST(meta.cfg('as_of') AS DATE) AS complete,
  count(DISTINCT person_id) AS persons
FROM staging.danskproeve
WHERE target_group IN ('flygtning', 'familiesammenfoert')
GROUP BY ALL
