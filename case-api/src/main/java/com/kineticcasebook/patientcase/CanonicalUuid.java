package com.kineticcasebook.patientcase;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Parses an id only in its canonical spelling: 36 characters, hex digits in groups of 8-4-4-4-12.
 * {@link UUID#fromString} also accepts {@code 1-2-3-4-5} and other short spellings of the same
 * id, so a case could be read under a name that a search of the access log by case never finds.
 * Upper-case hex is accepted; the id is always printed in lower case.
 */
public final class CanonicalUuid {

  private static final Pattern CANONICAL =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private CanonicalUuid() {}

  /** The UUID, or an {@link IllegalArgumentException} for null or any other spelling. */
  public static UUID parse(String text) {
    if (text == null || !CANONICAL.matcher(text).matches()) {
      throw new IllegalArgumentException("must be a UUID in its 36-character form");
    }
    return UUID.fromString(text);
  }

  /** Whether the text is a UUID in its 36-character form. */
  public static boolean isCanonical(String text) {
    return text != null && CANONICAL.matcher(text).matches();
  }
}
