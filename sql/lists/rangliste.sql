-- public/rangliste.json: every municipality on each of the ministry's ranking lists (docs/kpis.md,
-- "The ministry's ranking list"), with the rank the file gave or the one computed, and the list of the
-- most improved (højdespringere).
SELECT list_period AS "listPeriod", benefit_group AS "benefitGroup", municipality,
  municipality_name AS "municipalityName", expected_pct::DOUBLE AS "expectedPct", actual_pct::DOUBLE AS "actualPct",
  difference::DOUBLE AS difference, rank, rank_computed AS "rankComputed", compared_with AS "comparedWithPeriod",
  improvement::DOUBLE AS improvement, hoejdespringer_rank AS "hoejdespringerRank"
FROM marts.rangliste
ORDER BY list_period, benefit_group, rank, municipality
