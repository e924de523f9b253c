-- The embedded demo database has no PL/pgSQL triggers; the separation of duties is a constraint
-- trigger on PostgreSQL (db/vendor/postgresql), and the application refuses the combination and
-- gives an account that holds it anyway no role at sign-in. This keeps the version history of
-- both databases the same.
SELECT 1;
