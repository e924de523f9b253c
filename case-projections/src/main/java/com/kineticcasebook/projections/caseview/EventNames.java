package com.kineticcasebook.projections.caseview;

import java.util.Locale;

/** Event names as the API shows them: {@code InjuryReported} becomes {@code INJURY_REPORTED}. */
public final class EventNames {

  private EventNames() {}

  public static String type(Object payload) {
    return type(payload.getClass().getSimpleName());
  }

  public static String type(String simpleClassName) {
    return simpleClassName.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }
}
