-- Responses to requests sent with an Idempotency-Key. The row is claimed before the command runs
-- and completed in the same transaction as the events the request appended, so a concurrent
-- duplicate waits for the first request, and a retry after a crash finds both the row and the
-- events or neither.
CREATE TABLE idempotency_record (
    user_id        UUID                     NOT NULL REFERENCES app_user (id),
    idempotency_key VARCHAR(255)            NOT NULL,
    request_hash   VARCHAR(64)              NOT NULL,
    status         INTEGER,
    content_type   VARCHAR(255),
    location       VARCHAR(2048),
    event_position BIGINT,
    body           TEXT,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (user_id, idempotency_key)
);
