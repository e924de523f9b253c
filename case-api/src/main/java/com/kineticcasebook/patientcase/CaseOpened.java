package com.kineticcasebook.patientcase;

import java.time.LocalDate;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** A case was opened for a patient of a clinic, who is known here only by a pseudonymous reference. */
@Revision("1")
public record CaseOpened(
    CaseId caseId, ClinicId clinicId, String patientRef, UserId assignedClinicianId, LocalDate openedOn) implements CaseEvent {

  @Override
  public Optional<LocalDate> clinicalDate() {
    return Optional.of(openedOn);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.on(this);
  }
}
