package com.kineticcasebook.patientcase;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/**
 * The clinician hypothesised which injury is primary and which followed from it. It supersedes any
 * earlier hypothesis of the case, unless it is itself marked in error.
 */
@Revision("1")
public record PrimaryHypothesised(
    CaseId caseId, InjuryId primaryInjuryId, List<InjuryId> secondaryInjuryIds, String rationale,
    List<RecordingId> evidenceRecordingIds) implements CaseEvent {

  @Override
  public Optional<LocalDate> clinicalDate() {
    return Optional.empty();
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.on(this);
  }
}
