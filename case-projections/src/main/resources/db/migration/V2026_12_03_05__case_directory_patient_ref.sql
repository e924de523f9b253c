-- The case directory also keeps each case's patient reference, written in the transaction that
-- opens the case: a second open case for a patient is refused inside the opening transaction, so
-- it must see a case opened a moment ago, before the case views show it. Existing cases take the
-- reference their CaseOpened event recorded.
ALTER TABLE case_directory ADD COLUMN patient_ref VARCHAR(64);

UPDATE case_directory d
SET patient_ref = convert_from(e.payload, 'UTF8')::jsonb ->> 'patientRef'
FROM domain_event_entry e
WHERE e.aggregate_identifier = d.case_id::text
  AND e.sequence_number = 0
  AND e.payload_type = 'com.kineticcasebook.patientcase.CaseOpened';

CREATE INDEX case_directory_patient ON case_directory (clinic_id, lower(patient_ref));
