package com.kineticcasebook.operations;

import com.kineticcasebook.problem.ApiException;
import com.kineticcasebook.problem.Problems;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes: a client that wrote sends {@code X-Consistency: after=<X-Event-Position>} and
 * the read waits, for a bounded time, until the projection has processed that event.
 *
 * <p>Only a position the event store has recorded is waited for: a write's position is committed
 * before its 201 is sent, so a position beyond the store's head was never returned to anyone, and
 * waiting for it would only hold a request thread until the time limit. Such a position is refused
 * at once.
 */
@Component
public class ReadConsistency {

  public static final String HEADER = "X-Consistency";
  private static final Pattern AFTER = Pattern.compile("after=(\\d{1,18})");
  private static final Duration LIMIT = Duration.ofSeconds(5);
  private static final long POLL_MILLIS = 15;

  private final ProjectionPositions positions;
  /**
   * The highest head this node has read. The head only grows, so a position at or below it exists
   * without asking the database; a higher one is checked against the store's head, one look-up of
   * its primary-key index, which also sees what other nodes have recorded since.
   */
  private final AtomicLong knownHead = new AtomicLong(-1);

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
    long wanted = Long.parseLong(matcher.group(1));
    requireRecorded(wanted);
    awaitPosition(wanted, processor);
  }

  private void requireRecorded(long wanted) {
    if (wanted <= knownHead.get()) {
      return;
    }
    long head = knownHead.accumulateAndGet(positions.head(), Math::max);
    if (wanted > head) {
      ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "position-not-recorded",
          "Position not yet recorded", "No event has been recorded at position " + wanted
              + ". Send the X-Event-Position that a write returned.");
      problem.setProperty("errors",
          List.of(new Problems.FieldError(HEADER, "names a position beyond the newest recorded event")));
      throw new ApiException(problem);
    }
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
