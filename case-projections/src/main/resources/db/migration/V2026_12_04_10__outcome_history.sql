-- Outcome rows keep their history: each version of a row carries the recording instant from which
-- the events gave it (valid_from) and the instant a later event changed or dropped it (valid_to,
-- null while it stands). A dashboard as of an instant reads the versions true then; the current
-- dashboard reads those with valid_to null. Rows written before have no history, so the read
-- tables are emptied and the case-views processor, finding no token, rebuilds them from the event
-- store on start. The event store is untouched.
DELETE FROM outcome_measure_change;
DELETE FROM outcome_secondary;
DELETE FROM case_view;
UPDATE outcome_clinic_version SET version = version + 1;
DELETE FROM dead_letter_entry WHERE processing_group = 'case-views';
DELETE FROM token_entry WHERE processor_name = 'case-views';

ALTER TABLE outcome_secondary ADD COLUMN valid_from TIMESTAMPTZ NOT NULL;
ALTER TABLE outcome_secondary ADD COLUMN valid_to TIMESTAMPTZ;
ALTER TABLE outcome_secondary DROP CONSTRAINT outcome_secondary_pkey;
ALTER TABLE outcome_secondary ADD PRIMARY KEY (case_id, secondary_injury_id, valid_from);
DROP INDEX outcome_secondary_clinic;
CREATE INDEX outcome_secondary_current ON outcome_secondary (clinic_id, secondary_onset_on) WHERE valid_to IS NULL;
CREATE INDEX outcome_secondary_history ON outcome_secondary (clinic_id, valid_from);

ALTER TABLE outcome_measure_change ADD COLUMN valid_from TIMESTAMPTZ NOT NULL;
ALTER TABLE outcome_measure_change ADD COLUMN valid_to TIMESTAMPTZ;
ALTER TABLE outcome_measure_change DROP CONSTRAINT outcome_measure_change_pkey;
ALTER TABLE outcome_measure_change ADD PRIMARY KEY (case_id, injury_id, instrument, valid_from);
DROP INDEX outcome_measure_change_clinic;
CREATE INDEX outcome_measure_change_current ON outcome_measure_change (clinic_id, injury_onset_on)
    WHERE valid_to IS NULL;
CREATE INDEX outcome_measure_change_history ON outcome_measure_change (clinic_id, valid_from);
