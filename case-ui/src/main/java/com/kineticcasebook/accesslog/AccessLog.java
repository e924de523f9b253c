package com.kineticcasebook.accesslog;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The append-only {@code access_log} table: rows are added, never changed. */
@Repository
public class AccessLog {

  /** One access to clinical data. */
  public record Entry(Instant at, UUID userId, String username, String roles, UUID caseId, UUID clinicId,
      String action, String clientAddress, Outcome outcome, int status, boolean breakGlass, String reason,
      String correlationId) {}

  /** ALLOWED: answered 2xx or 3xx; REFUSED: 4xx; FAILED: 5xx. */
  public enum Outcome { ALLOWED, REFUSED, FAILED }

  private final JdbcTemplate jdbc;

  AccessLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void append(Entry e) {
    jdbc.update("""
        INSERT INTO access_log (at, user_id, username, roles, case_id, clinic_id, action, client_address, outcome,
          status, break_glass, reason, correlation_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        e.at().atOffset(ZoneOffset.UTC), e.userId(), e.username(), e.roles(), e.caseId(), e.clinicId(), e.action(),
        e.clientAddress(), e.outcome().name(), e.status(), e.breakGlass(), e.reason(), e.correlationId());
  }

  /** Newest first; every filter optional. */
  public List<Entry> find(UUID caseId, UUID userId, Instant from, Instant to, int page, int size) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> arguments = new ArrayList<>();
    if (caseId != null) {
      where.append(" AND case_id = ?");
      arguments.add(caseId);
    }
    if (userId != null) {
      where.append(" AND user_id = ?");
      arguments.add(userId);
    }
    if (from != null) {
      where.append(" AND at >= ?");
      arguments.add(from.atOffset(ZoneOffset.UTC));
    }
    if (to != null) {
      where.append(" AND at <= ?");
      arguments.add(to.atOffset(ZoneOffset.UTC));
    }
    arguments.add(size);
    arguments.add((long) page * size);
    return jdbc.query("SELECT * FROM access_log" + where + " ORDER BY id DESC LIMIT ? OFFSET ?",
        (rs, row) -> new Entry(rs.getObject("at", OffsetDateTime.class).toInstant(),
            rs.getObject("user_id", UUID.class), rs.getString("username"), rs.getString("roles"),
            rs.getObject("case_id", UUID.class), rs.getObject("clinic_id", UUID.class), rs.getString("action"),
            rs.getString("client_address"), Outcome.valueOf(rs.getString("outcome")), rs.getInt("status"),
            rs.getBoolean("break_glass"), rs.getString("reason"), rs.getString("correlation_id")),
        arguments.toArray());
  }
}
