package com.kineticcasebook.patientcase;

/**
 * A command the case's current state forbids, such as resolving an injury twice or recording on
 * a closed case; nothing was recorded. The API answers 409. Messages never contain patient data.
 */
public class CaseRuleViolation extends RuntimeException {

  public CaseRuleViolation(String message) {
    super(message, null, false, false);
  }
}
