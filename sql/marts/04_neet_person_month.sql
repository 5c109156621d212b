-- Young people's status per month, with the age on the month's last day (extracts.md, neet).
CREATE OR REPLACE TABLE marts.neet_person_month AS
SELECT municipality, person_key, month,
  meta.age_at(birth_date, last_day(month)) AS age,
  in_job, in_education, on_benefit,
  NOT in_job AND NOT in_education AS neet
FROM staging.neet;
