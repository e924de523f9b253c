-- Read models of the case-views processing group, rebuilt from the event store by CaseFold.
-- One row per case: the view and the timeline as JSON, plus the columns the caseload filters on.
CREATE TABLE case_view (
    case_id               UUID PRIMARY KEY,
    clinic_id             UUID        NOT NULL,
    patient_ref           VARCHAR(64) NOT NULL,
    status                VARCHAR(8)  NOT NULL,
    opened_on             DATE        NOT NULL,
    closed_on             DATE,
    assigned_clinician_id UUID        NOT NULL,
    primary_injury_id     UUID,
    open_injuries         INTEGER     NOT NULL,
    version               BIGINT      NOT NULL,
    view_json             TEXT        NOT NULL,
    timeline_json         TEXT        NOT NULL
);
CREATE INDEX case_view_clinic ON case_view (clinic_id, status, opened_on);

-- One row per secondary injury of each case's current hypothesis, classified.
CREATE TABLE outcome_secondary (
    case_id                  UUID        NOT NULL,
    secondary_injury_id      UUID        NOT NULL,
    clinic_id                UUID        NOT NULL,
    clinician_id             UUID        NOT NULL,
    secondary_condition_code VARCHAR(64),
    secondary_onset_on       DATE        NOT NULL,
    primary_injury_id        UUID        NOT NULL,
    primary_condition_code   VARCHAR(64),
    primary_treated_on       DATE,
    primary_modality         VARCHAR(32),
    directly_treated         BOOLEAN     NOT NULL,
    resolved_on              DATE,
    case_closed_on           DATE,
    classification           VARCHAR(40) NOT NULL,
    PRIMARY KEY (case_id, secondary_injury_id)
);
CREATE INDEX outcome_secondary_clinic ON outcome_secondary (clinic_id, secondary_onset_on);

-- First and latest score of each instrument on each injury.
CREATE TABLE outcome_measure_change (
    case_id         UUID             NOT NULL,
    injury_id       UUID             NOT NULL,
    instrument      VARCHAR(16)      NOT NULL,
    clinic_id       UUID             NOT NULL,
    injury_onset_on DATE             NOT NULL,
    first_score     DOUBLE PRECISION NOT NULL,
    latest_score    DOUBLE PRECISION NOT NULL,
    measures        INTEGER          NOT NULL,
    PRIMARY KEY (case_id, injury_id, instrument)
);
CREATE INDEX outcome_measure_change_clinic ON outcome_measure_change (clinic_id, injury_onset_on);
