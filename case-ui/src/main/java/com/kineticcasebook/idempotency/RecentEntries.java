package com.kineticcasebook.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Entries a user made through the pages in the last moments, by a fingerprint of what was sent,
 * so that the same entry sent again (the browser's Back, then the form once more) is recognised
 * rather than recorded twice. Like {@link IdempotencyRecords}, a claim belongs to the transaction
 * that records the entry: refused, it leaves nothing behind.
 */
@Component
public class RecentEntries {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  RecentEntries(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Claims the entry, to be shown at {@code location}; empty when it is now this request's,
   * otherwise where the same user's same entry within {@code window} was shown. A concurrent claim
   * of the same entry is waited for by the database's unique key.
   */
  public Optional<String> claim(UUID user, String fingerprint, String location, Duration window) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    // The user's entries older than the window are forgotten here, so the table holds moments, not history.
    jdbc.update("DELETE FROM recent_entry WHERE user_id = ? AND recorded_at < ?", user, now.minus(window));
    int claimed = jdbc.update("""
        INSERT INTO recent_entry (user_id, fingerprint, recorded_at, location) VALUES (?, ?, ?, ?)
        ON CONFLICT DO NOTHING""", user, fingerprint, now, location);
    return claimed == 1 ? Optional.empty() : Optional.of(jdbc.queryForObject(
        "SELECT location FROM recent_entry WHERE user_id = ? AND fingerprint = ?", String.class, user, fingerprint));
  }
}
