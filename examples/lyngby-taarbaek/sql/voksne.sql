-- Adults (18 or older at the end of the year) with a §85 decision active on any day of the year; a year
-- is complete once it has ended.
WITH years AS (SELECT range AS y FROM range(2000, 2100))
SELECT s.municipality, CAST(y AS VARCHAR) AS period,
  count(DISTINCT s.person_id) AS numerator, NULL::BIGINT AS denominator,
  make_date(y, 12, 31) < CAST(meta.cfg('as_of') AS DATE) AS complete,
  count(DISTINCT s.person_id) AS persons
FROM staging.sel85 s JOIN years
  ON s.start_date <= make_date(y, 12, 31) AND coalesce(s.end_date, DATE '9999-12-31') >= make_date(y, 1, 1)
WHERE s.birth_date <= make_date(y - 18, 12, 31)
GROUP BY ALL
