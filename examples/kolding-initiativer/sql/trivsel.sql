-- Answers of 4 or 5 on the 1-5 scale, per half-year; a half-year is complete once it has ended.
SELECT municipality, year(answered_on) || '-H' || CASE WHEN month(answered_on) <= 6 THEN 1 ELSE 2 END AS period,
  count(*) FILTER (WHERE score >= 4) AS numerator,
  count(*) AS denominator,
  last_day(make_date(year(answered_on), CASE WHEN month(answered_on) <= 6 THEN 6 ELSE 12 END, 1))
    < CAST(meta.cfg('as_of') AS DATE) AS complete,
  count(DISTINCT person_id) AS persons
FROM staging.trivsel_spoergeskema
GROUP BY ALL
