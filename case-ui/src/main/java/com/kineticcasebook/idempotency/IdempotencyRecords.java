package com.kineticcasebook.idempotency;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The idempotency keys of one user and the first answer given to each, for the API's
 * {@code Idempotency-Key} header and the pages' per-render form key alike. Both calls must run in
 * the transaction that records the request's events, so that the key and the events are stored
 * together or not at all.
 */
@Component
public class IdempotencyRecords {

  private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

  /** A request as first answered; {@code status} is 0 while it has not been answered. */
  public record Earlier(String requestHash, int status, String contentType, String location, Long eventPosition,
      String body) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;

  IdempotencyRecords(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** 1 to 255 visible ASCII characters. */
  public static boolean valid(String key) {
    return key != null && VALID_KEY.matcher(key).matches();
  }

  /**
   * Claims the key for this request; empty when it is now this request's, otherwise the request
   * that holds it. A concurrent holder is waited for (the database's unique key), so what is
   * returned has committed; a holder that rolled back left no claim, and the key is claimed.
   */
  public Optional<Earlier> claim(UUID user, String key, String requestHash) {
    int claimed = jdbc.update("""
        INSERT INTO idempotency_record (user_id, idempotency_key, request_hash, created_at)
        VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""",
        user, key, requestHash, OffsetDateTime.now(clock));
    return claimed == 1 ? Optional.empty() : Optional.of(find(user, key));
  }

  /** Saves the answer of a claimed request, to be given again to its repeats. */
  public void complete(UUID user, String key, int status, String contentType, String location, Long eventPosition,
      String body) {
    jdbc.update("""
        UPDATE idempotency_record SET status = ?, content_type = ?, location = ?, event_position = ?, body = ?
        WHERE user_id = ? AND idempotency_key = ?""",
        status, contentType, location, eventPosition, body, user, key);
  }

  private Earlier find(UUID user, String key) {
    return jdbc.queryForObject("""
        SELECT request_hash, status, content_type, location, event_position, body FROM idempotency_record
        WHERE user_id = ? AND idempotency_key = ?""",
        (rs, row) -> new Earlier(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
            rs.getObject(5, Long.class), rs.getString(6)),
        user, key);
  }
}
