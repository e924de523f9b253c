-- The nodes running each streaming projection: every few seconds a node records itself for each
-- projection it runs, and removes its rows when it stops or its projection does, so that every node
-- knows how many share the projection's segments (a node holding no segment has no row in
-- token_entry). last_seen is the database's clock, not a node's.
CREATE TABLE projection_node (
    processor_name VARCHAR(255)             NOT NULL,
    node_id        VARCHAR(255)             NOT NULL,
    last_seen      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (processor_name, node_id)
);
-- The rows change by design: a node refreshes and removes its own rows and those of long-gone nodes.
GRANT UPDATE, DELETE ON projection_node TO "${runtime_role}";
