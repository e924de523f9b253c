package com.kineticcasebook.patientcase;

import java.time.LocalDate;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** A closed case was reopened. */
@Revision("1")
public record CaseReopened(CaseId caseId, LocalDate reopenedOn, String reason) implements CaseEvent {

  @Override
  public Optional<LocalDate> clinicalDate() {
    return Optional.of(reopenedOn);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.on(this);
  }
}
