-- Takststigninger over indberetningsgrænsen (the minutes, item 12): the number of (provider, service) pairs
-- whose rate rose year on year by more than the threshold. The pairs are listed in
-- public/tariff_alerts.json (providers are not persons).
SELECT
  municipality,
  CAST(year AS VARCHAR) AS period,
  count(*) FILTER (WHERE alert) AS numerator,
  NULL::BIGINT AS denominator,
  true AS complete
FROM marts.tariff_change
GROUP BY municipality, year;
