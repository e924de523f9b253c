package com.kineticcasebook.patientcase;

import java.time.LocalDate;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** The clinician's free-text note of a visit, recorded beside the visit's other events and dated as they are. */
@Revision("1")
public record VisitNoted(CaseId caseId, LocalDate visitedOn, String note) implements CaseEvent {

  @Override
  public Optional<LocalDate> clinicalDate() {
    return Optional.of(visitedOn);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.on(this);
  }
}
