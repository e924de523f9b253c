-- The competing outcomes of a secondary need the day its own first treatment started. Rows written
-- before lack it: the read tables are emptied and the case-views processor, finding no token,
-- rebuilds them from the event store on start. The event store is untouched.
ALTER TABLE outcome_secondary ADD COLUMN own_treatment_started_on DATE;
DELETE FROM outcome_measure_change;
DELETE FROM outcome_secondary;
DELETE FROM case_view;
UPDATE outcome_clinic_version SET version = version + 1;
DELETE FROM dead_letter_entry WHERE processing_group = 'case-views';
DELETE FROM token_entry WHERE processor_name = 'case-views';
