-- Person-months with an active §85 decision, per target group. A decision is active in a month when it
-- covers any day of it (docs/inbox.md); an open decision runs up to the as-of date.
-- Months are counted as integers from 2000-01 while they are generated (cheaper than a series of
-- timestamps), and only a person with several decisions can have a month twice.
CREATE OR REPLACE TABLE marts.sel85_person_month AS
WITH decisions AS (
  SELECT municipality, person_id, target_group,
    date_diff('month', DATE '2000-01-01', start_date) AS first_month,
    date_diff('month', DATE '2000-01-01', least(coalesce(end_date, meta.as_of()), meta.as_of())) AS last_month,
    count(*) OVER (PARTITION BY person_id) > 1 AS several
  FROM staging.sel85
),
spans AS (
  SELECT municipality, person_id, target_group, several,
    unnest(range(first_month, last_month + 1)) AS month_index
  FROM decisions
),
months AS (
  SELECT municipality, person_id, target_group, CAST(DATE '2000-01-01' + to_months(month_index) AS DATE) AS month
  FROM (
    SELECT municipality, person_id, target_group, month_index FROM spans WHERE NOT several
    UNION ALL
    SELECT DISTINCT municipality, person_id, target_group, month_index FROM spans WHERE several
  )
)
SELECT m.municipality, m.person_id, m.target_group, m.month, coalesce(e.employed, false) AS employed
FROM months m
LEFT JOIN marts.employment_person_month e USING (person_id, month);
