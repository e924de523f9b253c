package com.kineticcasebook.patientcase;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Closes the case; no clinical event can be recorded until it is reopened. */
public record CloseCase(@TargetAggregateIdentifier CaseId caseId, LocalDate closedOn, String reason) {

  public CloseCase {
    Violations.check()
        .required("caseId", caseId)
        .required("closedOn", closedOn)
        .text("reason", reason, 1000)
        .throwIfAny();
  }
}
