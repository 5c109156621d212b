-- Run parameters and shared definitions. meta.config is written by the run (as-of date, municipality,
-- minimum wage hours), so every view and KPI query reads the same values, also in the published copy.
CREATE SCHEMA IF NOT EXISTS meta;
CREATE SCHEMA IF NOT EXISTS staging;
CREATE SCHEMA IF NOT EXISTS marts;

CREATE OR REPLACE MACRO meta.cfg(name) AS (SELECT value FROM meta.config WHERE key = name);
CREATE OR REPLACE MACRO meta.as_of() AS CAST(meta.cfg('as_of') AS DATE);
-- A period is complete only when its last month is before this month (spec/README.md, --as-of).
CREATE OR REPLACE MACRO meta.as_of_month() AS CAST(date_trunc('month', meta.as_of()) AS DATE);
-- Age in whole years on day d. Someone born 29 February turns a year older on 1 March in other years.
CREATE OR REPLACE MACRO meta.age_at(birth, d) AS
  year(d) - year(birth) - CASE WHEN month(d) * 100 + day(d) < month(birth) * 100 + day(birth) THEN 1 ELSE 0 END;
