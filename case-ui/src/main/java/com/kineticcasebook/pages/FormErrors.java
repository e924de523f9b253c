package com.kineticcasebook.pages;

import com.kineticcasebook.patientcase.FieldViolation;
import com.kineticcasebook.patientcase.InvalidCommandException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Error messages of a form, keyed by field name as the command names it (e.g. {@code painScore}),
 * for the page to show next to each field. A message about the whole form is under {@link #FORM}.
 */
public final class FormErrors {

  /** The key of a message about the form as a whole. */
  public static final String FORM = "form";

  private FormErrors() {}

  /** Every invalid field of a refused command; several messages for one field are joined. */
  public static Map<String, String> of(InvalidCommandException refused) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (FieldViolation violation : refused.violations()) {
      errors.merge(violation.field(), violation.message(), (first, next) -> first + "; " + next);
    }
    return errors;
  }

  /** A single message about the whole form, such as a rule the case's state does not allow. */
  public static Map<String, String> form(String message) {
    Map<String, String> errors = new LinkedHashMap<>();
    errors.put(FORM, message);
    return errors;
  }
}
