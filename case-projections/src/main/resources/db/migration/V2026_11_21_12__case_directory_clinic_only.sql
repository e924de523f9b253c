-- The caseload is served from case_view; the directory only answers "which clinic owns this
-- case" for access decisions, so it keeps nothing else and costs the command transaction less.
DROP INDEX case_directory_clinic;
ALTER TABLE case_directory DROP COLUMN patient_ref;
ALTER TABLE case_directory DROP COLUMN assigned_clinician_id;
ALTER TABLE case_directory DROP COLUMN opened_on;
ALTER TABLE case_directory DROP COLUMN status;
ALTER TABLE case_directory DROP COLUMN closed_on;
