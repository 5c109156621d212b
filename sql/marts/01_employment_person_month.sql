-- Employment per person and month. A person-month without a row has no wage hours and no education.
CREATE OR REPLACE TABLE marts.employment_person_month AS
SELECT person_key, municipality, month, wage_hours, in_education, employed, benefit
FROM staging.employment;
