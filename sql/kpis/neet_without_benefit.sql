-- Unge uden job, uddannelse og ydelse (the minutes, item 8: about 700 of the about 2,000 young people).
-- A stock: persons aged 15–29 at the month's end who are neither in a job, in education nor on a
-- benefit, counted in the year's last month (for the running year: its latest month delivered before
-- the as-of month).
WITH last_months AS (
  SELECT municipality, year(month) AS y, max(month) AS month
  FROM marts.data_months WHERE extract = 'neet' AND month < meta.as_of_month() GROUP BY ALL
)
SELECT
  p.municipality,
  CAST(m.y AS VARCHAR) AS period,
  count(DISTINCT p.person_id) FILTER (WHERE p.neet AND NOT p.on_benefit) AS numerator,
  NULL::BIGINT AS denominator,
  month(m.month) = 12 AND m.month < meta.as_of_month() AS complete
FROM last_months m
JOIN marts.neet_person_month p ON p.municipality = m.municipality AND p.month = m.month
WHERE p.age BETWEEN 15 AND 29
GROUP BY p.municipality, m.y, m.month;
