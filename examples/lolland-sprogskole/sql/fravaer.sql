-- Absent lessons as a share of the planned ones, per half-year; complete when all six months are delivered.
SELECT municipality, year(month) || '-H' || CASE WHEN month(month) <= 6 THEN 1 ELSE 2 END AS period,
  sum(absent_lessons) AS numerator, sum(planned_lessons) AS denominator,
  count(DISTINCT month) = 6 AS complete, count(DISTINCT person_id) AS persons
FROM staging.sprogskole_fravaer
GROUP BY ALL
