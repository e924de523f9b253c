package com.kineticcasebook.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Grants of break-glass access, each for one user, one case and a limited time. */
@Repository
public class BreakGlassGrants {

  /** How long a grant lasts. */
  public static final Duration DURATION = Duration.ofMinutes(30);

  private final JdbcTemplate jdbc;
  private final Clock clock;

  BreakGlassGrants(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  Instant grant(UUID userId, UUID caseId, String reason) {
    Instant now = clock.instant();
    Instant expiresAt = now.plus(DURATION);
    jdbc.update("INSERT INTO break_glass_grant (id, user_id, case_id, reason, granted_at, expires_at) "
        + "VALUES (?, ?, ?, ?, ?, ?)", UUID.randomUUID(), userId, caseId, reason, now.atOffset(ZoneOffset.UTC),
        expiresAt.atOffset(ZoneOffset.UTC));
    return expiresAt;
  }

  /** The reason of the user's current grant for the case, if one is still valid. */
  public Optional<String> activeReason(UUID userId, UUID caseId) {
    return jdbc.query("SELECT reason FROM break_glass_grant WHERE user_id = ? AND case_id = ? AND expires_at > ? "
            + "ORDER BY expires_at DESC", (rs, row) -> rs.getString(1), userId, caseId,
        clock.instant().atOffset(ZoneOffset.UTC)).stream().findFirst();
  }
}
