-- The average weekly hours of the §85 decisions for adults active on any day of the year.
WITH years AS (SELECT range AS y FROM range(2000, 2100))
SELECT s.municipality, CAST(y AS VARCHAR) AS period,
  avg(s.hours_per_week) AS numerator, NULL::BIGINT AS denominator,
  make_date(y, 12, 31) < CAST(meta.cfg('as_of') AS DATE) AS complete,
  count(DISTINCT s.person_id) AS persons
FROM staging.sel85 s JOIN years
  ON s.start_date <= make_date(y, 12, 31) AND coalesce(s.end_date, DATE '9999-12-31') >= make_date(y, 1, 1)
WHERE s.birth_date <= make_date(y - 18, 12, 31)
GROUP BY ALL
