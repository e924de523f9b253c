package com.kineticcasebook.eventstore;

import com.kineticcasebook.integrity.EventHashChain;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Verifies stored events against their per-case chains and against the latest signed checkpoint.
 * Plain JDBC on a given connection, so that the application and the offline verifier run the same
 * checks. The chain catches a changed byte whose chain row was left alone; the checkpoint catches
 * what the chain cannot: history before it rewritten together with its chain rows, events removed
 * from a case's end, or a case removed altogether.
 */
public final class StoreIntegrity {

  /** Why verification failed. */
  public enum Reason {
    /** A stored event does not match its chain link. */
    CHAIN_BROKEN,
    /** The case's history up to the checkpoint's head no longer hashes to the signed head. */
    CHANGED_SINCE_CHECKPOINT,
    /** The case has fewer events than the checkpoint recorded. */
    EVENTS_REMOVED,
    /** The checkpoint recorded the case; the store has none of its events. */
    CASE_REMOVED,
    /** The latest checkpoint file does not verify with the trusted public key, so nothing can be vouched for. */
    CHECKPOINT_REFUSED
  }

  /**
   * The latest checkpoint as read from its file with its heads by case, or why it was refused; all
   * null or empty before the first checkpoint.
   */
  record Evidence(Checkpoint checkpoint, Checkpoint.CheckpointSummary summary, String refusal,
      Map<String, Checkpoint.Head> heads) {

    static final Evidence NONE = new Evidence(null, null, null, Map.of());

    static Evidence of(Optional<CheckpointFiles.Read> latest) {
      if (latest.isEmpty()) {
        return NONE;
      }
      CheckpointFiles.Read read = latest.get();
      if (read.refused()) {
        return new Evidence(null, null, read.refusal(), Map.of());
      }
      Checkpoint checkpoint = read.checkpoint();
      return new Evidence(checkpoint, checkpoint.summary(read.file(), read.signature()), null,
          checkpoint.heads().stream().collect(Collectors.toUnmodifiableMap(Checkpoint.Head::caseId,
              Function.identity())));
    }
  }

  /** The verification of one case. {@code checkpoint} is the checkpoint it was checked against, if any. */
  public record Verification(boolean intact, int events, String firstBrokenEventId, String firstAffectedCaseId,
      Reason reason, String detail, Checkpoint.CheckpointSummary checkpoint) {}

  /**
   * The verification of the whole store: every case, reporting the first affected one found and the
   * ids of up to {@value #LISTED_AFFECTED} affected cases.
   */
  public record StoreVerification(boolean intact, long cases, long events, long affectedCases,
      String firstAffectedCaseId, String firstBrokenEventId, Reason reason, String detail,
      List<String> affectedCaseIds, Checkpoint.CheckpointSummary checkpoint) {}

  static final int LISTED_AFFECTED = 100;

  private static final String EVENT_COLUMNS = "e.event_identifier, e.payload_type, e.payload_revision, "
      + "e.time_stamp, e.meta_data, e.payload";

  // Events and chain rows as one stream grouped by case, so that the whole store is read once.
  private static final String ALL_ROWS = "SELECT e.aggregate_identifier AS case_id, e.sequence_number AS seq, "
      + "0 AS kind, " + EVENT_COLUMNS + ", CAST(NULL AS VARCHAR(64)) AS previous_hash, "
      + "CAST(NULL AS VARCHAR(64)) AS hash FROM domain_event_entry e "
      + "UNION ALL SELECT h.aggregate_identifier, h.sequence_number, 1, h.event_identifier, "
      + "CAST(NULL AS VARCHAR(255)), CAST(NULL AS VARCHAR(255)), CAST(NULL AS VARCHAR(255)), CAST(NULL AS BYTEA), "
      + "CAST(NULL AS BYTEA), h.previous_hash, h.hash FROM event_hash h ORDER BY case_id, seq, kind";

  private StoreIntegrity() {}

  /** Empty when neither the store nor the checkpoint knows the case. */
  static Optional<Verification> verifyCase(Connection connection, String caseId, Evidence evidence)
      throws SQLException {
    List<EventHashChain.StoredEvent> events = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(EventHashChain.selectRows())) {
      select.setString(1, caseId);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          events.add(EventHashChain.row(rows));
        }
      }
    }
    List<EventHashChain.Link> links = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT event_identifier, previous_hash, hash FROM event_hash WHERE aggregate_identifier = ?")) {
      select.setString(1, caseId);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          links.add(new EventHashChain.Link(rows.getString(1), rows.getString(2), rows.getString(3)));
        }
      }
    }
    Checkpoint.Head head = evidence.heads().get(caseId);
    if (events.isEmpty() && links.isEmpty() && head == null) {
      return Optional.empty();
    }
    return Optional.of(check(caseId, events, links, head, evidence));
  }

  /** Verifies every case the store or the checkpoint knows. The connection must not be in auto-commit, so rows stream. */
  static StoreVerification verifyStore(Connection connection, Evidence evidence) throws SQLException {
    Map<String, Checkpoint.Head> heads = new HashMap<>(evidence.heads());
    Tally tally = new Tally();
    Set<String> seen = new HashSet<>();
    try (PreparedStatement select = connection.prepareStatement(ALL_ROWS)) {
      select.setFetchSize(1000);
      try (ResultSet rows = select.executeQuery()) {
        String currentCase = null;
        List<EventHashChain.StoredEvent> events = new ArrayList<>();
        List<EventHashChain.Link> links = new ArrayList<>();
        while (rows.next()) {
          String caseId = rows.getString("case_id");
          if (!caseId.equals(currentCase)) {
            if (currentCase != null) {
              tally.add(check(currentCase, events, links, heads.remove(currentCase), evidence));
            }
            if (!seen.add(caseId)) {
              throw new IllegalStateException("The store's rows did not arrive grouped by case");
            }
            currentCase = caseId;
            events = new ArrayList<>();
            links = new ArrayList<>();
          }
          if (rows.getInt("kind") == 0) {
            events.add(new EventHashChain.StoredEvent(rows.getString("event_identifier"), caseId, rows.getLong("seq"),
                rows.getString("payload_type"), rows.getString("payload_revision"), rows.getString("time_stamp"),
                rows.getBytes("meta_data"), rows.getBytes("payload")));
          } else {
            links.add(new EventHashChain.Link(rows.getString("event_identifier"), rows.getString("previous_hash"),
                rows.getString("hash")));
          }
        }
        if (currentCase != null) {
          tally.add(check(currentCase, events, links, heads.remove(currentCase), evidence));
        }
      }
    }
    // Cases the checkpoint knows and the store no longer does, in case-id order.
    heads.values().stream().sorted(Comparator.comparing(Checkpoint.Head::caseId))
        .forEach(head -> tally.add(check(head.caseId(), List.of(), List.of(), head, evidence)));
    if (evidence.refusal() != null) {
      return new StoreVerification(false, tally.cases, tally.events, tally.cases, null, null,
          Reason.CHECKPOINT_REFUSED, evidence.refusal(), List.of(), null);
    }
    Verification first = tally.firstAffected;
    return first == null
        ? new StoreVerification(true, tally.cases, tally.events, 0, null, null, null, null, List.of(),
            evidence.summary())
        : new StoreVerification(false, tally.cases, tally.events, tally.affected, first.firstAffectedCaseId(),
            first.firstBrokenEventId(), first.reason(), first.detail(), List.copyOf(tally.affectedIds),
            evidence.summary());
  }

  private static final class Tally {
    long cases;
    long events;
    long affected;
    Verification firstAffected;
    final List<String> affectedIds = new ArrayList<>();

    void add(Verification verification) {
      cases++;
      events += verification.events();
      if (!verification.intact() && verification.reason() != Reason.CHECKPOINT_REFUSED) {
        affected++;
        if (affectedIds.size() < LISTED_AFFECTED) {
          affectedIds.add(verification.firstAffectedCaseId());
        }
        if (firstAffected == null) {
          firstAffected = verification;
        }
      }
    }
  }

  private static Verification check(String caseId, List<EventHashChain.StoredEvent> events,
      List<EventHashChain.Link> links, Checkpoint.Head head, Evidence evidence) {
    EventHashChain.Verification chain = EventHashChain.verify(events, links);
    if (!chain.intact()) {
      return new Verification(false, events.size(), chain.firstBrokenEventId(), caseId, Reason.CHAIN_BROKEN,
          "Event " + chain.firstBrokenEventId() + " does not match its link of the case's hash chain.",
          evidence.summary());
    }
    if (evidence.refusal() != null) {
      return new Verification(false, events.size(), null, null, Reason.CHECKPOINT_REFUSED, evidence.refusal(),
          null);
    }
    if (head == null) {
      return new Verification(true, events.size(), null, null, null, null, evidence.summary());
    }
    // The chain holds, so every link's hash is the hash recomputed from the stored rows.
    Map<String, EventHashChain.Link> byEvent = new HashMap<>();
    links.forEach(link -> byEvent.put(link.eventId(), link));
    EventHashChain.StoredEvent atHead = events.stream()
        .filter(e -> e.sequenceNumber() == head.sequenceNumber()).findFirst().orElse(null);
    long checkpoint = evidence.checkpoint().number();
    if (events.isEmpty()) {
      return new Verification(false, 0, head.eventId(), caseId, Reason.CASE_REMOVED,
          "Checkpoint " + checkpoint + " recorded " + (head.sequenceNumber() + 1)
              + " events of this case; the store holds none.", evidence.summary());
    }
    if (atHead == null) {
      return new Verification(false, events.size(), head.eventId(), caseId, Reason.EVENTS_REMOVED,
          "Checkpoint " + checkpoint + " recorded " + (head.sequenceNumber() + 1) + " events of this case; the store holds "
              + events.size() + ", without event " + head.eventId() + ".", evidence.summary());
    }
    EventHashChain.Link link = byEvent.get(atHead.eventId());
    if (!atHead.eventId().equals(head.eventId()) || !link.hash().equals(head.hash())) {
      return new Verification(false, events.size(), head.eventId(), caseId, Reason.CHANGED_SINCE_CHECKPOINT,
          "The case's history up to event " + head.eventId() + " (sequence " + head.sequenceNumber()
              + ") no longer matches checkpoint " + checkpoint + ": an event up to it was changed, removed or inserted.",
          evidence.summary());
    }
    return new Verification(true, events.size(), null, null, null, null, evidence.summary());
  }
}
