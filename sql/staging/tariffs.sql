-- One rate per provider, service and year; a later file's row replaces an earlier one.
CREATE OR REPLACE VIEW staging.tariffs AS
SELECT provider_id, provider_name, ownership, service, year, rate,
  coalesce(municipality, meta.cfg('municipality')) AS municipality, _file, _line
FROM ingest.tariffs e
-- A later file's row with the same key replaces this one (an anti-join, which can spill to disk).
WHERE NOT EXISTS (
  SELECT 1 FROM ingest.tariffs later WHERE later.provider_id = e.provider_id AND later.service = e.service AND later.year = e.year AND later._file_seq > e._file_seq
);
