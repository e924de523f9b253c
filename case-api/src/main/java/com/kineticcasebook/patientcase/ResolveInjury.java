package com.kineticcasebook.patientcase;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records that an injury has resolved. The case decides whether that is a SecondaryResolved (a
 * secondary of the current hypothesis) or an InjuryResolved, so the client cannot misclassify it.
 *
 * @param note optional; blank counts as no note
 */
public record ResolveInjury(
    @TargetAggregateIdentifier CaseId caseId, InjuryId injuryId, LocalDate resolvedOn, String note) implements CaseCommand {

  public ResolveInjury {
    note = Violations.normalise(note);
  }

  @Override
  public List<FieldViolation> violations() {
    return Violations.check()
        .required("caseId", caseId)
        .required("injuryId", injuryId)
        .required("resolvedOn", resolvedOn)
        .optionalText("note", note, 2000)
        .found();
  }
}
