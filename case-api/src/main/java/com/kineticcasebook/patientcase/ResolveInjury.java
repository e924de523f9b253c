package com.kineticcasebook.patientcase;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that an injury has resolved; a secondary of the current hypothesis resolves as SecondaryResolved. */
public record ResolveInjury(
    @TargetAggregateIdentifier CaseId caseId, InjuryId injuryId, LocalDate resolvedOn, String note) {

  public ResolveInjury {
    Violations.check()
        .required("caseId", caseId)
        .required("injuryId", injuryId)
        .required("resolvedOn", resolvedOn)
        .optionalText("note", note, 2000)
        .throwIfAny();
  }
}
