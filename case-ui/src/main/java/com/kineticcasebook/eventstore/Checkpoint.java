package com.kineticcasebook.eventstore;

import com.kineticcasebook.integrity.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * What the event store held at one moment: for every case, the sequence number, id and chain hash
 * of its last event (its head), and a root over all heads. Because each chain hash covers every
 * earlier event of its case, a head pins the case's whole history up to it: an event changed,
 * removed or inserted before it, even with the chain rows recomputed, changes the hash found there.
 *
 * @param number one more than the previous checkpoint's
 * @param createdAt when it was made (ISO-8601 instant)
 * @param position the highest global index among the events it covers
 * @param events how many events it covers: the sum over cases of head sequence number + 1
 * @param cases how many cases it covers
 * @param root SHA-256 over the heads in case-id order, one line "caseId sequence eventId hash\n" each
 * @param heads each case's head, in case-id order
 */
public record Checkpoint(long number, String createdAt, long position, long events, long cases, String root,
    List<Head> heads) {

  /** The header of the signed statement; a different format would have a different one. */
  static final String STATEMENT_FORMAT = "kinetic-casebook-checkpoint/1";

  /** A case's last event when the checkpoint was made. */
  public record Head(String caseId, long sequenceNumber, String eventId, String hash) {}

  /** A checkpoint of the given heads, in any order; it counts and roots them itself. */
  static Checkpoint of(long number, String createdAt, long position, List<Head> heads) {
    List<Head> ordered = heads.stream().sorted(Comparator.comparing(Head::caseId)).toList();
    long events = ordered.stream().mapToLong(h -> h.sequenceNumber() + 1).sum();
    return new Checkpoint(number, createdAt, position, events, ordered.size(), root(ordered), ordered);
  }

  /** The root over heads in case-id order. */
  static String root(List<Head> orderedHeads) {
    MessageDigest sha256 = Sha256.digest();
    for (Head head : orderedHeads) {
      sha256.update((head.caseId() + " " + head.sequenceNumber() + " " + head.eventId() + " " + head.hash() + "\n")
          .getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(sha256.digest());
  }

  /**
   * The bytes that are signed: the format header and every field but the heads, one "name=value"
   * line each; the heads are covered through the root, which a reader recomputes from them.
   */
  byte[] statement() {
    return (STATEMENT_FORMAT + "\nnumber=" + number + "\ncreatedAt=" + createdAt + "\nposition=" + position
        + "\nevents=" + events + "\ncases=" + cases + "\nroot=" + root + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** Why the checkpoint's own figures do not add up, or null when they do. */
  String inconsistency() {
    if (heads == null) {
      return "it lists no heads";
    }
    List<Head> ordered = heads.stream().sorted(Comparator.comparing(Head::caseId)).toList();
    if (!ordered.equals(heads) || heads.stream().map(Head::caseId).distinct().count() != heads.size()) {
      return "its heads are not one per case in case-id order";
    }
    if (cases != heads.size() || events != heads.stream().mapToLong(h -> h.sequenceNumber() + 1).sum()) {
      return "its counts do not match its heads";
    }
    if (!root(heads).equals(root)) {
      return "its root does not match its heads";
    }
    return null;
  }

  /** The checkpoint without its heads, as the API shows it. */
  CheckpointSummary summary(String file, String signature) {
    return new CheckpointSummary(number, createdAt, position, events, cases, root, file, signature);
  }

  /** A checkpoint as listed: its signed figures, the file it was written to, and its signature. */
  public record CheckpointSummary(long number, String createdAt, long position, long events, long cases, String root,
      String file, String signature) {}
}
