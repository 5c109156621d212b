-- Employment per person and month. A person-month without a row has no wage hours and no education.
-- Kept from night to night: built in full only when missing (a new warehouse, or a change of code,
-- key or configuration); otherwise the run replaces just the keys the night's files touch.
CREATE OR REPLACE MACRO marts.employment_person_month_of(t) AS TABLE
SELECT person_id, municipality, month, wage_hours, in_education, employed, benefit
FROM staging.employment_of(t);
CREATE TABLE IF NOT EXISTS marts.employment_person_month AS
FROM marts.employment_person_month_of('ingest.employment');
