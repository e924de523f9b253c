-- Which cases' outcome rows changed at which of their clinic's outcome versions, so that a node
-- keeping a clinic's current rows in memory reloads only the cases changed since the version it
-- saw. The projection writes a case's row in the same transaction as it raises the clinic's
-- version; the version row stays locked until that transaction commits, so the versions of a
-- clinic commit in order and a node that has read version V sees every change up to V.
-- reset is the version at which the read tables were last emptied for a rebuild: a node that saw
-- an earlier version reloads the clinic whole.
CREATE TABLE outcome_case_change (
    case_id   UUID   PRIMARY KEY,
    clinic_id UUID   NOT NULL,
    version   BIGINT NOT NULL
);
CREATE INDEX outcome_case_change_clinic ON outcome_case_change (clinic_id, version);
ALTER TABLE outcome_clinic_version ADD COLUMN reset BIGINT NOT NULL DEFAULT 0;
UPDATE outcome_clinic_version SET version = version + 1, reset = version + 1;
-- A case's row is replaced as its outcomes change, and emptied for a rebuild.
GRANT UPDATE, DELETE ON outcome_case_change TO "${runtime_role}";
