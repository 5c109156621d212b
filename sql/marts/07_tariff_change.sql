-- Year-on-year tariff changes per provider and service (the minutes, item 12). An increase above the reporting
-- threshold (5 % for private, 8 % for public providers, configurable) is an alert. Compared in DECIMAL,
-- so exactly +5.0 % is not above 5 %.
CREATE OR REPLACE TABLE marts.tariff_change AS
WITH t AS (
  SELECT municipality, provider_id, provider_name, ownership, service, year, rate,
    lag(rate) OVER w AS previous_rate, lag(year) OVER w AS previous_year
  FROM staging.tariffs
  WINDOW w AS (PARTITION BY municipality, provider_id, service ORDER BY year)
)
SELECT municipality, provider_id, provider_name, ownership, service, year, previous_rate, rate,
  CAST(meta.cfg('tariff_threshold_' || ownership) AS DECIMAL(9, 6)) AS threshold,
  rate > previous_rate * (1 + CAST(meta.cfg('tariff_threshold_' || ownership) AS DECIMAL(9, 6))) AS alert
FROM t
WHERE previous_year = year - 1;
