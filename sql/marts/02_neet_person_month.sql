-- Young people's status per month, with the age on the month's last day (docs/inbox.md, neet).
-- Kept from night to night, as marts.employment_person_month.
CREATE OR REPLACE MACRO marts.neet_person_month_of(t) AS TABLE
SELECT municipality, person_id, month,
  meta.age_at(birth_date, last_day(month)) AS age,
  in_job, in_education, on_benefit,
  NOT in_job AND NOT in_education AS neet
FROM staging.neet_of(t);
CREATE TABLE IF NOT EXISTS marts.neet_person_month AS
FROM marts.neet_person_month_of('ingest.neet');
