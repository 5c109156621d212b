-- Beskæftigelse blandt borgere med §85-støtte, psykiatri (the strategy, "Resultatmål - beskæftigelse").
-- Of the person-months with an active §85 psykiatri decision, the share in which the person is employed.
-- Pooled over the months that have employment data (before the as-of month): a month without it is
-- never counted as "not employed" (docs/kpis.md, "complete period"); a year with no such month has no value.
-- Complete: the year is over and employment was delivered for all 12 months.
WITH employment_months AS (
  SELECT DISTINCT month FROM marts.data_months
  WHERE extract = 'employment' AND month < meta.as_of_month()
)
SELECT
  s.municipality,
  CAST(year(s.month) AS VARCHAR) AS period,
  CASE WHEN count(em.month) > 0 THEN count(*) FILTER (WHERE s.employed AND em.month IS NOT NULL) END AS numerator,
  nullif(count(em.month), 0) AS denominator,
  nullif(count(DISTINCT s.person_id) FILTER (WHERE em.month IS NOT NULL), 0) AS persons,
  make_date(year(s.month), 12, 1) < meta.as_of_month() AND count(DISTINCT em.month) = 12 AS complete
FROM marts.sel85_person_month s
LEFT JOIN employment_months em ON em.month = s.month
WHERE s.target_group = 'psykiatri'
GROUP BY s.municipality, year(s.month);
