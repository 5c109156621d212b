-- The next night's update of marts.treatment_episode, run instead of 05_treatment_episode.sql when the
-- treatment episodes and the configuration are the previous run's: employment in the start and
-- follow-up months changes only for the person-months the night's files recomputed, and which months
-- have employment data is read again from marts.data_months.
UPDATE marts.treatment_episode t SET employed_start = coalesce(n.employed, false)
FROM mart_scope_keys_employment k LEFT JOIN mart_scope_new_employment n USING (person_id, month)
WHERE t.person_id = k.person_id AND t.start_month = k.month;
UPDATE marts.treatment_episode t SET employed_followup = coalesce(n.employed, false)
FROM mart_scope_keys_employment k LEFT JOIN mart_scope_new_employment n USING (person_id, month)
WHERE t.person_id = k.person_id AND t.followup_month = k.month;
UPDATE marts.treatment_episode SET
  start_has_data = start_month IN (SELECT month FROM marts.data_months WHERE extract = 'employment'),
  followup_has_data = followup_month IN (SELECT month FROM marts.data_months WHERE extract = 'employment');
