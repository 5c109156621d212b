-- Course participants per month: in all, and per module.
SELECT municipality, strftime(month, '%Y-%m') AS period,
  count(DISTINCT person_id) AS numerator, NULL::BIGINT AS denominator, true AS complete,
  count(DISTINCT person_id) AS persons,
  CASE WHEN module IS NOT NULL THEN 'modul' END AS dimension, module AS member
FROM staging.sprogskole_kursister
GROUP BY GROUPING SETS ((municipality, month), (municipality, month, module))
