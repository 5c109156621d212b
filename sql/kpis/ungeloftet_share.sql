-- Ungeløftet: andel i beskæftigelse eller uddannelse (the minutes, item 8; docs/contracts.md). Per month of the
-- project period up to the as-of month: persons in employment or education / the intervention group so
-- far. A month without employment data (after the last delivered month, or the as-of month itself) has
-- no value: the group is known, but whether they worked is not.
SELECT municipality, strftime(month, '%Y-%m') AS period,
  CASE WHEN any_value(complete) THEN count(*) FILTER (WHERE in_employment_or_education) END AS numerator,
  CASE WHEN any_value(complete) THEN count(*) END AS denominator,
  any_value(complete) AS complete
FROM marts.grant_person_month('ungeloftet')
WHERE month <= meta.as_of_month()
GROUP BY municipality, month;
