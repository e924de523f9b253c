-- The caseload searches by patient reference and by condition, and shows each case's primary
-- condition. Rows written before this migration get the new columns on the case's next event or
-- on a rebuild of the case-views projection (Projections page); until then they match by
-- patient reference only.
ALTER TABLE case_view ADD COLUMN primary_condition_code VARCHAR(64);
ALTER TABLE case_view ADD COLUMN condition_codes VARCHAR(4000) NOT NULL DEFAULT '';
