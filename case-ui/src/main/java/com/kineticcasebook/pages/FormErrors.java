package com.kineticcasebook.pages;

import com.kineticcasebook.patientcase.FieldViolation;
import com.kineticcasebook.patientcase.InvalidCommandException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Error messages of a form, keyed by field name as the command names it (e.g. {@code painScore}),
 * for the page to show next to each field.
 */
public final class FormErrors {

  private FormErrors() {}

  /** Every invalid field of a refused command; several messages for one field are joined. */
  public static Map<String, String> of(InvalidCommandException refused) {
    return of(refused.violations());
  }

  /** The same for problems found before a command was sent. */
  public static Map<String, String> of(List<FieldViolation> violations) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (FieldViolation violation : violations) {
      errors.merge(violation.field(), violation.message(), (first, next) -> first + "; " + next);
    }
    return errors;
  }
}
