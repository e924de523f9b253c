package com.kineticcasebook.patientcase;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Opens a case for a patient of a clinic, known only by the clinic's pseudonymous reference.
 *
 * @param openAnotherCase the clinician's confirmation that the patient, who already has an open case
 *     in the clinic, gets a second one; without it such a case is not opened ({@link PatientHasOpenCase})
 */
public record OpenCase(
    @TargetAggregateIdentifier CaseId caseId, ClinicId clinicId, String patientRef, UserId assignedClinicianId,
    LocalDate openedOn, boolean openAnotherCase) implements CaseCommand {

  /** A record number such as N-00123; the required digit keeps plain names (a data leak) out of the store. */
  private static final Pattern PATIENT_REF = Pattern.compile("(?=.*[0-9])[A-Za-z0-9][A-Za-z0-9._-]*");

  public OpenCase {
    patientRef = Violations.normalise(patientRef);
  }

  /** Opens a case for a patient who must not have an open case in the clinic yet. */
  public OpenCase(CaseId caseId, ClinicId clinicId, String patientRef, UserId assignedClinicianId, LocalDate openedOn) {
    this(caseId, clinicId, patientRef, assignedClinicianId, openedOn, false);
  }

  @Override
  public List<FieldViolation> violations() {
    return Violations.check()
        .required("caseId", caseId)
        .required("clinicId", clinicId)
        .text("patientRef", patientRef, 2, 64)
        .matches("patientRef", patientRef, PATIENT_REF,
            "must be a pseudonymous reference such as N-00123 (letters, digits, '.', '_' or '-', with at least "
                + "one digit), never the patient's name")
        .required("assignedClinicianId", assignedClinicianId)
        .required("openedOn", openedOn)
        .found();
  }
}
