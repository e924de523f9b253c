package com.kineticcasebook.caseload;

import com.kineticcasebook.patientcase.CaseId;
import java.util.Objects;

/** A case's timeline in clinical order; answered with an {@code Optional<CaseTimeline>}. */
public record FindCaseTimeline(CaseId caseId) {
  public FindCaseTimeline {
    Objects.requireNonNull(caseId, "caseId");
  }
}
