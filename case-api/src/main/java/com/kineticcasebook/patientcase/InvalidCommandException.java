package com.kineticcasebook.patientcase;

import java.util.List;

/** A command with invalid fields; nothing was recorded. The API answers 400 naming every field. */
public class InvalidCommandException extends RuntimeException {

  private final transient List<FieldViolation> violations;

  public InvalidCommandException(List<FieldViolation> violations) {
    super(violations.size() + " invalid field(s): "
        + String.join(", ", violations.stream().map(FieldViolation::field).toList()), null, false, false);
    this.violations = List.copyOf(violations);
  }

  public static InvalidCommandException of(String field, String message) {
    return new InvalidCommandException(List.of(new FieldViolation(field, message)));
  }

  public List<FieldViolation> violations() {
    return violations;
  }
}
