package com.kineticcasebook.eventstore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes signed checkpoints of the event store: automatically, on the node that gets the lock row
 * first, when something changed; and on an auditor's request. A checkpoint is only made when the
 * store still agrees with the previous one, so that a rewritten history is never signed over.
 */
@Service
public class Checkpoints {

  private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);
  private static final int LISTED = 200;

  // Each case's last chain row, with its event's global index.
  private static final String HEADS = "SELECT h.aggregate_identifier, h.sequence_number, h.event_identifier, h.hash, "
      + "e.global_index FROM event_hash h "
      + "JOIN (SELECT aggregate_identifier, MAX(sequence_number) AS head FROM event_hash GROUP BY aggregate_identifier) m "
      + "ON m.aggregate_identifier = h.aggregate_identifier AND m.head = h.sequence_number "
      + "LEFT JOIN domain_event_entry e ON e.event_identifier = h.event_identifier";

  private final JdbcTemplate jdbc;
  private final CheckpointKey key;
  private final Path directory;
  private final Clock clock;
  private final TransactionTemplate transactions;
  private volatile LatestFile lastRead;

  Checkpoints(JdbcTemplate jdbc, CheckpointKey key, CheckpointProperties properties, Clock clock,
      PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactionManager);
    this.key = key;
    this.directory = properties.directory();
    this.clock = clock;
  }

  /** The store no longer agrees with the latest checkpoint, or that checkpoint's file is refused. */
  public static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message);
    }
  }

  /** Makes a checkpoint now, even if nothing changed since the last one. */
  public Checkpoint.CheckpointSummary create() {
    return transactions.execute(status -> make(true).orElseThrow());
  }

  @Scheduled(fixedDelayString = "${casebook.checkpoints.interval}", initialDelayString = "${casebook.checkpoints.interval}")
  void scheduled() {
    try {
      transactions.execute(status -> make(false)).ifPresent(summary -> log.info(
          "Checkpoint {} of {} events in {} cases written to {}", summary.number(), summary.events(), summary.cases(),
          summary.file()));
    } catch (Refused e) {
      log.warn("No checkpoint was made: {}", e.getMessage());
    }
  }

  /** The public key that verifies every checkpoint, as the base64 of its X.509 encoding. */
  public String publicKey() {
    return key.publicKeyBase64();
  }

  public String publicKeyPem() {
    return key.publicKeyPem();
  }

  /** The newest checkpoints, newest first. */
  @Transactional(readOnly = true)
  public List<Checkpoint.CheckpointSummary> list() {
    return jdbc.query("SELECT checkpoint_number, created_at, global_position, events, cases, root, file_name, signature "
        + "FROM event_store_checkpoint ORDER BY checkpoint_number DESC LIMIT " + LISTED,
        (rs, row) -> new Checkpoint.CheckpointSummary(rs.getLong(1), rs.getTimestamp(2).toInstant().toString(), rs.getLong(3),
            rs.getLong(4), rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8)));
  }

  /**
   * The latest checkpoint file, read and checked against this node's public key. A file already
   * read is not parsed and checked again while its size and modification time stay the same.
   */
  StoreIntegrity.Evidence evidence() {
    try {
      Optional<Path> latest = CheckpointFiles.latestFile(directory);
      if (latest.isEmpty()) {
        return StoreIntegrity.Evidence.NONE;
      }
      Path file = latest.get();
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      LatestFile known = lastRead;
      if (known == null || !known.file().equals(file) || known.size() != attributes.size()
          || !known.modified().equals(attributes.lastModifiedTime())) {
        known = new LatestFile(file, attributes.size(), attributes.lastModifiedTime(),
            StoreIntegrity.Evidence.of(Optional.of(CheckpointFiles.read(file, key.publicKey()))));
        lastRead = known;
      }
      return known.evidence();
    } catch (IOException e) {
      throw new UncheckedIOException("The checkpoint directory could not be read", e);
    }
  }

  private record LatestFile(Path file, long size, FileTime modified, StoreIntegrity.Evidence evidence) {}

  private Optional<Checkpoint.CheckpointSummary> make(boolean evenIfUnchanged) {
    jdbc.queryForObject("SELECT id FROM event_store_checkpoint_lock WHERE id = 1 FOR UPDATE", Integer.class);
    List<Checkpoint.Head> heads = new ArrayList<>();
    long[] position = {0};
    jdbc.query(HEADS, rs -> {
      heads.add(new Checkpoint.Head(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)));
      position[0] = Math.max(position[0], rs.getLong(5));
    });
    StoreIntegrity.Evidence previous = evidence();
    if (previous.refusal() != null) {
      throw new Refused(previous.refusal());
    }
    Long numbered = jdbc.queryForObject("SELECT MAX(checkpoint_number) FROM event_store_checkpoint", Long.class);
    long number = Math.max(numbered == null ? 0 : numbered,
        previous.checkpoint() == null ? 0 : previous.checkpoint().number()) + 1;
    // Microseconds, as the listing table keeps them, so that the listing shows the signed instant.
    String createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS).toString();
    Checkpoint checkpoint = Checkpoint.of(number, createdAt, position[0], heads);
    if (previous.checkpoint() != null) {
      disagreement(previous.checkpoint(), heads).ifPresent(why -> {
        throw new Refused(why);
      });
      if (!evenIfUnchanged && previous.checkpoint().root().equals(checkpoint.root())) {
        return Optional.empty();
      }
    }
    String signature = key.sign(checkpoint.statement());
    Path file;
    try {
      file = CheckpointFiles.write(directory, new SignedCheckpoint(CheckpointKey.ALGORITHM, key.publicKeyBase64(),
          signature, checkpoint));
    } catch (IOException e) {
      throw new UncheckedIOException("The checkpoint file could not be written", e);
    }
    jdbc.update("INSERT INTO event_store_checkpoint (checkpoint_number, created_at, global_position, events, cases, "
        + "root, file_name, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", number,
        Timestamp.from(Instant.parse(checkpoint.createdAt())), checkpoint.position(), checkpoint.events(),
        checkpoint.cases(), checkpoint.root(), file.getFileName().toString(), signature);
    return Optional.of(checkpoint.summary(file.getFileName().toString(), signature));
  }

  /** Why the current chain rows contradict the previous checkpoint, if they do. */
  private Optional<String> disagreement(Checkpoint previous, List<Checkpoint.Head> current) {
    Map<String, Checkpoint.Head> now = current.stream()
        .collect(Collectors.toMap(Checkpoint.Head::caseId, Function.identity()));
    List<Checkpoint.Head> moved = new ArrayList<>();
    for (Checkpoint.Head then : previous.heads()) {
      Checkpoint.Head head = now.get(then.caseId());
      if (head == null || head.sequenceNumber() < then.sequenceNumber()) {
        return Optional.of("a case of checkpoint " + previous.number() + " lost events; verify the store");
      }
      if (head.sequenceNumber() == then.sequenceNumber()) {
        if (!head.eventId().equals(then.eventId()) || !head.hash().equals(then.hash())) {
          return Optional.of("a case of checkpoint " + previous.number() + " was rewritten; verify the store");
        }
      } else {
        moved.add(then);
      }
    }
    // A case that grew since: its chain row at the old head must still be the signed one.
    for (Checkpoint.Head then : moved) {
      List<String> link = jdbc.query("SELECT event_identifier, hash FROM event_hash WHERE aggregate_identifier = ? "
          + "AND sequence_number = ?", (rs, row) -> rs.getString(1) + " " + rs.getString(2),
          then.caseId(), then.sequenceNumber());
      if (!link.equals(List.of(then.eventId() + " " + then.hash()))) {
        return Optional.of("a case of checkpoint " + previous.number() + " was rewritten; verify the store");
      }
    }
    return Optional.empty();
  }
}
