package com.kineticcasebook.caseload;

import com.kineticcasebook.patientcase.CaseId;
import java.util.Objects;

/** One case as the caseload lists it; answered with an {@code Optional<CaseListItem>}. */
public record FindCaseListItem(CaseId caseId) {
  public FindCaseListItem {
    Objects.requireNonNull(caseId, "caseId");
  }
}
