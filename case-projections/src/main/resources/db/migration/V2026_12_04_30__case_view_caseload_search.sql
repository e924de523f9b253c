-- The caseload searches by body region, side and condition through stable search codes of each
-- case's live injuries (region:KNEE, region:LEFT:CALF, condition:CALF_STRAIN, side:LEFT, ...; ADR
-- 0019), offers "My cases" (the assigned clinician and everyone who recorded an entry on the case)
-- and shows and sorts by each case's last activity (when its latest event was recorded).
-- Rows written before lack the new columns: the read tables are emptied and the case-views
-- processor, finding no token, rebuilds them from the event store on start (as
-- POST /api/v1/admin/projections/case-views/rebuild would). The event store is untouched.
ALTER TABLE case_view ADD COLUMN search_codes TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE case_view ADD COLUMN clinician_ids UUID[] NOT NULL DEFAULT '{}';
ALTER TABLE case_view ADD COLUMN last_activity_at TIMESTAMP WITH TIME ZONE;

-- The caseload reads the short columns of tens of thousands of rows for a sort or a broad search;
-- each case's view and timeline JSON (kilobytes) is kept out of line, so those rows stay narrow
-- (docs/performance.md, the caseload's queries). Reading one case's view fetches it from there.
ALTER TABLE case_view SET (toast_tuple_target = 256);
-- The columns the caseload filters on stay in the row (compressed at most), never out of line.
ALTER TABLE case_view ALTER COLUMN search_codes SET STORAGE MAIN;
ALTER TABLE case_view ALTER COLUMN clinician_ids SET STORAGE MAIN;

CREATE INDEX case_view_search_codes ON case_view USING GIN (search_codes);
CREATE INDEX case_view_clinician_ids ON case_view USING GIN (clinician_ids);
-- The start of a patient reference, ignoring case (LIKE 'n-001%').
CREATE INDEX case_view_patient_ref_prefix ON case_view (LOWER(patient_ref) text_pattern_ops);
CREATE INDEX case_view_last_activity ON case_view (clinic_id, last_activity_at);

DELETE FROM outcome_measure_change;
DELETE FROM outcome_secondary;
DELETE FROM case_view;
UPDATE outcome_clinic_version SET version = version + 1;
DELETE FROM dead_letter_entry WHERE processing_group = 'case-views';
DELETE FROM token_entry WHERE processor_name = 'case-views';
