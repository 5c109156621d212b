-- Henvendelser til Rådgivningscaféen og akuttelefonen (001, "Resultatmål - rehabilitering / tidlig
-- forebyggelse"): the year's inquiries, in total and by channel. Complete once the year is over and
-- the extract has been delivered into its last month.
WITH cafe AS (
  SELECT municipality, year(date) AS y, coalesce(channel, 'ukendt') AS channel, inquiries FROM staging.cafe
),
delivered AS (SELECT municipality, max(date) AS last_date FROM staging.cafe GROUP BY ALL),
totals AS (
  SELECT municipality, y, NULL AS dimension, NULL AS member, sum(inquiries) AS n FROM cafe GROUP BY ALL
  UNION ALL
  SELECT municipality, y, 'channel', channel, sum(inquiries) FROM cafe GROUP BY ALL
)
SELECT t.municipality, CAST(t.y AS VARCHAR) AS period, t.dimension, t.member,
  t.n AS numerator, NULL::BIGINT AS denominator,
  make_date(t.y, 12, 1) < meta.as_of_month() AND d.last_date >= make_date(t.y, 12, 1) AS complete
FROM totals t JOIN delivered d USING (municipality);
