-- Entries recorded through the pages in the last two minutes, by a fingerprint of the form sent
-- (its address and values), so that the same form sent again after the browser's Back is
-- recognised instead of recorded twice. The row is written in the same transaction as the
-- entry's events; rows older than the window are deleted when the user makes the next entry.
CREATE TABLE recent_entry (
    user_id     UUID                     NOT NULL REFERENCES app_user (id),
    fingerprint VARCHAR(64)              NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    location    VARCHAR(2048)            NOT NULL,
    PRIMARY KEY (user_id, fingerprint)
);
