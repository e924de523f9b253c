-- Separation of duties: an account with the ADMIN role holds no clinical or audit role
-- (CLINICIAN, PRACTICE_OWNER, AUDITOR) and no clinic membership or ownership, whichever code or
-- statement tries. Checked after every inserted or changed role and membership row; rows that
-- were there before this migration are not checked here, and such an account is given no role
-- at sign-in until it is corrected.
CREATE FUNCTION administrator_stands_alone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Changes to one account's roles and memberships wait for each other here, so that two
    -- transactions cannot each add one half of a forbidden combination. NO KEY UPDATE does not
    -- conflict with the KEY SHARE lock the foreign keys take.
    PERFORM 1 FROM app_user WHERE id = NEW.user_id FOR NO KEY UPDATE;
    IF EXISTS (SELECT 1 FROM user_role WHERE user_id = NEW.user_id AND role = 'ADMIN')
       AND (EXISTS (SELECT 1 FROM user_role
                    WHERE user_id = NEW.user_id AND role IN ('CLINICIAN', 'PRACTICE_OWNER', 'AUDITOR'))
            OR EXISTS (SELECT 1 FROM clinic_membership WHERE user_id = NEW.user_id)) THEN
        RAISE EXCEPTION 'an administrator account cannot hold a clinical or audit role or a clinic membership'
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER user_role_separation_of_duties
    AFTER INSERT OR UPDATE ON user_role
    FOR EACH ROW EXECUTE FUNCTION administrator_stands_alone();

CREATE CONSTRAINT TRIGGER clinic_membership_separation_of_duties
    AFTER INSERT OR UPDATE ON clinic_membership
    FOR EACH ROW EXECUTE FUNCTION administrator_stands_alone();
