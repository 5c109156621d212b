-- Ungeløftet: andel i beskæftigelse eller uddannelse (003, item 8; contracts.md). Per month of the
-- project period: persons in employment or education / the intervention group so far.
SELECT municipality, strftime(month, '%Y-%m') AS period,
  count(*) FILTER (WHERE in_employment_or_education) AS numerator,
  count(*) AS denominator,
  any_value(complete) AS complete
FROM marts.grant_person_month('ungeloftet')
GROUP BY municipality, month;
