package com.kineticcasebook.patientcase;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/**
 * The clinician hypothesised which injury is primary and which followed from it. It supersedes any
 * earlier hypothesis of the case, unless it is itself marked in error.
 *
 * <p>Revision 2 added {@code hypothesisedOn}, the clinical date it was stated; a revision-1 event
 * is upcast with the date it was recorded, which is when it was stated then.
 */
@Revision("2")
public record PrimaryHypothesised(
    CaseId caseId, InjuryId primaryInjuryId, List<InjuryId> secondaryInjuryIds, String rationale,
    List<RecordingId> evidenceRecordingIds, LocalDate hypothesisedOn) implements CaseEvent {

  @Override
  public Optional<LocalDate> clinicalDate() {
    return Optional.of(hypothesisedOn);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.on(this);
  }
}
