package com.kineticcasebook.access;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The append-only {@code access_log} table: rows are added, never changed.
 *
 * <p>On PostgreSQL a row's commit does not wait for the write-ahead log to reach the disk
 * ({@code synchronous_commit = off} for that row's transaction only): otherwise every read of clinical
 * data would wait for a disk flush of its own log line. The row is written before the request's
 * thread moves on; what a PostgreSQL crash can lose is the last fraction of a second of access-log
 * rows, never an event (events commit synchronously, and carry who recorded them).
 */
@Repository
public class AccessLog {

  /** One access to clinical data. */
  public record Entry(Instant at, UUID userId, String username, String roles, UUID caseId, UUID clinicId,
      String action, String clientAddress, Outcome outcome, int status, boolean breakGlass, String reason,
      String correlationId) {}

  /** ALLOWED: answered 2xx or 3xx; REFUSED: 4xx, or sent to sign in first; FAILED: 5xx. */
  public enum Outcome { ALLOWED, REFUSED, FAILED }

  private final JdbcTemplate jdbc;
  private final TransactionTemplate outsideTransactions;

  AccessLog(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.outsideTransactions = new TransactionTemplate(transactions);
    this.outsideTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
  }

  /**
   * Adds the row in one statement that is its own transaction (any surrounding one is suspended):
   * set_config(..., true) lasts to the end of that transaction, so only this row's commit skips
   * the flush.
   */
  void append(Entry e) {
    outsideTransactions.executeWithoutResult(status -> jdbc.update("""
        WITH unflushed AS (SELECT set_config('synchronous_commit', 'off', true))
        INSERT INTO access_log (at, user_id, username, roles, case_id, clinic_id, action, client_address, outcome,
          status, break_glass, reason, correlation_id)
        SELECT ?::timestamptz, ?::uuid, ?::varchar, ?::varchar, ?::uuid, ?::uuid, ?::varchar, ?::varchar,
          ?::varchar, ?::integer, ?::boolean, ?::varchar, ?::varchar FROM unflushed""", values(e)));
  }

  private static Object[] values(Entry e) {
    return new Object[] {e.at().atOffset(ZoneOffset.UTC), e.userId(), e.username(), e.roles(), e.caseId(),
        e.clinicId(), e.action(), e.clientAddress(), e.outcome().name(), e.status(), e.breakGlass(), e.reason(),
        e.correlationId()};
  }

  /** Whether the user was allowed this action on the case at or after the instant. */
  boolean hasAllowedSince(UUID caseId, UUID userId, String action, Instant since) {
    return !jdbc.queryForList("SELECT 1 FROM access_log WHERE case_id = ? AND at >= ? AND user_id = ? AND action = ? "
        + "AND outcome = 'ALLOWED' LIMIT 1", Integer.class, caseId, since.atOffset(ZoneOffset.UTC), userId, action)
        .isEmpty();
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
    String orderAndPage = LogQueries.timeRangeAndPage(where, arguments, from, to, page, size);
    return jdbc.query("SELECT * FROM access_log" + where + orderAndPage,
        (rs, row) -> new Entry(rs.getObject("at", OffsetDateTime.class).toInstant(),
            rs.getObject("user_id", UUID.class), rs.getString("username"), rs.getString("roles"),
            rs.getObject("case_id", UUID.class), rs.getObject("clinic_id", UUID.class), rs.getString("action"),
            rs.getString("client_address"), Outcome.valueOf(rs.getString("outcome")), rs.getInt("status"),
            rs.getBoolean("break_glass"), rs.getString("reason"), rs.getString("correlation_id")),
        arguments.toArray());
  }
}
