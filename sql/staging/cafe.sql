-- Rådgivningscafé and crisis-line contacts: anonymous counts, no key, every row counts.
CREATE OR REPLACE VIEW staging.cafe AS
SELECT date, inquiries, channel, age_band,
  coalesce(municipality, meta.cfg('municipality')) AS municipality, _file, _line
FROM meta.rows_of('ingest.cafe');
