package com.kineticcasebook.pages;

/**
 * What the error pages are given besides the status. The heading has a name of its own: the
 * layout's fragment parameter {@code title} (the page's {@code <title>}) would hide a model
 * attribute of that name, and the page would show the markup as its heading.
 */
final class ErrorPages {

  /** The error page's heading, when the failure has one. */
  static final String HEADING = "heading";

  /** Whether the address is a case's, for which "not found" may also mean "not in your clinics". */
  static final String CASE_ADDRESS = "caseAddress";

  private ErrorPages() {}

  static boolean isCaseAddress(String path) {
    return path != null && path.startsWith("/cases/") && !path.equals("/cases/");
  }
}
