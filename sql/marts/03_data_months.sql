-- Which months each month-based extract has data for, and how many rows. A period is complete only
-- when every month it needs is here (docs/kpis.md, "complete period"); the rows per month are what the
-- volume check compares with the previous published run (a truncated delivery).
CREATE OR REPLACE TABLE marts.data_months AS
SELECT 'employment' AS extract, municipality, month, count(*) AS rows FROM marts.employment_person_month GROUP BY ALL
UNION ALL
SELECT 'neet', municipality, month, count(*) FROM marts.neet_person_month GROUP BY ALL
UNION ALL
SELECT 'occupancy', municipality, month, count(*) FROM staging.occupancy GROUP BY ALL
UNION ALL
SELECT 'cafe', municipality, CAST(date_trunc('month', date) AS DATE), count(*) FROM staging.cafe GROUP BY ALL;
