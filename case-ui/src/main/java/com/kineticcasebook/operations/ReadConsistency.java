package com.kineticcasebook.operations;

import com.kineticcasebook.problem.ApiException;
import com.kineticcasebook.problem.Problems;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes: a client that wrote sends {@code X-Consistency: after=<X-Event-Position>} and
 * the read waits, for a bounded time, until the projection has processed that event.
 */
@Component
public class ReadConsistency {

  public static final String HEADER = "X-Consistency";
  private static final Pattern AFTER = Pattern.compile("after=(\\d{1,18})");
  private static final Duration LIMIT = Duration.ofSeconds(5);
  private static final long POLL_MILLIS = 15;

  private final ProjectionPositions positions;

  ReadConsistency(ProjectionPositions positions) {
    this.positions = positions;
  }

  /** Returns once {@code processor} has processed the position the header names; no header, no wait. */
  public void await(String header, String processor) {
    if (header == null || header.isBlank()) {
      return;
    }
    Matcher matcher = AFTER.matcher(header.trim());
    if (!matcher.matches()) {
      throw new ApiException(Problems.validation(List.of(
          new Problems.FieldError(HEADER, "must be after=<position>, the X-Event-Position of a write"))));
    }
    awaitPosition(Long.parseLong(matcher.group(1)), processor);
  }

  /** Returns once {@code processor} has processed the event at {@code wanted}, the position a write returned. */
  public void awaitPosition(long wanted, String processor) {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (true) {
      OptionalLong processed = positions.processed(processor);
      if (processed.isPresent() && processed.getAsLong() >= wanted) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new ApiException(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "not-yet-consistent",
            "Read model not yet up to date",
            "The read model has not reached position " + wanted + " within " + LIMIT.toSeconds()
                + " seconds. Retry shortly."));
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
