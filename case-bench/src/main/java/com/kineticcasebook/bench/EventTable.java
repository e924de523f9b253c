package com.kineticcasebook.bench;

import com.kineticcasebook.bench.History.EventRow;
import com.kineticcasebook.integrity.EventHashChain;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The raw limits of the machine for the event table, measured with plain JDBC and no
 * application: how fast rows go in (batches of {@value #BATCH}, one transaction each) and how fast
 * they come back out in order and parse as JSON.
 */
final class EventTable {

  static final int BATCH = 1_000;

  /** How many rows took how long. */
  record Timed(long rows, long nanos) {

    double perSecond() {
      return rows / (nanos / 1e9);
    }
  }

  private EventTable() {}

  /**
   * Inserts the rows into {@code domain_event_entry} (with all its indexes) in JDBC batches: the
   * write limit, and at the same time the bulk history the rest of the run reads.
   */
  static Timed insert(Connection connection, List<EventRow> rows) throws SQLException {
    connection.setAutoCommit(false);
    long started = System.nanoTime();
    try (PreparedStatement insert = connection.prepareStatement("""
        INSERT INTO domain_event_entry (event_identifier, meta_data, payload, payload_revision, payload_type,
          time_stamp, aggregate_identifier, sequence_number, type) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
      int pending = 0;
      for (EventRow row : rows) {
        insert.setString(1, row.eventId());
        insert.setBytes(2, row.metadata());
        insert.setBytes(3, row.payload());
        insert.setString(4, row.payloadRevision());
        insert.setString(5, row.payloadType());
        insert.setString(6, row.timestamp());
        insert.setString(7, row.caseId());
        insert.setLong(8, row.sequenceNumber());
        insert.setString(9, row.aggregateType());
        insert.addBatch();
        if (++pending == BATCH) {
          insert.executeBatch();
          connection.commit();
          pending = 0;
        }
      }
      insert.executeBatch();
      connection.commit();
    }
    return new Timed(rows.size(), System.nanoTime() - started);
  }

  /**
   * Writes what the command path writes beside the events of generated cases: each case's hash
   * chain links and its directory row (which clinic it belongs to).
   */
  static void chainAndDirectory(Connection connection, List<EventRow> rows, UUID clinicId) throws SQLException {
    connection.setAutoCommit(false);
    try (PreparedStatement link = connection.prepareStatement("INSERT INTO event_hash (event_identifier, "
            + "aggregate_identifier, sequence_number, previous_hash, hash) VALUES (?, ?, ?, ?, ?)");
        PreparedStatement directory = connection.prepareStatement(
            "INSERT INTO case_directory (case_id, clinic_id) VALUES (?, ?)")) {
      Set<String> cases = new HashSet<>();
      String lastCase = null;
      String lastHash = null;
      int pending = 0;
      for (EventRow row : rows) {
        String previous = row.caseId().equals(lastCase) ? lastHash : EventHashChain.GENESIS;
        String hash = EventHashChain.hash(previous, new EventHashChain.StoredEvent(row.eventId(), row.caseId(),
            row.sequenceNumber(), row.payloadType(), row.payloadRevision(), row.timestamp(), row.metadata(),
            row.payload()));
        link.setString(1, row.eventId());
        link.setString(2, row.caseId());
        link.setLong(3, row.sequenceNumber());
        link.setString(4, previous);
        link.setString(5, hash);
        link.addBatch();
        if (cases.add(row.caseId())) {
          directory.setObject(1, UUID.fromString(row.caseId()));
          directory.setObject(2, clinicId);
          directory.addBatch();
        }
        lastCase = row.caseId();
        lastHash = hash;
        if (++pending == BATCH) {
          link.executeBatch();
          directory.executeBatch();
          connection.commit();
          pending = 0;
        }
      }
      link.executeBatch();
      directory.executeBatch();
      connection.commit();
    }
  }

  /** The read limit: every event row in global order, its payload and metadata parsed as JSON. */
  static Timed scan(Connection connection) throws SQLException {
    JsonMapper json = JsonMapper.builder().build();
    connection.setAutoCommit(false);
    long started = System.nanoTime();
    long rows = 0;
    long checksum = 0;
    try (PreparedStatement select = connection.prepareStatement("""
        SELECT global_index, event_identifier, aggregate_identifier, sequence_number, payload_type,
          payload_revision, time_stamp, meta_data, payload
        FROM domain_event_entry ORDER BY global_index""")) {
      select.setFetchSize(BATCH);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          rs.getLong(1);
          rs.getString(2);
          rs.getString(3);
          rs.getLong(4);
          rs.getString(5);
          rs.getString(6);
          rs.getString(7);
          JsonNode metadata = json.readTree(rs.getBytes(8));
          JsonNode payload = json.readTree(rs.getBytes(9));
          checksum += metadata.size() + payload.size();
          rows++;
        }
      }
    }
    connection.commit();
    if (checksum == 0 && rows > 0) {
      throw new IllegalStateException("The event rows parsed to nothing");
    }
    return new Timed(rows, System.nanoTime() - started);
  }
}
