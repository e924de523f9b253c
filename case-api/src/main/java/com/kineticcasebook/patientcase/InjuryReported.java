package com.kineticcasebook.patientcase;

import com.kineticcasebook.reference.BodyRegion;
import com.kineticcasebook.reference.Side;
import java.time.LocalDate;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/**
 * An injury was reported.
 *
 * @param conditionCode a code of the condition catalogue, or null when the clinician named no condition
 * @param painScore 0..10 at the time of reporting
 */
@Revision("1")
public record InjuryReported(
    CaseId caseId, InjuryId injuryId, BodyRegion bodyRegion, Side side, String conditionCode, String description,
    LocalDate onsetOn, int painScore) implements CaseEvent {

  @Override
  public Optional<LocalDate> clinicalDate() {
    return Optional.of(onsetOn);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.on(this);
  }
}
