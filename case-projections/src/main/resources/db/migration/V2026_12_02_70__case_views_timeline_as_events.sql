-- The case-views timeline is now kept as each event's payload and worded when it is read, so that a
-- change of wording needs no rebuild. Rows written before hold worded lines instead: the read tables
-- are emptied and the case-views processor, finding no token, rebuilds them from the event store on
-- start (as POST /api/v1/admin/projections/case-views/rebuild would). The event store is untouched.
DELETE FROM outcome_measure_change;
DELETE FROM outcome_secondary;
DELETE FROM case_view;
UPDATE outcome_clinic_version SET version = version + 1;
DELETE FROM dead_letter_entry WHERE processing_group = 'case-views';
DELETE FROM token_entry WHERE processor_name = 'case-views';
