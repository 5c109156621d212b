-- The next night's update of marts.sel85_person_month, run instead of 04_sel85_person_month.sql when
-- the §85 decisions, the as-of date and the configuration are the previous run's: only the employment
-- person-months the night's files recomputed (mart_scope_keys_employment, their new rows in
-- mart_scope_new_employment) can change a row, and only its `employed`.
UPDATE marts.sel85_person_month t SET employed = coalesce(n.employed, false)
FROM mart_scope_keys_employment k LEFT JOIN mart_scope_new_employment n USING (person_id, month)
WHERE t.person_id = k.person_id AND t.month = k.month;
