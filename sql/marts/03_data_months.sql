-- Which months each month-based extract has data for. A period is complete only when every month it
-- needs is here (kpis.md, "complete period").
CREATE OR REPLACE TABLE marts.data_months AS
SELECT 'employment' AS extract, municipality, month, count(*) AS rows FROM marts.employment_person_month GROUP BY ALL
UNION ALL
SELECT 'neet', municipality, month, count(*) FROM marts.neet_person_month GROUP BY ALL
UNION ALL
SELECT 'occupancy', municipality, month, count(*) FROM staging.occupancy GROUP BY ALL;
