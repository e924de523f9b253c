package com.kineticcasebook.patientcase;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Collects every invalid field of a command and throws once, so a client learns all its mistakes at once. */
final class Violations {

  private final List<FieldViolation> found = new ArrayList<>();

  static Violations check() {
    return new Violations();
  }

  Violations required(String field, Object value) {
    if (value == null) {
      add(field, "is required");
    }
    return this;
  }

  /** Required text of at most {@code max} characters; blank counts as missing. */
  Violations text(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      add(field, "is required");
    } else if (value.length() > max) {
      add(field, "must have at most " + max + " characters");
    }
    return this;
  }

  Violations optionalText(String field, String value, int max) {
    if (value != null && value.length() > max) {
      add(field, "must have at most " + max + " characters");
    }
    return this;
  }

  Violations range(String field, Number value, double min, double max) {
    if (value != null && (value.doubleValue() < min || value.doubleValue() > max || Double.isNaN(value.doubleValue()))) {
      add(field, "must be between " + format(min) + " and " + format(max));
    }
    return this;
  }

  /** Checks the form of text that is present; missing text is {@link #text}'s to report. */
  Violations matches(String field, String value, Pattern pattern, String message) {
    if (value != null && !value.isBlank() && !pattern.matcher(value).matches()) {
      add(field, message);
    }
    return this;
  }

  <T> Violations that(String field, T value, Predicate<T> valid, String message) {
    if (value != null && !valid.test(value)) {
      add(field, message);
    }
    return this;
  }

  /** A list whose entries must be distinct. */
  Violations distinct(String field, Collection<?> values) {
    if (values != null && values.stream().distinct().count() != values.size()) {
      add(field, "must not name the same id twice");
    }
    return this;
  }

  Violations add(String field, String message) {
    found.add(new FieldViolation(field, message));
    return this;
  }

  void throwIfAny() {
    if (!found.isEmpty()) {
      throw new InvalidCommandException(found);
    }
  }

  private static String format(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
