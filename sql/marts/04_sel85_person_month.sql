-- Person-months with an active §85 decision, per target group. A decision is active in a month when it
-- covers any day of it (extracts.md); an open decision runs up to the as-of date.
CREATE OR REPLACE TABLE marts.sel85_person_month AS
WITH months AS (
  SELECT DISTINCT d.municipality, d.person_id, d.target_group,
    CAST(unnest(generate_series(
      date_trunc('month', d.start_date),
      date_trunc('month', least(coalesce(d.end_date, meta.as_of()), meta.as_of())),
      INTERVAL 1 MONTH)) AS DATE) AS month
  FROM staging.sel85 d
)
SELECT m.municipality, m.person_id, m.target_group, m.month, coalesce(e.employed, false) AS employed
FROM months m
LEFT JOIN marts.employment_person_month e USING (person_id, month);
