package com.kineticcasebook.caseload;

import com.kineticcasebook.patientcase.CaseId;
import java.util.Objects;

/** Which clinic a case belongs to; answered with an {@code Optional<ClinicId>}, empty for no such case. */
public record FindCaseClinic(CaseId caseId) {
  public FindCaseClinic {
    Objects.requireNonNull(caseId, "caseId");
  }
}
