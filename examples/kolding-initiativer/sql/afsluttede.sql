-- §85 decisions that ended in the half-year; a half-year is complete once it has ended.
SELECT municipality, year(end_date) || '-H' || CASE WHEN month(end_date) <= 6 THEN 1 ELSE 2 END AS period,
  count(*) AS numerator, NULL::BIGINT AS denominator,
  last_day(make_date(year(end_date), CASE WHEN month(end_date) <= 6 THEN 6 ELSE 12 END, 1))
    < CAST(meta.cfg('as_of') AS DATE) AS complete,
  count(DISTINCT person_id) AS persons
FROM staging.sel85
WHERE end_date IS NOT NULL
GROUP BY ALL
