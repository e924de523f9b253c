package com.kineticcasebook.patientcase;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Marks a recorded event as entered in error. An event store is append-only, so this is the only
 * correction there is: the event stays in the history and the read models leave it out.
 *
 * @param eventId the Axon message identifier of the event, as the timeline shows it
 */
public record MarkEnteredInError(@TargetAggregateIdentifier CaseId caseId, String eventId, String reason) implements CaseCommand {

  public MarkEnteredInError {
    eventId = Violations.normalise(eventId);
    reason = Violations.normalise(reason);
  }

  @Override
  public List<FieldViolation> violations() {
    return Violations.check()
        .required("caseId", caseId)
        .text("eventId", eventId, 1, 255)
        .text("reason", reason, 1, 1000)
        .found();
  }
}
