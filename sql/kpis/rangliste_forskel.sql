-- Full-time persons on public support, actual − expected, in percentage points, per list: 0 or below is
-- "as expected or better". The sum of the three benefit groups as the total, each group as its own series.
SELECT municipality, list_period AS period, difference AS numerator, NULL::BIGINT AS denominator, true AS complete,
  CASE WHEN benefit_group <> 'samlet' THEN 'benefit_group' END AS dimension,
  CASE benefit_group WHEN 'a_dagpenge' THEN 'A-dagpenge' WHEN 'sygedagpenge' THEN 'Sygedagpenge'
    WHEN 'kontanthjaelp' THEN 'Kontanthjælp' END AS member
FROM marts.rangliste
WHERE municipality = meta.cfg('municipality');
