-- Belægningsprocent, botilbud (Lyngby-Taarbæk's Helhedsplan: empty places are paid in full): occupied days / (places × days in
-- the month), pooled over the year, per facility and overall. Complete when the year is over and all
-- 12 months were delivered for every facility.
WITH per_facility AS (
  SELECT municipality, year(month) AS y, facility,
    sum(occupied_days) AS occupied, sum(places * day(last_day(month))) AS capacity, count(DISTINCT month) AS months
  FROM staging.occupancy GROUP BY ALL
)
SELECT municipality, CAST(y AS VARCHAR) AS period, 'facility' AS dimension, facility AS member,
  occupied AS numerator, capacity AS denominator,
  months = 12 AND make_date(y, 12, 1) < meta.as_of_month() AS complete
FROM per_facility
UNION ALL
SELECT municipality, CAST(y AS VARCHAR), NULL, NULL, sum(occupied), sum(capacity),
  bool_and(months = 12) AND make_date(y, 12, 1) < meta.as_of_month()
FROM per_facility GROUP BY municipality, y;
