-- Treatment episodes with employment in the start month and in the follow-up month 6 months later
-- (001, Resultatmål misbrugsbehandling). *_has_data: whether employment was delivered for that month.
CREATE OR REPLACE TABLE marts.treatment_episode AS
WITH ep AS (
  SELECT municipality, person_key, episode_id, start_date, end_date, substance, setting,
    CAST(date_trunc('month', start_date) AS DATE) AS start_month,
    CAST(date_trunc('month', start_date) + INTERVAL 6 MONTH AS DATE) AS followup_month
  FROM staging.treatment
),
employment_months AS (SELECT DISTINCT month FROM marts.data_months WHERE extract = 'employment')
SELECT ep.*,
  coalesce(s.employed, false) AS employed_start,
  coalesce(f.employed, false) AS employed_followup,
  ep.start_month IN (SELECT month FROM employment_months) AS start_has_data,
  ep.followup_month IN (SELECT month FROM employment_months) AS followup_has_data
FROM ep
LEFT JOIN marts.employment_person_month s ON s.person_key = ep.person_key AND s.month = ep.start_month
LEFT JOIN marts.employment_person_month f ON f.person_key = ep.person_key AND f.month = ep.followup_month;
