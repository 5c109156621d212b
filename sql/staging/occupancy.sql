-- One row per residential facility and month.
CREATE OR REPLACE VIEW staging.occupancy AS
SELECT facility, month, places, occupied_days,
  coalesce(municipality, meta.cfg('municipality')) AS municipality, _file, _line
FROM ingest.occupancy e
-- A later file's row with the same key replaces this one (an anti-join, which can spill to disk).
WHERE NOT EXISTS (
  SELECT 1 FROM ingest.occupancy later WHERE later.facility = e.facility AND later.month = e.month AND later._file_seq > e._file_seq
);
