package com.kineticcasebook.patientcase;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Closes the case; no clinical event can be recorded until it is reopened.
 *
 * @param closeOpenInjuriesAsUnresolved the clinician's confirmation that injuries still open stay
 *     unresolved at closure (the outcome figures censor them there); without it such a case is not closed
 */
public record CloseCase(
    @TargetAggregateIdentifier CaseId caseId, LocalDate closedOn, String reason, boolean closeOpenInjuriesAsUnresolved)
    implements CaseCommand {

  public CloseCase {
    reason = Violations.normalise(reason);
  }

  @Override
  public List<FieldViolation> violations() {
    return Violations.check()
        .required("caseId", caseId)
        .required("closedOn", closedOn)
        .text("reason", reason, 1, 1000)
        .found();
  }

  /** Closes a case that must have no open injury left. */
  public CloseCase(CaseId caseId, LocalDate closedOn, String reason) {
    this(caseId, closedOn, reason, false);
  }
}
