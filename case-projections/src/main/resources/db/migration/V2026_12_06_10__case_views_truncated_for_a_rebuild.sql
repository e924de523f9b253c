-- A rebuild empties the case-views tables with TRUNCATE instead of DELETE: deleting every row
-- wrote each row, its stored JSON and a full image of every page to the write-ahead log (about a
-- third of a rebuild's log), and left the rebuild inserting into tables and indexes full of dead
-- rows. The runtime role may already delete every row of these read models; this is the same
-- power, without the cost. The event tables stay append-only for it.
GRANT TRUNCATE ON case_view, outcome_secondary, outcome_measure_change, outcome_case_change TO "${runtime_role}";
