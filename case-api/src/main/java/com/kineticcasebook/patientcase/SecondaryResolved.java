package com.kineticcasebook.patientcase;

import java.time.LocalDate;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/**
 * A secondary injury of the hypothesis current at the time resolved. It is a separate event so the
 * outcome dashboards see the clinician's claim as it stood then, whatever is hypothesised later.
 *
 * @param note null when the clinician left none
 */
@Revision("1")
public record SecondaryResolved(CaseId caseId, InjuryId injuryId, LocalDate resolvedOn, String note) implements CaseEvent {

  @Override
  public Optional<LocalDate> clinicalDate() {
    return Optional.of(resolvedOn);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.on(this);
  }
}
