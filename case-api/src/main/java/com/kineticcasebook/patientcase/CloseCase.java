package com.kineticcasebook.patientcase;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Closes the case; no clinical event can be recorded until it is reopened. */
public record CloseCase(@TargetAggregateIdentifier CaseId caseId, LocalDate closedOn, String reason) implements CaseCommand {

  public CloseCase {
    reason = Violations.normalise(reason);
    Violations.check()
        .required("caseId", caseId)
        .required("closedOn", closedOn)
        .text("reason", reason, 1, 1000)
        .throwIfAny();
  }
}
