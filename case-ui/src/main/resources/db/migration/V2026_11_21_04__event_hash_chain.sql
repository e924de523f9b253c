-- Tamper evidence: a SHA-256 chain per case over each stored event row (ids, sequence, type,
-- revision, timestamp, metadata and payload bytes) and the previous event's hash. Written in the
-- transaction that appends the events; verified by recomputing it from the stored rows.
CREATE TABLE event_hash (
    event_identifier     VARCHAR(255) PRIMARY KEY,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    previous_hash        VARCHAR(64)  NOT NULL,
    hash                 VARCHAR(64)  NOT NULL,
    CONSTRAINT event_hash_aggregate_sequence UNIQUE (aggregate_identifier, sequence_number)
);
