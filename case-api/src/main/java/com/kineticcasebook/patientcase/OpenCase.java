package com.kineticcasebook.patientcase;

import java.time.LocalDate;
import java.util.regex.Pattern;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens a case for a patient of a clinic, known only by the clinic's pseudonymous reference. */
public record OpenCase(
    @TargetAggregateIdentifier CaseId caseId, ClinicId clinicId, String patientRef, UserId assignedClinicianId,
    LocalDate openedOn) {

  /** Letters, digits and . _ - with at least one digit: a record number such as N-00123, not a name. */
  static final Pattern PATIENT_REF = Pattern.compile("(?=.*[0-9])[A-Za-z0-9][A-Za-z0-9._-]{1,63}");

  public OpenCase {
    Violations.check()
        .required("caseId", caseId)
        .required("clinicId", clinicId)
        .text("patientRef", patientRef, 64)
        .matches("patientRef", patientRef, PATIENT_REF,
            "must be a pseudonymous reference such as N-00123 (letters, digits, '.', '_', '-', at least one digit), "
                + "never a name")
        .required("assignedClinicianId", assignedClinicianId)
        .required("openedOn", openedOn)
        .throwIfAny();
  }
}
