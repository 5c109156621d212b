-- Henvendelser til Rådgivningscaféen og akuttelefonen (the strategy, "Resultatmål - rehabilitering / tidlig
-- forebyggelse"): the year's inquiries, in total and by channel, over the days before the as-of month.
-- Complete once the year is over and every one of its 12 months has data (docs/kpis.md: a year whose first
-- months are missing is not judged).
WITH cafe AS (
  SELECT municipality, year(date) AS y, coalesce(channel, 'ukendt') AS channel, inquiries
  FROM staging.cafe WHERE date < meta.as_of_month()
),
months AS (
  SELECT municipality, year(month) AS y, count(DISTINCT month) AS n
  FROM marts.data_months WHERE extract = 'cafe' AND month < meta.as_of_month() GROUP BY ALL
),
totals AS (
  SELECT municipality, y, NULL AS dimension, NULL AS member, sum(inquiries) AS n FROM cafe GROUP BY ALL
  UNION ALL
  SELECT municipality, y, 'channel', channel, sum(inquiries) FROM cafe GROUP BY ALL
)
SELECT t.municipality, CAST(t.y AS VARCHAR) AS period, t.dimension, t.member,
  t.n AS numerator, NULL::BIGINT AS denominator,
  make_date(t.y, 12, 1) < meta.as_of_month() AND coalesce(m.n, 0) = 12 AS complete
FROM totals t LEFT JOIN months m USING (municipality, y);
