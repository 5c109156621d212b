-- Run parameters and shared definitions. meta.config is written by the run (as-of date, municipality,
-- minimum wage hours), so every view and KPI query reads the same values, also in the published copy.
CREATE SCHEMA IF NOT EXISTS meta;
CREATE SCHEMA IF NOT EXISTS staging;
CREATE SCHEMA IF NOT EXISTS marts;

CREATE OR REPLACE MACRO meta.cfg(name) AS (SELECT value FROM meta.config WHERE key = name);
CREATE OR REPLACE MACRO meta.as_of() AS CAST(meta.cfg('as_of') AS DATE);
-- A period is complete only when its last month is before this month (docs/commands.md, --as-of).
CREATE OR REPLACE MACRO meta.as_of_month() AS CAST(date_trunc('month', meta.as_of()) AS DATE);
-- Age in whole years on day d. Someone born 29 February turns a year older on 1 March in other years.
CREATE OR REPLACE MACRO meta.age_at(birth, d) AS
  year(d) - year(birth) - CASE WHEN month(d) * 100 + day(d) < month(birth) * 100 + day(birth) THEN 1 ELSE 0 END;

-- Rows of an ingest table (or of a part of one) with their file's name and place in the file order
-- (ingest.files). Rows of files no longer delivered are left out: the registry no longer lists them.
CREATE OR REPLACE MACRO meta.rows_of(t) AS TABLE
  SELECT r.* EXCLUDE (_file_id), f.file AS _file, f.file_seq AS _file_seq
  FROM query_table(t) r JOIN ingest.files f ON f.file_id = r._file_id;

-- Person-month rows of an extract keyed by (person_id, month), one per key: the row from the latest
-- file wins. Two rows can share a key only in a month that more than one file delivers (a correction,
-- an overlapping re-delivery); rows of every other month are taken as they are, and only these are
-- compared, with a GROUP BY and an equality join that DuckDB can run out of core.
CREATE OR REPLACE MACRO meta.latest_person_months(t) AS TABLE
WITH shared_months AS (
  SELECT month FROM (SELECT DISTINCT _file_seq, month FROM meta.rows_of(t)) GROUP BY month HAVING count(*) > 1
),
latest AS (
  SELECT person_id, month, max(_file_seq) AS _file_seq FROM meta.rows_of(t)
  WHERE month IN (SELECT month FROM shared_months) GROUP BY ALL
)
SELECT * FROM meta.rows_of(t) WHERE month NOT IN (SELECT month FROM shared_months)
UNION ALL
SELECT e.* FROM meta.rows_of(t) e JOIN latest USING (person_id, month, _file_seq);

-- Calendars, for macros that cannot call generate_series with parameters.
CREATE OR REPLACE TABLE meta.months AS
  SELECT CAST(m AS DATE) AS month FROM generate_series(DATE '1990-01-01', DATE '2060-12-01', INTERVAL 1 MONTH) t(m);
CREATE OR REPLACE TABLE meta.half_years AS
  SELECT year(month) || '-H' || CASE WHEN month(month) <= 6 THEN 1 ELSE 2 END AS period,
    min(month) AS first_month, max(month) AS last_month
  FROM meta.months GROUP BY ALL;

-- Contract parameters, one row per contract and key (written by the run from the configuration).
CREATE OR REPLACE MACRO meta.cp(contract_id, name) AS
  (SELECT value FROM meta.contract_param WHERE contract = contract_id AND key = name);

-- A number as Danes write it in a sentence: 86, 85,99, 120,5.
CREATE OR REPLACE MACRO meta.da_number(x) AS
  replace(rtrim(rtrim(printf('%.2f', CAST(x AS DOUBLE)), '0'), '.'), '.', ',');
