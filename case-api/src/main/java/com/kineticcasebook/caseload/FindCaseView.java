package com.kineticcasebook.caseload;

import com.kineticcasebook.patientcase.CaseId;
import java.util.Objects;

/** The current view of one case; answered with an {@code Optional<CaseView>}. */
public record FindCaseView(CaseId caseId) {
  public FindCaseView {
    Objects.requireNonNull(caseId, "caseId");
  }
}
