package com.kineticcasebook.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kineticcasebook.integrity.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointFilesTest {

  private static final List<Checkpoint.Head> HEADS = List.of(
      new Checkpoint.Head("b-case", 2, "b-event-2", "2".repeat(64)),
      new Checkpoint.Head("a-case", 0, "a-event-0", "1".repeat(64)));

  @TempDir Path directory;

  @Test
  void aCheckpointOrdersItsHeadsCountsThemAndRootsThem() {
    Checkpoint checkpoint = Checkpoint.of(1, "2026-12-02T06:00:00Z", 17, HEADS);
    assertThat(checkpoint.heads()).extracting(Checkpoint.Head::caseId).containsExactly("a-case", "b-case");
    assertThat(checkpoint.events()).isEqualTo(4);
    assertThat(checkpoint.cases()).isEqualTo(2);
    // The root is SHA-256 over one line per head, which an auditor can recompute by hand.
    assertThat(checkpoint.root()).isEqualTo(Sha256.hex("a-case 0 a-event-0 " + "1".repeat(64)
        + "\nb-case 2 b-event-2 " + "2".repeat(64) + "\n"));
    assertThat(new String(checkpoint.statement(), StandardCharsets.UTF_8)).isEqualTo(
        "kinetic-casebook-checkpoint/1\nnumber=1\ncreatedAt=2026-12-02T06:00:00Z\nposition=17\nevents=4\ncases=2\nroot="
            + checkpoint.root() + "\n");
  }

  @Test
  void anyChangedHeadChangesTheRoot() {
    String root = Checkpoint.of(1, "t", 0, HEADS).root();
    assertThat(Checkpoint.of(1, "t", 0, List.of(HEADS.get(0), new Checkpoint.Head("a-case", 0, "a-event-0",
        "3".repeat(64)))).root()).isNotEqualTo(root);
    assertThat(Checkpoint.of(1, "t", 0, List.of(HEADS.get(0))).root()).isNotEqualTo(root);
  }

  @Test
  void aWrittenCheckpointReadsBackVerifiedWithTheTrustedKey() throws Exception {
    CheckpointKey key = CheckpointKey.loadOrCreate(directory.resolve("keys/key.pem")).key();
    Path file = write(key, Checkpoint.of(1, "2026-12-02T06:00:00Z", 17, HEADS));

    CheckpointFiles.Read read = CheckpointFiles.read(file, CheckpointKey.readPublicKey(
        CheckpointKey.publicKeyFile(directory.resolve("keys/key.pem"))));
    assertThat(read.refused()).as(read.refusal()).isFalse();
    assertThat(read.checkpoint()).isEqualTo(Checkpoint.of(1, "2026-12-02T06:00:00Z", 17, HEADS));
  }

  @Test
  void theKeyIsCreatedOnceAndReadAfterwards() {
    Path keyFile = directory.resolve("key.pem");
    CheckpointKey.Loaded first = CheckpointKey.loadOrCreate(keyFile);
    CheckpointKey.Loaded again = CheckpointKey.loadOrCreate(keyFile);
    assertThat(first.created()).isTrue();
    assertThat(again.created()).isFalse();
    assertThat(again.key().publicKeyBase64()).isEqualTo(first.key().publicKeyBase64());
    byte[] message = "m".getBytes(StandardCharsets.UTF_8);
    assertThat(CheckpointKey.verify(first.key().publicKey(), message, again.key().sign(message))).isTrue();
  }

  @Test
  void aFileChangedByOneByteIsRefused() throws Exception {
    CheckpointKey key = CheckpointKey.loadOrCreate(directory.resolve("key.pem")).key();
    Path file = write(key, Checkpoint.of(1, "2026-12-02T06:00:00Z", 17, HEADS));
    String original = Files.readString(file);

    for (String[] change : new String[][] {{"\"position\" : 17", "\"position\" : 18"},
        {"b-event-2", "b-event-3"}, {"\"sequenceNumber\" : 2", "\"sequenceNumber\" : 1"}}) {
      assertThat(original).contains(change[0]);
      Files.writeString(file, original.replace(change[0], change[1]));
      CheckpointFiles.Read read = CheckpointFiles.read(file, key.publicKey());
      assertThat(read.refused()).as(change[1]).isTrue();
      assertThat(read.checkpoint()).isNull();
    }
    Files.writeString(file, original.substring(0, original.length() / 2));
    assertThat(CheckpointFiles.read(file, key.publicKey()).refusal()).contains("unreadable");
  }

  @Test
  void aFileSignedWithAnotherKeyIsRefused() throws Exception {
    CheckpointKey trusted = CheckpointKey.loadOrCreate(directory.resolve("trusted.pem")).key();
    CheckpointKey other = CheckpointKey.loadOrCreate(directory.resolve("other.pem")).key();
    Path file = write(other, Checkpoint.of(1, "2026-12-02T06:00:00Z", 17, HEADS));

    assertThat(CheckpointFiles.read(file, trusted.publicKey()).refusal()).contains("signature does not verify");
    assertThat(CheckpointFiles.latest(directory.resolve("checkpoints"), trusted.publicKey()).orElseThrow().refused())
        .isTrue();
  }

  @Test
  void theLatestIsTheHighestNumberAndAFileIsNeverReplaced() throws Exception {
    CheckpointKey key = CheckpointKey.loadOrCreate(directory.resolve("key.pem")).key();
    write(key, Checkpoint.of(9, "t9", 1, HEADS));
    write(key, Checkpoint.of(10, "t10", 2, HEADS));
    assertThat(CheckpointFiles.latest(directory.resolve("checkpoints"), key.publicKey()).orElseThrow().number())
        .isEqualTo(10);
    assertThatThrownBy(() -> write(key, Checkpoint.of(10, "t10", 3, HEADS)))
        .isInstanceOf(IOException.class);
  }

  private Path write(CheckpointKey key, Checkpoint checkpoint) throws Exception {
    return CheckpointFiles.write(directory.resolve("checkpoints"), new SignedCheckpoint(CheckpointKey.ALGORITHM,
        key.publicKeyBase64(), key.sign(checkpoint.statement()), checkpoint));
  }
}
