package com.kineticcasebook.patientcase;

import java.time.LocalDate;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/**
 * An earlier event of the case was marked as entered in error; that event stays in the history.
 *
 * @param eventId the Axon message identifier of the marked event
 * @param markedEventType the simple class name of the marked event, such as InjuryReported, so a
 *     read model can undo its effect without looking the event up
 */
@Revision("1")
public record EntryMarkedInError(CaseId caseId, String eventId, String markedEventType, String reason) implements CaseEvent {

  @Override
  public Optional<LocalDate> clinicalDate() {
    return Optional.empty();
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.on(this);
  }
}
