-- A grant with result requirements (docs/contracts.md, Ungeløftet; the minutes, item 8).

-- Every month of the project period. Counted: the month lies entirely in the second half. Complete: the
-- month is before the as-of month and employment was delivered for it.
CREATE OR REPLACE MACRO marts.grant_month(cid) AS TABLE
SELECT m.month,
  m.month >= CAST(meta.cp(cid, 'second_half_from') AS DATE)
    AND last_day(m.month) <= CAST(meta.cp(cid, 'period_end') AS DATE) AS counted,
  m.month < meta.as_of_month()
    AND m.month IN (SELECT month FROM marts.data_months WHERE extract = 'employment') AS complete
FROM meta.months m
WHERE m.month BETWEEN date_trunc('month', CAST(meta.cp(cid, 'period_start') AS DATE))
  AND CAST(meta.cp(cid, 'period_end') AS DATE);

-- The intervention group of a month: everyone enrolled on or before its last day (leavers stay in), and
-- whether they were in employment (wage hours above min_hours) or education that month.
CREATE OR REPLACE MACRO marts.grant_person_month(cid) AS TABLE
WITH p AS (
  SELECT municipality, person_id, enrolled_on, left_on
  FROM marts.programme_participant WHERE programme = meta.cp(cid, 'programme')
)
SELECT g.month, g.counted, g.complete, p.municipality, p.person_id, p.enrolled_on, p.left_on,
  coalesce(e.wage_hours > CAST(meta.cp(cid, 'min_hours') AS DECIMAL(18, 6)), false) AS employed,
  coalesce(e.in_education, false) AS in_education,
  coalesce(e.wage_hours > CAST(meta.cp(cid, 'min_hours') AS DECIMAL(18, 6)) OR e.in_education, false)
    AS in_employment_or_education
FROM marts.grant_month(cid) g
JOIN p ON p.enrolled_on <= last_day(g.month)
LEFT JOIN marts.employment_person_month e ON e.person_id = p.person_id AND e.month = g.month;
