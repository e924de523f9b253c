package com.kineticcasebook.patientcase;

import com.kineticcasebook.reference.TreatmentModality;
import java.time.LocalDate;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** A treatment aimed at one injury started. */
@Revision("1")
public record TreatmentStarted(
    CaseId caseId, TreatmentId treatmentId, InjuryId targetInjuryId, TreatmentModality modality, String plan,
    LocalDate startedOn) implements CaseEvent {

  @Override
  public Optional<LocalDate> clinicalDate() {
    return Optional.of(startedOn);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.on(this);
  }
}
