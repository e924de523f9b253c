package com.kineticcasebook.patientcase;

import com.kineticcasebook.reference.OutcomeInstrument;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a score on a validated outcome instrument for one injury, resolved or not. */
public record RecordOutcomeMeasure(
    @TargetAggregateIdentifier CaseId caseId, InjuryId injuryId, OutcomeInstrument instrument, Double score,
    LocalDate measuredOn) implements CaseCommand {

  @Override
  public List<FieldViolation> violations() {
    return Violations.check()
        .required("caseId", caseId)
        .required("injuryId", injuryId)
        .required("instrument", instrument)
        .required("score", score)
        .required("measuredOn", measuredOn)
        .score("score", instrument, score)
        .found();
  }
}
