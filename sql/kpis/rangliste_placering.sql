-- The configured municipality's place on each ranking list (1 is best): the sum of the three benefit
-- groups as the total, each group as its own series.
SELECT municipality, list_period AS period, rank AS numerator, NULL::BIGINT AS denominator, true AS complete,
  CASE WHEN series_label IS NOT NULL THEN 'benefit_group' END AS dimension, series_label AS member
FROM marts.rangliste
WHERE municipality = meta.cfg('municipality');
