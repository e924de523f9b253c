package com.kineticcasebook.patientcase;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reopens a closed case, for instance when the pain returns, so that its history continues in one stream. */
public record ReopenCase(@TargetAggregateIdentifier CaseId caseId, LocalDate reopenedOn, String reason) implements CaseCommand {

  public ReopenCase {
    reason = Violations.normalise(reason);
  }

  @Override
  public List<FieldViolation> violations() {
    return Violations.check()
        .required("caseId", caseId)
        .required("reopenedOn", reopenedOn)
        .text("reason", reason, 1, 1000)
        .found();
  }
}
