-- A secondary linked to its primary only after it had cleared is left out of every outcome figure
-- and counted apart. Rows written before know neither that nor the hypotheses' clinical dates, so
-- the read tables are emptied and the case-views processor, finding no token, rebuilds them from
-- the event store on start. The event store is untouched.
ALTER TABLE outcome_secondary ADD COLUMN linked_after_clearance BOOLEAN NOT NULL DEFAULT FALSE;
DELETE FROM outcome_measure_change;
DELETE FROM outcome_secondary;
DELETE FROM case_view;
UPDATE outcome_clinic_version SET version = version + 1;
DELETE FROM dead_letter_entry WHERE processing_group = 'case-views';
DELETE FROM token_entry WHERE processor_name = 'case-views';
