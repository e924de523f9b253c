package com.kineticcasebook.projections.caseview;

import com.kineticcasebook.patientcase.CaseEvent;
import java.util.Locale;

/** Event names as the API shows them: {@code InjuryReported} becomes {@code INJURY_REPORTED}. */
public final class EventNames {

  private EventNames() {}

  public static String type(CaseEvent event) {
    return event.type().name();
  }

  /** For a marked event, which an {@code EntryMarkedInError} names by its simple class name. */
  public static String type(String simpleClassName) {
    return simpleClassName.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }
}
