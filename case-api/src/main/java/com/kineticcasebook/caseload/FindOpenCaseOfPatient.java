package com.kineticcasebook.caseload;

import com.kineticcasebook.patientcase.ClinicId;
import java.util.Objects;

/**
 * The clinic's open case for a patient reference, compared without regard to case; answered with
 * an {@code Optional<CaseId>}, empty when the patient has no open case there. Served from the
 * case views, so a case opened a moment ago may not be found yet.
 */
public record FindOpenCaseOfPatient(ClinicId clinicId, String patientRef) {
  public FindOpenCaseOfPatient {
    Objects.requireNonNull(clinicId, "clinicId");
    Objects.requireNonNull(patientRef, "patientRef");
  }
}
