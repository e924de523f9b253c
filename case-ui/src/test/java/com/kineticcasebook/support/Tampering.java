package com.kineticcasebook.support;

import com.kineticcasebook.integrity.EventHashChain;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What someone who owns the database can do to a case's history behind the application's back,
 * and how a test puts it back afterwards. Every method needs a connection as the tables' owner.
 */
public final class Tampering {

  private final JdbcTemplate owner;
  private final String caseId;
  private final List<Map<String, Object>> events;
  private final List<Map<String, Object>> links;

  private Tampering(JdbcTemplate owner, String caseId) {
    this.owner = owner;
    this.caseId = caseId;
    this.events = owner.queryForList("SELECT * FROM domain_event_entry WHERE aggregate_identifier = ?", caseId);
    this.links = owner.queryForList("SELECT * FROM event_hash WHERE aggregate_identifier = ?", caseId);
  }

  /** Remembers the case's stored rows as they are now, so that {@link #restore()} can put them back. */
  public static Tampering of(JdbcTemplate owner, String caseId) {
    return new Tampering(owner, caseId);
  }

  /** Recomputes the case's whole chain from its stored rows, as a forger who read the documentation would. */
  public void rechain() {
    owner.update("DELETE FROM event_hash WHERE aggregate_identifier = ?", caseId);
    List<EventHashChain.StoredEvent> stored = owner.query("SELECT event_identifier, aggregate_identifier, "
        + "sequence_number, payload_type, payload_revision, time_stamp, meta_data, payload FROM domain_event_entry "
        + "WHERE aggregate_identifier = ? ORDER BY sequence_number", (rs, row) -> new EventHashChain.StoredEvent(
            rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
            rs.getBytes(7), rs.getBytes(8)), caseId);
    String previous = EventHashChain.GENESIS;
    for (EventHashChain.StoredEvent event : stored) {
      String hash = EventHashChain.hash(previous, event);
      owner.update("INSERT INTO event_hash (event_identifier, aggregate_identifier, sequence_number, previous_hash, "
          + "hash) VALUES (?, ?, ?, ?, ?)", event.eventId(), caseId, event.sequenceNumber(), previous, hash);
      previous = hash;
    }
  }

  /** Moves events from the sequence number on one place later and puts a copy of the event before it there. */
  public void insertCopyBefore(long sequenceNumber, String forgedEventId) {
    owner.update("UPDATE domain_event_entry SET sequence_number = sequence_number + 1000000 "
        + "WHERE aggregate_identifier = ? AND sequence_number >= ?", caseId, sequenceNumber);
    owner.update("UPDATE domain_event_entry SET sequence_number = sequence_number - 999999 "
        + "WHERE aggregate_identifier = ? AND sequence_number >= 1000000", caseId);
    owner.update("INSERT INTO domain_event_entry (event_identifier, meta_data, payload, payload_revision, payload_type, "
        + "time_stamp, aggregate_identifier, sequence_number, type) SELECT ?, meta_data, payload, payload_revision, "
        + "payload_type, time_stamp, aggregate_identifier, ?, type FROM domain_event_entry "
        + "WHERE aggregate_identifier = ? AND sequence_number = ?", forgedEventId, sequenceNumber, caseId,
        sequenceNumber - 1);
  }

  /** Puts the case's rows back exactly as they were remembered. */
  public void restore() {
    owner.update("DELETE FROM event_hash WHERE aggregate_identifier = ?", caseId);
    owner.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ?", caseId);
    events.forEach(row -> insert("domain_event_entry", row));
    links.forEach(row -> insert("event_hash", row));
  }

  private void insert(String table, Map<String, Object> row) {
    List<String> columns = List.copyOf(row.keySet());
    owner.update("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
        + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")",
        columns.stream().map(row::get).toArray());
  }
}
