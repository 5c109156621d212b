-- Participants of each programme (enrollment.programme). A person enrolled more than once in the same
-- programme counts from the earliest enrolled_on (docs/inbox.md); left_on is the last one, or empty while
-- an enrolment is still open. Both contract kinds build on this.
CREATE OR REPLACE VIEW marts.programme_participant AS
SELECT programme, municipality, person_id, min(enrolled_on) AS enrolled_on,
  CASE WHEN count(*) = count(left_on) THEN max(left_on) END AS left_on
FROM staging.enrollment
GROUP BY programme, municipality, person_id;
