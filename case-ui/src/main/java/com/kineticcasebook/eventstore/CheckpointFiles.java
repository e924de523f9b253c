package com.kineticcasebook.eventstore;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The checkpoint directory: one signed JSON file per checkpoint, {@code checkpoint-0000000042.json},
 * never rewritten. Reading a file checks it against the trusted public key; a file that fails is
 * refused, with the reason, and nothing in it is believed.
 */
final class CheckpointFiles {

  private static final Pattern NAME = Pattern.compile("checkpoint-(\\d{10})\\.json");
  private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private CheckpointFiles() {}

  /** A checkpoint file as read: its checkpoint and signature if it verified, or why it was refused. */
  record Read(String file, long number, Checkpoint checkpoint, String signature, String refusal) {

    boolean refused() {
      return refusal != null;
    }
  }

  static String fileName(long number) {
    return String.format("checkpoint-%010d.json", number);
  }

  /** Writes a new checkpoint file; an existing file of the same number is never replaced. */
  static Path write(Path directory, SignedCheckpoint signed) throws IOException {
    Files.createDirectories(directory);
    Path file = directory.resolve(fileName(signed.checkpoint().number()));
    Path temporary = Files.createTempFile(directory, ".checkpoint", ".tmp");
    try {
      Files.write(temporary, JSON.writeValueAsBytes(signed));
      readableByAll(temporary);
      Files.createLink(file, temporary);
    } catch (FileAlreadyExistsException e) {
      throw new IOException("A checkpoint file of number " + signed.checkpoint().number() + " exists already", e);
    } finally {
      Files.deleteIfExists(temporary);
    }
    return file;
  }

  /** The checkpoint file of the highest number, checked; empty when the directory has none. */
  static Optional<Read> latest(Path directory, PublicKey trusted) throws IOException {
    Optional<Path> latest = latestFile(directory);
    return latest.isEmpty() ? Optional.empty() : Optional.of(read(latest.get(), trusted));
  }

  /** The checkpoint file of the highest number, unread. */
  static Optional<Path> latestFile(Path directory) throws IOException {
    return files(directory).max(Comparator.comparingLong(CheckpointFiles::number));
  }

  /** Every checkpoint file, checked, in number order. */
  static List<Read> all(Path directory, PublicKey trusted) throws IOException {
    List<Path> files = files(directory).sorted(Comparator.comparingLong(CheckpointFiles::number)).toList();
    List<Read> read = new ArrayList<>();
    for (Path file : files) {
      read.add(read(file, trusted));
    }
    return read;
  }

  /** Reads one file and checks its signature with the trusted key and its figures against its heads. */
  static Read read(Path file, PublicKey trusted) throws IOException {
    String name = file.getFileName().toString();
    long number = number(file);
    SignedCheckpoint signed;
    try {
      signed = JSON.readValue(Files.readAllBytes(file), SignedCheckpoint.class);
    } catch (JacksonException e) {
      return refused(name, number, "it is not a checkpoint file (unreadable JSON)");
    }
    Checkpoint checkpoint = signed.checkpoint();
    if (checkpoint == null || !CheckpointKey.ALGORITHM.equals(signed.algorithm())) {
      return refused(name, number, "it is not an Ed25519-signed checkpoint");
    }
    if (checkpoint.number() != number) {
      return refused(name, number, "its number does not match its file name");
    }
    if (!CheckpointKey.verify(trusted, checkpoint.statement(), signed.signature())) {
      return refused(name, number, "its signature does not verify with the trusted public key");
    }
    String inconsistency = checkpoint.inconsistency();
    if (inconsistency != null) {
      return refused(name, number, inconsistency);
    }
    return new Read(name, number, checkpoint, signed.signature(), null);
  }

  /** Checkpoints are evidence to be copied, not secrets: a shipping tool may run as another user. */
  private static void readableByAll(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    } catch (UnsupportedOperationException notPosix) {
      // The directory's own permissions apply.
    }
  }

  private static Read refused(String file, long number, String why) {
    return new Read(file, number, null, null, "Checkpoint file " + file + " is refused: " + why + ".");
  }

  private static Stream<Path> files(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return Stream.empty();
    }
    try (Stream<Path> listing = Files.list(directory)) {
      return listing.filter(p -> NAME.matcher(p.getFileName().toString()).matches()).toList().stream();
    }
  }

  private static long number(Path file) {
    Matcher matcher = NAME.matcher(file.getFileName().toString());
    return matcher.matches() ? Long.parseLong(matcher.group(1)) : -1;
  }
}
