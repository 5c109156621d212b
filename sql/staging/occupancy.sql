-- One row per residential facility and month.
CREATE OR REPLACE VIEW staging.occupancy AS
SELECT facility, month, places, occupied_days,
  coalesce(municipality, meta.cfg('municipality')) AS municipality, _file, _line
FROM ingest.occupancy
QUALIFY row_number() OVER (PARTITION BY facility, month ORDER BY _file_seq DESC) = 1;
