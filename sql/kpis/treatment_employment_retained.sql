-- Borgere fastholdt i beskæftigelse via misbrugsbehandling (the strategy, "Resultatmål", misbrugsbehandling).
-- Distinct persons with an episode starting in the year who are employed in the start month and in the
-- month 6 months later. Counted over the episodes whose start month has employment data; a year with
-- none has no value. Complete once the year is over and every start and follow-up month has
-- employment data (and is before the as-of month).
SELECT
  municipality,
  CAST(year(start_month) AS VARCHAR) AS period,
  CASE WHEN bool_or(start_has_data AND start_month < meta.as_of_month()) THEN
    count(DISTINCT person_id) FILTER (WHERE employed_start AND employed_followup AND followup_month < meta.as_of_month())
  END AS numerator,
  NULL::BIGINT AS denominator,
  make_date(year(start_month), 12, 1) < meta.as_of_month()
    AND bool_and(start_has_data AND followup_has_data AND followup_month < meta.as_of_month()) AS complete
FROM marts.treatment_episode
GROUP BY municipality, year(start_month);
