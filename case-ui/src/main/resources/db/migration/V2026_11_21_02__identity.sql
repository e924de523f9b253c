-- Clinics, users, roles, clinic memberships and API tokens.
CREATE TABLE clinic (
    id         UUID PRIMARY KEY,
    name       VARCHAR(200)             NOT NULL UNIQUE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE app_user (
    id            UUID PRIMARY KEY,
    username      VARCHAR(100)             NOT NULL UNIQUE,
    password_hash VARCHAR(255)             NOT NULL,
    enabled       BOOLEAN                  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE user_role (
    user_id UUID        NOT NULL REFERENCES app_user (id),
    role    VARCHAR(32) NOT NULL,
    PRIMARY KEY (user_id, role),
    CONSTRAINT user_role_known CHECK (role IN ('CLINICIAN', 'PRACTICE_OWNER', 'AUDITOR', 'ADMIN'))
);

-- MEMBER: works in the clinic (clinicians). OWNER: owns the clinic (practice owners).
CREATE TABLE clinic_membership (
    user_id   UUID        NOT NULL REFERENCES app_user (id),
    clinic_id UUID        NOT NULL REFERENCES clinic (id),
    relation  VARCHAR(16) NOT NULL,
    PRIMARY KEY (user_id, clinic_id, relation),
    CONSTRAINT clinic_membership_relation CHECK (relation IN ('MEMBER', 'OWNER'))
);

-- Only the SHA-256 of a token is stored: a leaked table does not leak usable tokens.
CREATE TABLE api_token (
    id         UUID PRIMARY KEY,
    user_id    UUID                     NOT NULL REFERENCES app_user (id),
    token_hash VARCHAR(64)              NOT NULL UNIQUE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX api_token_user ON api_token (user_id);
