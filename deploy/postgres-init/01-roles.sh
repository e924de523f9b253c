#!/bin/sh
# Runs once, when the PostgreSQL volume is first initialised: the owner role that runs the
# migrations and owns the tables, the runtime role the application connects as, and the
# database, owned by the owner role (docs/operations.md, "Database roles").
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$CASEBOOK_DB_OWNER_PASSWORD" -v runtime_password="$CASEBOOK_DB_PASSWORD" <<'SQL'
CREATE ROLE casebook_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE casebook LOGIN PASSWORD :'runtime_password';
CREATE DATABASE casebook OWNER casebook_owner;
\connect casebook
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SQL
