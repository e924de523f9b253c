-- The embedded demo database has no PL/pgSQL triggers; append-only is enforced on PostgreSQL
-- (db/vendor/postgresql), which production and the tests use. This keeps the version history
-- of both databases the same.
SELECT 1;
