package com.kineticcasebook.patientcase;

import com.kineticcasebook.reference.GaitView;
import com.kineticcasebook.reference.RunningSurface;
import java.time.LocalDate;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** The runner's gait was filmed and assessed; the video itself arrives with GaitVideoAttached. */
@Revision("1")
public record GaitFilmed(
    CaseId caseId, RecordingId recordingId, LocalDate filmedOn, GaitView view, RunningSurface surface,
    GaitFindings findings) implements CaseEvent {

  @Override
  public Optional<LocalDate> clinicalDate() {
    return Optional.of(filmedOn);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.on(this);
  }
}
