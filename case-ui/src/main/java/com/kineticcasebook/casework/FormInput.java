package com.kineticcasebook.casework;

import com.kineticcasebook.pages.FormErrors;
import com.kineticcasebook.patientcase.CanonicalUuid;
import com.kineticcasebook.patientcase.CaseCommand;
import com.kineticcasebook.patientcase.FieldViolation;
import com.kineticcasebook.patientcase.InvalidCommandException;
import java.io.Serial;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the text a clinician typed into the values a command takes, and collects every problem
 * under the command's field name. A value that cannot be read becomes null, so the command's own
 * checks still run for the other fields; the reading problem wins over the command's "is required".
 */
final class FormInput implements Serializable {

  @Serial
  private static final long serialVersionUID = 1L;

  private final Map<String, String> errors = new LinkedHashMap<>();
  private final Map<String, LocalDate> dates = new LinkedHashMap<>();
  private String refusal;
  private String recordedBefore;

  /** A clinical date: the case takes none after the clinic's today ({@link #notAfter}). */
  LocalDate date(String field, String text) {
    if (blank(text)) {
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(text.strip());
      dates.put(field, date);
      return date;
    } catch (DateTimeParseException e) {
      return reject(field, "must be a date (YYYY-MM-DD)");
    }
  }

  Integer whole(String field, String text) {
    if (blank(text)) {
      return null;
    }
    try {
      return Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      return reject(field, "must be a whole number");
    }
  }

  Double number(String field, String text) {
    if (blank(text)) {
      return null;
    }
    try {
      double value = Double.parseDouble(text.strip().replace(',', '.'));
      return Double.isFinite(value) ? value : reject(field, "must be a number");
    } catch (NumberFormatException e) {
      return reject(field, "must be a number");
    }
  }

  <E extends Enum<E>> E choice(String field, String text, Class<E> type) {
    if (blank(text)) {
      return null;
    }
    try {
      return Enum.valueOf(type, text.strip());
    } catch (IllegalArgumentException e) {
      return reject(field, "is not one of the choices");
    }
  }

  UUID id(String field, String text) {
    if (blank(text)) {
      return null;
    }
    try {
      return CanonicalUuid.parse(text.strip());
    } catch (IllegalArgumentException e) {
      return reject(field, "is not one of the choices");
    }
  }

  /** Ids of a multiple choice, in the order given; blank entries are skipped. */
  List<UUID> ids(String field, List<String> texts) {
    if (texts == null) {
      return List.of();
    }
    return texts.stream().filter(text -> !blank(text)).map(text -> id(field, text))
        .filter(id -> id != null).toList();
  }

  /**
   * Builds the command. When all the text could be read the command is returned even with invalid
   * fields: the case refuses it once with those and with what its state forbids. When some text
   * could not be read, returns null with every problem in {@link #errors}: the reading problems and
   * then the command's own. The command's field names are shortened to the form's:
   * {@code findings.cadenceSpm} is the {@code cadenceSpm} input, {@code secondaryInjuryIds[1]} the
   * {@code secondaryInjuryIds} list.
   */
  <C extends CaseCommand> C build(Supplier<C> command) {
    C built = command.get();
    if (errors.isEmpty()) {
      return built;
    }
    add(built.violations());
    return null;
  }

  /**
   * Returns the command when nothing is wrong with it yet, else null with its problems in
   * {@link #errors}: for a command the application must look at before the case does (whose clinic
   * it is opened in).
   */
  <C extends CaseCommand> C complete(C command) {
    if (command == null || command.violations().isEmpty()) {
      return command;
    }
    add(command.violations());
    return null;
  }

  /** The problems of a refused command, after those found while reading the text. */
  void add(InvalidCommandException invalid) {
    add(invalid.violations());
  }

  private void add(List<FieldViolation> violations) {
    add("", violations);
  }

  /** The problems of one command of a form that records several, under its prefix ("injuries[1]."). */
  void add(String prefix, List<FieldViolation> violations) {
    FormErrors.of(violations)
        .forEach((field, message) -> errors.putIfAbsent(prefix + inputName(field), sentence(message)));
  }

  /** A problem found outside a command, under the form's input name. */
  void invalid(String field, String message) {
    reject(field, message);
  }

  /**
   * The dates read that lie after {@code today}, said as the case says them. The case checks
   * dates only once the command is complete; a form refused for other fields says it at once.
   */
  void notAfter(LocalDate today) {
    dates.forEach((field, date) -> {
      if (date.isAfter(today)) {
        reject(field, "must not be in the future");
      }
    });
  }

  /** The same entry was recorded before, and is shown at {@code location}; nothing was recorded now. */
  void recordedBefore(String location) {
    recordedBefore = location;
  }

  /** Where the entry this form repeats is shown, or null when it repeats none. */
  String recordedBefore() {
    return recordedBefore;
  }

  /** The case's current state forbids the command; the sentence is for the clinician. */
  void refuse(String message) {
    refusal = message;
  }

  /**
   * Renames the problems of a list's items from the command's numbering to the form's:
   * {@code rows.get(i)} is the form row of the command's item {@code i}, so that
   * {@code outcomeMeasures[0].score} of the first filled row lands under that row's input.
   */
  void renumber(String list, List<Integer> rows) {
    Pattern item = Pattern.compile(Pattern.quote(list) + "\\[(\\d+)](.*)");
    Map<String, String> renamed = new LinkedHashMap<>();
    errors.forEach((field, message) -> {
      Matcher matcher = item.matcher(field);
      if (matcher.matches() && Integer.parseInt(matcher.group(1)) < rows.size()) {
        renamed.putIfAbsent(list + "[" + rows.get(Integer.parseInt(matcher.group(1))) + "]" + matcher.group(2), message);
      } else {
        renamed.putIfAbsent(field, message);
      }
    });
    errors.clear();
    errors.putAll(renamed);
  }

  Map<String, String> errors() {
    return errors;
  }

  /** Why the case refused the command, or null. */
  String refusal() {
    return refusal;
  }

  static String inputName(String field) {
    String name = field.replaceFirst("\\[\\d+]$", "");
    return name.startsWith("findings.") ? name.substring("findings.".length()) : name;
  }

  /** "must be between 0 and 10" becomes "Must be between 0 and 10."; "is required" a plain request. */
  static String sentence(String message) {
    if (message.equals("is required")) {
      return "Please fill this in.";
    }
    String text = message.startsWith("is ") || message.startsWith("names ") || message.startsWith("has ")
        ? "This " + message : message;
    text = text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    return text.endsWith(".") ? text : text + ".";
  }

  private <T> T reject(String field, String message) {
    errors.putIfAbsent(field, sentence(message));
    return null;
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
