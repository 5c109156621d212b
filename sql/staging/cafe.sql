-- Rådgivningscafé and crisis-line contacts: anonymous counts without a person key, and several rows
-- may share a day, channel and age band (a row per contact). Deliveries overlap when a whole-year
-- re-export is placed beside the earlier monthly exports: a delivery is taken as the whole truth for
-- the days it covers, so for each municipality and day only the rows of the latest file (in delivery
-- order) that has that day count (docs/inbox.md). The manifest's overrides report the replaced rows.
CREATE OR REPLACE VIEW staging.cafe AS
WITH r AS (
  SELECT date, inquiries, channel, age_band,
    coalesce(municipality, meta.cfg('municipality')) AS municipality, _file, _file_seq, _line
  FROM meta.rows_of('ingest.cafe')
),
latest AS (SELECT municipality, date, max(_file_seq) AS _file_seq FROM r GROUP BY ALL)
SELECT date, inquiries, channel, age_band, municipality, _file, _line
FROM r JOIN latest USING (municipality, date, _file_seq);
