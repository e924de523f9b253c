-- Recent entries are forgotten after their window: the application removes them. (Tables added after
-- the runtime role's privileges were set are only readable and appendable for it by default.)
GRANT DELETE ON recent_entry TO "${runtime_role}";
