-- Beskæftigelse blandt borgere med §85-støtte, psykiatri (001, "Resultatmål - beskæftigelse").
-- Of the person-months with an active §85 psykiatri decision, the share in which the person is employed.
-- Complete: the year is over and employment was delivered for all 12 months.
WITH employment_months AS (
  SELECT year(month) AS y, count(DISTINCT month) AS months
  FROM marts.data_months WHERE extract = 'employment' GROUP BY 1
)
SELECT
  s.municipality,
  CAST(year(s.month) AS VARCHAR) AS period,
  count(*) FILTER (WHERE s.employed) AS numerator,
  count(*) AS denominator,
  count(DISTINCT s.person_id) AS persons,
  make_date(year(s.month), 12, 1) < meta.as_of_month() AND coalesce(any_value(em.months), 0) = 12 AS complete
FROM marts.sel85_person_month s
LEFT JOIN employment_months em ON em.y = year(s.month)
WHERE s.target_group = 'psykiatri'
GROUP BY s.municipality, year(s.month);
