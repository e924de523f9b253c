-- Read model: which clinic each case belongs to, with the few facts a caseload list needs.
-- Written synchronously, in the transaction that records the events, because access decisions
-- depend on it; like every read table it can be rebuilt from the event store.
CREATE TABLE case_directory (
    case_id               UUID PRIMARY KEY,
    clinic_id             UUID        NOT NULL,
    patient_ref           VARCHAR(64) NOT NULL,
    assigned_clinician_id UUID        NOT NULL,
    opened_on             DATE        NOT NULL,
    status                VARCHAR(8)  NOT NULL,
    closed_on             DATE
);
CREATE INDEX case_directory_clinic ON case_directory (clinic_id, status, opened_on);
