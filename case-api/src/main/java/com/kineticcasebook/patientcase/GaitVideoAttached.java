package com.kineticcasebook.patientcase;

import java.time.LocalDate;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** A stored video was attached to a gait recording; a later attachment to the same recording replaces it. */
@Revision("1")
public record GaitVideoAttached(CaseId caseId, RecordingId recordingId, GaitVideo video) implements CaseEvent {

  @Override
  public Optional<LocalDate> clinicalDate() {
    return Optional.empty();
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.on(this);
  }
}
