-- The application connects as a runtime role that owns nothing: the tables belong to the role that
-- runs these migrations. The runtime role may read every table and add rows; it may change or
-- remove rows only of the tables whose rows change by design (identity, tokens, read models,
-- processor tokens, dead letters, idempotency records, sign-in failures, snapshots). Events, their
-- hash chain, the access log and the checkpoints are append-only for it, and since it owns none of
-- them it cannot truncate them, alter them or disable their triggers.
GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA public TO "${runtime_role}";
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO "${runtime_role}";
GRANT UPDATE, DELETE ON
    app_user, user_role, clinic, clinic_membership, api_token, login_failure, idempotency_record,
    token_entry, dead_letter_entry, snapshot_event_entry,
    case_directory, case_view, outcome_secondary, outcome_measure_change, outcome_clinic_version
    TO "${runtime_role}";
-- SELECT ... FOR UPDATE needs the UPDATE privilege; the lock row is never changed.
GRANT UPDATE ON event_store_checkpoint_lock TO "${runtime_role}";

-- Tables added by later migrations: readable and appendable only, unless their migration grants more.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT ON TABLES TO "${runtime_role}";
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE ON SEQUENCES TO "${runtime_role}";

-- Flyway's own history is the owner's. (When one role is both, as in a single-role installation,
-- it keeps every privilege it owns.)
DO $$
BEGIN
    IF current_user <> '${runtime_role}' THEN
        REVOKE INSERT ON flyway_schema_history FROM "${runtime_role}";
    END IF;
END
$$;
