package com.kineticcasebook.caseload;

import com.kineticcasebook.patientcase.CaseId;
import java.time.Instant;
import java.util.Objects;

/**
 * The case as it stood at an instant, rebuilt from the events recorded up to then; answered with
 * an {@code Optional<CaseView>}, empty when the case did not exist yet.
 */
public record FindCaseStateAsOf(CaseId caseId, Instant asOf) {
  public FindCaseStateAsOf {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(asOf, "asOf");
  }
}
