-- A social effect investment with Den Sociale Investeringsfond (docs/contracts.md, Jobfokus; the minutes, item 7).
-- Every macro takes the contract id; its parameters are in meta.contract_param.

-- Participants: the enrollment rows of the programme; a person enrolled twice counts from the earliest
-- enrolled_on. Counting starts on the first day of the first calendar month that begins on or after
-- enrolled_on + the start-up months, the addition clamped to the month's last day
-- (2026-03-10 -> 2026-10-01, 2026-01-01 -> 2026-07-01, 2026-08-31 -> 2027-03-01).
CREATE OR REPLACE MACRO marts.dsi_participant(cid) AS TABLE
WITH p AS (
  SELECT municipality, person_id, enrolled_on, left_on
  FROM marts.programme_participant WHERE programme = meta.cp(cid, 'programme')
), shifted AS (
  SELECT *, CAST(enrolled_on + to_months(CAST(meta.cp(cid, 'startup_months') AS INTEGER)) AS DATE) AS after_startup FROM p
)
SELECT municipality, person_id, enrolled_on, left_on,
  CASE WHEN day(after_startup) = 1 THEN after_startup
       ELSE CAST(date_trunc('month', after_startup) + INTERVAL 1 MONTH AS DATE) END AS counting_start
FROM shifted;

-- Half-years from the KPI's first half-year to the last measurement. A half-year is complete when its last
-- month is before the as-of month and employment was delivered for all six months; it has data when
-- employment was delivered for any of its months before the as-of month.
CREATE OR REPLACE MACRO marts.dsi_period(cid) AS TABLE
SELECT h.period, h.first_month, h.last_month,
  h.period BETWEEN meta.cp(cid, 'measurement_first') AND meta.cp(cid, 'measurement_last') AS is_measurement,
  h.last_month < meta.as_of_month()
    AND (SELECT count(DISTINCT d.month) FROM marts.data_months d
         WHERE d.extract = 'employment' AND d.month BETWEEN h.first_month AND h.last_month) = 6 AS complete,
  EXISTS (SELECT 1 FROM marts.data_months d WHERE d.extract = 'employment'
          AND d.month BETWEEN h.first_month AND h.last_month AND d.month < meta.as_of_month()) AS has_data
FROM meta.half_years h
WHERE h.period BETWEEN meta.cp(cid, 'kpi_from') AND meta.cp(cid, 'measurement_last')
  AND h.first_month <= meta.as_of_month();

-- One row per participant and half-year: whether they are in the measured population (counting has
-- started by the half-year's last month; leavers stay in, leaving for a job is the point) and their first
-- success month in the half-year at or after their counting start: >= success_min_hours wage hours, or
-- education.
CREATE OR REPLACE MACRO marts.dsi_person_period(cid) AS TABLE
WITH success AS (
  SELECT person_id, month, wage_hours, in_education
  FROM marts.employment_person_month
  WHERE wage_hours >= CAST(meta.cp(cid, 'success_min_hours') AS DECIMAL(18, 6)) OR in_education
)
SELECT h.period, h.is_measurement, h.complete, h.has_data, x.municipality, x.person_id, x.enrolled_on, x.left_on, x.counting_start,
  x.counting_start <= h.last_month AS counted,
  min(s.month) AS first_success_month,
  arg_min(s.wage_hours, s.month) AS success_wage_hours
FROM marts.dsi_period(cid) h
CROSS JOIN marts.dsi_participant(cid) x
LEFT JOIN success s ON s.person_id = x.person_id
  AND s.month BETWEEN greatest(h.first_month, x.counting_start) AND h.last_month
GROUP BY ALL;

-- Goal 2, life satisfaction (0-10): a participant succeeds when an answer given at least
-- min_months_between months after their first answer is higher than the first. It is paid once, in the
-- first measurement half-year that ends on or after the day of the answer that first shows it (earlier
-- successes are paid in the first measurement).
CREATE OR REPLACE MACRO marts.dsi_goal2(cid) AS TABLE
WITH answers AS (
  -- respondent_id holds the person_key (the survey's CPR, pseudonymised); ingest.persons numbers it.
  SELECT p.person_id, TRY_CAST(a.wave AS DATE) AS answered_on, a.answer
  FROM staging.survey_answers a JOIN ingest.persons p ON p.person_key = a.respondent_id
  WHERE survey = meta.cp(cid, 'goal2_survey') AND question_id = meta.cp(cid, 'goal2_question')
    AND a.answer IS NOT NULL AND TRY_CAST(a.wave AS DATE) IS NOT NULL
), first_answer AS (
  SELECT person_id, min(answered_on) AS first_on, arg_min(answer, answered_on) AS first_score
  FROM answers GROUP BY person_id
), success AS (
  SELECT a.person_id, min(a.answered_on) AS success_on, arg_min(a.answer, a.answered_on) AS success_score
  FROM answers a JOIN first_answer f USING (person_id)
  WHERE a.answered_on >= f.first_on + to_months(CAST(meta.cp(cid, 'goal2_min_months') AS INTEGER))
    AND a.answer > f.first_score
  GROUP BY a.person_id
)
SELECT x.municipality, x.person_id, f.first_on, f.first_score, s.success_on, s.success_score,
  (SELECT min(h.period) FROM meta.half_years h
   WHERE h.period BETWEEN meta.cp(cid, 'measurement_first') AND meta.cp(cid, 'measurement_last')
     AND last_day(h.last_month) >= s.success_on) AS paid_in
FROM marts.dsi_participant(cid) x
LEFT JOIN first_answer f USING (person_id)
LEFT JOIN success s USING (person_id);
