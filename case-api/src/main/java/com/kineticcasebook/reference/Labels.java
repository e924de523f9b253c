package com.kineticcasebook.reference;

import java.util.Locale;

/** Turns an enum constant such as NOT_APPLICABLE into the label "Not applicable". */
final class Labels {

  private Labels() {}

  static String of(Enum<?> value) {
    String words = value.name().replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
