package com.kineticcasebook.integrity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The hash chain that makes a case's history tamper-evident. Each event's hash covers its stored
 * row (event id, case id, sequence, payload type and revision, timestamp, metadata and payload
 * bytes, each length-prefixed) and the previous event's hash; the first event of a case follows
 * {@link #GENESIS}. Anyone with read access to the two tables can recompute it.
 */
public final class EventHashChain {

  /** The "previous hash" of a case's first event. */
  public static final String GENESIS = "0".repeat(64);

  private static final String ROW_COLUMNS = "e.event_identifier, e.aggregate_identifier, e.sequence_number, "
      + "e.payload_type, e.payload_revision, e.time_stamp, e.meta_data, e.payload";

  /** A stored event row as the chain sees it. */
  public record StoredEvent(String eventId, String caseId, long sequenceNumber, String payloadType, String payloadRevision,
      String timestamp, byte[] metadata, byte[] payload) {}

  /** A stored link of the chain. */
  public record Link(String eventId, String previousHash, String hash) {}

  /** The result of recomputing a case's chain. */
  public record Verification(boolean intact, int events, String firstBrokenEventId) {}

  private EventHashChain() {}

  /** Where an appended event landed: its case, its position in the store and its type. */
  public record Appended(String eventId, String caseId, long globalIndex, String payloadType) {}

  /**
   * Extends the chains of the cases the given events were just appended to, on the appending
   * connection, and reports where each landed, in each case's order. One query reads the stored
   * rows (the bytes the hash covers) together with the link each case's first new event follows;
   * one batch writes the new links.
   */
  public static List<Appended> extend(Connection connection, List<String> eventIds) throws SQLException {
    if (eventIds.isEmpty()) {
      return List.of();
    }
    String placeholders = String.join(",", Collections.nCopies(eventIds.size(), "?"));
    List<StoredEvent> stored = new ArrayList<>();
    List<String> followedHashes = new ArrayList<>();
    List<Appended> appended = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement("SELECT " + ROW_COLUMNS
        + ", e.global_index, p.hash FROM domain_event_entry e LEFT JOIN event_hash p"
        + " ON p.aggregate_identifier = e.aggregate_identifier AND p.sequence_number = e.sequence_number - 1"
        + " WHERE e.event_identifier IN (" + placeholders + ")"
        + " ORDER BY e.aggregate_identifier, e.sequence_number")) {
      for (int i = 0; i < eventIds.size(); i++) {
        select.setString(i + 1, eventIds.get(i));
      }
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          StoredEvent event = row(rows);
          stored.add(event);
          followedHashes.add(rows.getString(10));
          appended.add(new Appended(event.eventId(), event.caseId(), rows.getLong(9), event.payloadType()));
        }
      }
    }
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO event_hash (event_identifier, "
        + "aggregate_identifier, sequence_number, previous_hash, hash) VALUES (?, ?, ?, ?, ?)")) {
      String lastCase = null;
      String lastHash = null;
      for (int i = 0; i < stored.size(); i++) {
        StoredEvent event = stored.get(i);
        String previousHash = event.caseId().equals(lastCase) ? lastHash : followed(event, followedHashes.get(i));
        String hash = hash(previousHash, event);
        insert.setString(1, event.eventId());
        insert.setString(2, event.caseId());
        insert.setLong(3, event.sequenceNumber());
        insert.setString(4, previousHash);
        insert.setString(5, hash);
        insert.addBatch();
        lastCase = event.caseId();
        lastHash = hash;
      }
      insert.executeBatch();
    }
    return List.copyOf(appended);
  }

  /** Recomputes a case's chain from its stored rows; reports the first event whose link does not hold. */
  public static Verification verify(List<StoredEvent> events, List<Link> links) {
    Map<String, Link> byEvent = links.stream().collect(Collectors.toMap(Link::eventId, Function.identity()));
    String expectedPrevious = GENESIS;
    for (StoredEvent event : events) {
      Link link = byEvent.remove(event.eventId());
      if (link == null || !link.previousHash().equals(expectedPrevious)
          || !link.hash().equals(hash(expectedPrevious, event))) {
        return new Verification(false, events.size(), event.eventId());
      }
      expectedPrevious = link.hash();
    }
    if (!byEvent.isEmpty()) {
      // A link whose event row is gone: the history lost an event at its end.
      return new Verification(false, events.size(), byEvent.keySet().iterator().next());
    }
    return new Verification(true, events.size(), null);
  }

  public static String selectRows() {
    return "SELECT " + ROW_COLUMNS + " FROM domain_event_entry e WHERE e.aggregate_identifier = ? "
        + "ORDER BY e.sequence_number";
  }

  public static StoredEvent row(ResultSet rows) throws SQLException {
    return new StoredEvent(rows.getString(1), rows.getString(2), rows.getLong(3), rows.getString(4),
        rows.getString(5), rows.getString(6), rows.getBytes(7), rows.getBytes(8));
  }

  /** The hash a case's first newly appended event follows: the genesis, or its predecessor's link. */
  private static String followed(StoredEvent event, String predecessorHash) {
    if (event.sequenceNumber() == 0) {
      return GENESIS;
    }
    if (predecessorHash == null) {
      throw new IllegalStateException("The previous event of a case has no hash; the chain cannot be extended");
    }
    return predecessorHash;
  }

  /** The link of an event row that follows {@code previousHash} (public for bulk loads of generated history). */
  public static String hash(String previousHash, StoredEvent event) {
    MessageDigest sha256 = Sha256.digest();
    for (byte[] field : List.of(utf8(previousHash), utf8(event.eventId()), utf8(event.caseId()),
        utf8(Long.toString(event.sequenceNumber())), utf8(event.payloadType()), utf8(event.payloadRevision()),
        utf8(event.timestamp()), orEmpty(event.metadata()), orEmpty(event.payload()))) {
      sha256.update(ByteBuffer.allocate(4).putInt(field.length).array());
      sha256.update(field);
    }
    return HexFormat.of().formatHex(sha256.digest());
  }

  private static byte[] utf8(String value) {
    return value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] orEmpty(byte[] value) {
    return value == null ? new byte[0] : value;
  }
}
