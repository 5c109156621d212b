-- Andel unge 15–29 år uden job og uddannelse (the strategy, "Resultatmål - tilbud til unge").
-- Pooled over person-months: NEET person-months of 15–29-year-olds / all their person-months, over the
-- months delivered before the as-of month (a running year pools the months it has so far).
-- Complete: the year is over (before the as-of month) and all 12 months were delivered.
WITH neet_months AS (
  SELECT municipality, year(month) AS y, count(DISTINCT month) AS months
  FROM marts.data_months WHERE extract = 'neet' AND month < meta.as_of_month() GROUP BY ALL
)
SELECT
  p.municipality,
  CAST(year(p.month) AS VARCHAR) AS period,
  count(*) FILTER (WHERE p.neet) AS numerator,
  count(*) AS denominator,
  make_date(year(p.month), 12, 1) < meta.as_of_month() AND coalesce(any_value(nm.months), 0) = 12 AS complete
FROM marts.neet_person_month p
LEFT JOIN neet_months nm ON nm.municipality = p.municipality AND nm.y = year(p.month)
WHERE p.age BETWEEN 15 AND 29 AND p.month < meta.as_of_month()
GROUP BY p.municipality, year(p.month);
