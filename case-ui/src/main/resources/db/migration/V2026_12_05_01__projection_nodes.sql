-- The nodes sharing the streaming projections: each running node records itself every few seconds
-- and removes its row when it stops, so that every node knows how many share the segments (a node
-- holding no segment has no row in token_entry). last_seen is the database's clock, not a node's.
CREATE TABLE projection_node (
    node_id   VARCHAR(255) PRIMARY KEY,
    last_seen TIMESTAMP WITH TIME ZONE NOT NULL
);
-- The rows change by design: a node refreshes its own row and removes rows of long-gone nodes.
GRANT UPDATE, DELETE ON projection_node TO "${runtime_role}";
