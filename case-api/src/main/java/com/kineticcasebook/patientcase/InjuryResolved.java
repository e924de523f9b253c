package com.kineticcasebook.patientcase;

import java.time.LocalDate;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/**
 * An injury that was not a secondary of the current hypothesis (a primary, or an unclassified
 * injury) resolved.
 *
 * @param note null when the clinician left none
 */
@Revision("1")
public record InjuryResolved(CaseId caseId, InjuryId injuryId, LocalDate resolvedOn, String note) implements CaseEvent {

  @Override
  public Optional<LocalDate> clinicalDate() {
    return Optional.of(resolvedOn);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.on(this);
  }
}
