package com.kineticcasebook.embedded;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A failed start of the embedded PostgreSQL ends the start-up with Boot's short report (what
 * happened, what to do) rather than only a long stack trace that buries the reason.
 */
class EmbeddedPostgresFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedPostgresUnavailable> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedPostgresUnavailable cause) {
    return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
  }
}
