-- Person-months with an active §85 decision (psykiatri) and wage hours, per half-year. Only months the
-- employment extract has data for count: a month without it is never a month without a job.
SELECT p.municipality, year(p.month) || '-H' || CASE WHEN month(p.month) <= 6 THEN 1 ELSE 2 END AS period,
  count(*) FILTER (WHERE p.employed) AS numerator,
  count(*) AS denominator,
  count(DISTINCT p.month) = 6 AS complete,
  count(DISTINCT p.person_id) AS persons
FROM marts.sel85_person_month p
SEMI JOIN (SELECT month FROM marts.data_months WHERE extract = 'employment') d USING (month)
WHERE p.target_group = 'psykiatri'
GROUP BY ALL
