-- Citizens the provider reported in the half-year, and those of them in an ordinary association's activity.
SELECT municipality, year(month) || '-H' || CASE WHEN month(month) <= 6 THEN 1 ELSE 2 END AS period,
  count(DISTINCT person_id) FILTER (WHERE ordinary) AS numerator,
  count(DISTINCT person_id) AS denominator,
  count(DISTINCT month) = 6 AS complete,
  count(DISTINCT person_id) AS persons
FROM staging.fritid_deltagelse
GROUP BY ALL
