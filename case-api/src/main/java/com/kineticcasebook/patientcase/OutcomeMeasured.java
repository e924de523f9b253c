package com.kineticcasebook.patientcase;

import com.kineticcasebook.reference.OutcomeInstrument;
import java.time.LocalDate;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** An outcome instrument was scored for an injury. */
@Revision("1")
public record OutcomeMeasured(
    CaseId caseId, InjuryId injuryId, OutcomeInstrument instrument, double score, LocalDate measuredOn) implements CaseEvent {

  @Override
  public Optional<LocalDate> clinicalDate() {
    return Optional.of(measuredOn);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.on(this);
  }
}
