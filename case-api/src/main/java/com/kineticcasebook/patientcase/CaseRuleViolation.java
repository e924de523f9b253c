package com.kineticcasebook.patientcase;

/**
 * A command the case's current state forbids, such as resolving an injury twice or recording on
 * a closed case; nothing was recorded. The API answers 409 with the message, which is therefore
 * a plain sentence for the clinician and never contains patient data.
 */
public class CaseRuleViolation extends RuntimeException {

  public CaseRuleViolation(String message) {
    // An expected outcome of a request, not a fault: a stack trace would only fill the logs.
    super(message, null, false, false);
  }
}
