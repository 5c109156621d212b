-- Jobfokus: andel med 86 løntimer i en måned (the minutes, item 7; docs/contracts.md). Per half-year: the measured
-- population's share with a success month, against the business-case trajectory. A half-year without
-- any employment data yet has no value.
SELECT municipality, period,
  CASE WHEN any_value(has_data) THEN count(*) FILTER (WHERE counted AND first_success_month IS NOT NULL) END AS numerator,
  CASE WHEN any_value(has_data) THEN count(*) FILTER (WHERE counted) END AS denominator,
  any_value(complete) AS complete
FROM marts.dsi_person_period('jobfokus')
GROUP BY municipality, period
HAVING count(*) FILTER (WHERE counted) > 0;
