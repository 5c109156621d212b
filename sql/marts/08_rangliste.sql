-- The ranking list with every rank filled in, and the list of the most improved ("højdespringerlisten",
-- the minutes of 12 August 2025, item 4).
-- - A rank the file does not give is computed from actual − expected: lower is better, and ties share a
--   rank (1, 1, 3).
-- - improvement = the difference on the earlier list − the difference on this one (a fall is an
--   improvement). The earlier list is the previous one (half a year before), or with
--   rangliste_compared_with = 'year' the list one year before. hoejdespringer_rank ranks the
--   municipalities on both lists by improvement, most improved first, ties sharing a rank.
CREATE OR REPLACE TABLE marts.rangliste AS
WITH ranked AS (
  SELECT *,
    coalesce(rank, rank() OVER (PARTITION BY list_period, benefit_group ORDER BY difference))::INTEGER AS list_rank,
    rank IS NULL AS rank_computed,
    -- A half-year as a number: 2024-H1 is 4048, 2024-H2 4049.
    CAST(substr(list_period, 1, 4) AS INTEGER) * 2 + CAST(substr(list_period, 7, 1) AS INTEGER) - 1 AS half_index
  FROM staging.rangliste
),
compared AS (
  SELECT r.*, e.list_period AS compared_with, e.difference - r.difference AS improvement
  FROM ranked r LEFT JOIN ranked e
    ON e.municipality = r.municipality AND e.benefit_group = r.benefit_group
    AND e.half_index = r.half_index - CASE meta.cfg('rangliste_compared_with') WHEN 'year' THEN 2 ELSE 1 END
)
SELECT list_period, municipality, municipality_name, benefit_group, expected_pct, actual_pct, difference,
  list_rank AS rank, rank_computed, compared_with, improvement,
  -- The benefit group as the ministry writes it: the KPIs' series (the sum, samlet, is their total).
  CASE benefit_group WHEN 'a_dagpenge' THEN 'A-dagpenge' WHEN 'sygedagpenge' THEN 'Sygedagpenge'
    WHEN 'kontanthjaelp' THEN 'Kontanthjælp' END AS series_label,
  CASE WHEN improvement IS NOT NULL THEN
    rank() OVER (PARTITION BY list_period, benefit_group, improvement IS NULL ORDER BY improvement DESC)
  END::INTEGER AS hoejdespringer_rank
FROM compared;
