package com.kineticcasebook.patientcase;

import java.time.LocalDate;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** The case was closed; unresolved injuries are censored at closedOn in the outcome figures. */
@Revision("1")
public record CaseClosed(CaseId caseId, LocalDate closedOn, String reason) implements CaseEvent {

  @Override
  public Optional<LocalDate> clinicalDate() {
    return Optional.of(closedOn);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.on(this);
  }
}
