-- One rate per provider, service and year; a later file's row replaces an earlier one.
CREATE OR REPLACE VIEW staging.tariffs AS
SELECT provider_id, provider_name, ownership, service, year, rate,
  coalesce(municipality, meta.cfg('municipality')) AS municipality, _file, _line
FROM ingest.tariffs
QUALIFY row_number() OVER (PARTITION BY provider_id, service, year ORDER BY _file_seq DESC) = 1;
