-- The administration log is evidence: the application may add to it, never change or remove it.
CREATE FUNCTION administration_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'administration_log is append-only';
END;
$$;

CREATE TRIGGER administration_log_no_update_or_delete
    BEFORE UPDATE OR DELETE ON administration_log
    FOR EACH ROW EXECUTE FUNCTION administration_log_is_append_only();

CREATE TRIGGER administration_log_no_truncate
    BEFORE TRUNCATE ON administration_log
    FOR EACH STATEMENT EXECUTE FUNCTION administration_log_is_append_only();
