-- Signed checkpoints of the whole event store. The signed files in the checkpoint directory are
-- the evidence; this table only lists them for the API and numbers them across nodes.
CREATE TABLE event_store_checkpoint (
    checkpoint_number BIGINT PRIMARY KEY,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    global_position   BIGINT,
    events            BIGINT      NOT NULL,
    cases             BIGINT      NOT NULL,
    root              VARCHAR(64) NOT NULL,
    file_name         VARCHAR(200) NOT NULL,
    signature         VARCHAR(200) NOT NULL
);

-- One row, locked by the node that makes a checkpoint, so that two nodes never make one at once.
CREATE TABLE event_store_checkpoint_lock (
    id INTEGER PRIMARY KEY
);
INSERT INTO event_store_checkpoint_lock (id) VALUES (1);
