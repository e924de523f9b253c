package com.kineticcasebook.embedded;

/** The embedded PostgreSQL cannot start; says why and what to do, for the start-up report. */
final class EmbeddedPostgresUnavailable extends RuntimeException {

  private final String action;

  EmbeddedPostgresUnavailable(String description, String action, Throwable cause) {
    super(description, cause);
    this.action = action;
  }

  String action() {
    return action;
  }
}
