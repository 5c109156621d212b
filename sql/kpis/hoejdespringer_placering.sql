-- The configured municipality's place among the most improved ("højdespringerlisten"), per list: 1 improved
-- the most since the earlier list (marts.rangliste). Lists without an earlier one have no place.
SELECT municipality, list_period AS period, hoejdespringer_rank AS numerator, NULL::BIGINT AS denominator,
  true AS complete,
  CASE WHEN series_label IS NOT NULL THEN 'benefit_group' END AS dimension, series_label AS member
FROM marts.rangliste
WHERE municipality = meta.cfg('municipality') AND hoejdespringer_rank IS NOT NULL;
