package com.kineticcasebook.caseload;

import com.kineticcasebook.patientcase.CaseId;
import com.kineticcasebook.patientcase.ClinicId;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Every case a clinic opened for a patient reference, compared without regard to letter case,
 * oldest first; answered with a {@code List<CaseFound>}, empty when there is none.
 */
public record FindCasesOfPatient(ClinicId clinicId, String patientRef) {
  public FindCasesOfPatient {
    Objects.requireNonNull(clinicId, "clinicId");
    Objects.requireNonNull(patientRef, "patientRef");
  }

  /**
   * One case of the patient. Its opening date and status come from the case views: a case opened a
   * moment ago may show no {@code openedOn} yet, and counts as open until the views show it closed.
   */
  public record CaseFound(CaseId caseId, ClinicId clinicId, String patientRef, LocalDate openedOn,
      CaseStatus status) {}
}
