package com.kineticcasebook.patientcase;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Marks a recorded event as entered in error. The event stays in the history; read models leave it out. */
public record MarkEnteredInError(@TargetAggregateIdentifier CaseId caseId, String eventId, String reason) {

  public MarkEnteredInError {
    Violations.check()
        .required("caseId", caseId)
        .text("eventId", eventId, 255)
        .text("reason", reason, 1000)
        .throwIfAny();
  }
}
