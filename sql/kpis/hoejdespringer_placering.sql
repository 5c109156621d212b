-- The configured municipality's place among the most improved ("højdespringerlisten"), per list: 1 improved
-- the most since the earlier list (marts.rangliste). Lists without an earlier one have no place.
SELECT municipality, list_period AS period, hoejdespringer_rank AS numerator, NULL::BIGINT AS denominator,
  true AS complete,
  CASE WHEN benefit_group <> 'samlet' THEN 'benefit_group' END AS dimension,
  CASE benefit_group WHEN 'a_dagpenge' THEN 'A-dagpenge' WHEN 'sygedagpenge' THEN 'Sygedagpenge'
    WHEN 'kontanthjaelp' THEN 'Kontanthjælp' END AS member
FROM marts.rangliste
WHERE municipality = meta.cfg('municipality') AND hoejdespringer_rank IS NOT NULL;
