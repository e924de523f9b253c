package com.kineticcasebook.patientcase;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reopens a closed case. */
public record ReopenCase(@TargetAggregateIdentifier CaseId caseId, LocalDate reopenedOn, String reason) {

  public ReopenCase {
    Violations.check()
        .required("caseId", caseId)
        .required("reopenedOn", reopenedOn)
        .text("reason", reason, 1000)
        .throwIfAny();
  }
}
