-- A counter per clinic that the case-views projection raises in the same transaction as it changes
-- any of the clinic's outcome rows: a dashboard computed at one version is still true while the
-- version stands, so it can be served again without reading every row.
CREATE TABLE outcome_clinic_version (
    clinic_id UUID   PRIMARY KEY,
    version   BIGINT NOT NULL
);
