package com.kineticcasebook.patientcase;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A command with invalid fields; nothing was recorded. The API answers 400 and names every field
 * as the JSON request names it. Messages describe the rule, never the submitted value, so they
 * can be logged without leaking patient data.
 */
public class InvalidCommandException extends RuntimeException {

  private final transient List<FieldViolation> violations;

  public InvalidCommandException(List<FieldViolation> violations) {
    super(describe(violations), null, false, false);
    this.violations = List.copyOf(violations);
  }

  public List<FieldViolation> violations() {
    return violations;
  }

  private static String describe(List<FieldViolation> violations) {
    return "Invalid command: " + violations.stream()
        .map(violation -> violation.field() + " " + violation.message())
        .collect(Collectors.joining("; "));
  }
}
