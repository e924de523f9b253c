package com.kineticcasebook.patientcase;

import com.kineticcasebook.reference.OutcomeInstrument;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Collects every invalid field of a command and throws once, so a client learns all its mistakes
 * from one response. Only the first problem of each field is kept: "is required" and "must be
 * between 0 and 10" for the same missing value would only be noise.
 */
final class Violations {

  private final List<FieldViolation> found = new ArrayList<>();
  private final Set<String> failedFields = new HashSet<>();

  private Violations() {}

  static Violations check() {
    return new Violations();
  }

  /** Starts from the command's own problems; the case adds those its state shows. */
  static Violations of(CaseCommand command) {
    Violations check = new Violations();
    command.violations().forEach(violation -> check.add(violation.field(), violation.message()));
    return check;
  }

  /**
   * Strips surrounding whitespace, and turns blank text into null so that it counts as missing.
   * Commands store text this way, so the events never carry stray spaces.
   */
  static String normalise(String text) {
    if (text == null) {
      return null;
    }
    String stripped = text.strip();
    return stripped.isEmpty() ? null : stripped;
  }

  Violations required(String field, Object value) {
    return value == null ? add(field, "is required") : this;
  }

  /** Required text of {@code min..max} characters, already {@link #normalise normalised}. */
  Violations text(String field, String value, int min, int max) {
    required(field, value);
    if (value != null) {
      int length = value.codePointCount(0, value.length());
      if (length < min) {
        add(field, "must have at least " + min + " characters");
      } else if (length > max) {
        add(field, "must have at most " + max + " characters");
      }
    }
    return this;
  }

  Violations optionalText(String field, String value, int max) {
    if (value != null && value.codePointCount(0, value.length()) > max) {
      add(field, "must have at most " + max + " characters");
    }
    return this;
  }

  /** A number within {@code min..max} when given; NaN is never in range. */
  Violations range(String field, Number value, double min, double max) {
    if (value != null && !(value.doubleValue() >= min && value.doubleValue() <= max)) {
      add(field, "must be between " + format(min) + " and " + format(max));
    }
    return this;
  }

  Violations matches(String field, String value, Pattern pattern, String message) {
    if (value != null && !pattern.matcher(value).matches()) {
      add(field, message);
    }
    return this;
  }

  /** A given value must pass {@code valid}; a null value is left to {@link #required}. */
  <T> Violations that(String field, T value, Predicate<T> valid, String message) {
    if (value != null && !valid.test(value)) {
      add(field, message);
    }
    return this;
  }

  /** A score on its instrument's scale; a missing instrument or score is left to {@link #required}. */
  Violations score(String field, OutcomeInstrument instrument, Double score) {
    if (instrument != null) {
      that(field, score, instrument::accepts, instrument.name() + " scores are "
          + (instrument.integerScores() ? "whole numbers " : "") + "from " + instrument.min() + " to "
          + instrument.max());
    }
    return this;
  }

  /** Clinical dates may lie in the past, but never after the clinic's today. */
  Violations notInFuture(String field, LocalDate date, Clock clock) {
    if (date != null && date.isAfter(LocalDate.now(clock))) {
      add(field, "must not be in the future");
    }
    return this;
  }

  Violations add(String field, String message) {
    if (failedFields.add(field)) {
      found.add(new FieldViolation(field, message));
    }
    return this;
  }

  List<FieldViolation> found() {
    return List.copyOf(found);
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
