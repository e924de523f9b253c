package com.kineticcasebook.patientcase;

import java.util.List;

/**
 * Closing a case that still has open injuries, without saying they are to stay unresolved: a case
 * must not be closed on injuries the clinician forgot. The API answers 409 with the injuries.
 */
public class OpenInjuriesAtClosure extends CaseRuleViolation {

  private final transient List<InjuryId> openInjuryIds;

  OpenInjuriesAtClosure(List<InjuryId> openInjuryIds) {
    super(openInjuryIds.size() + (openInjuryIds.size() == 1 ? " injury is" : " injuries are")
        + " still open. Confirm that the case closes with them unresolved, or resolve them first.");
    this.openInjuryIds = List.copyOf(openInjuryIds);
  }

  public List<InjuryId> openInjuryIds() {
    return openInjuryIds;
  }
}
