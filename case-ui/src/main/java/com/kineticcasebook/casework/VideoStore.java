package com.kineticcasebook.casework;

import com.kineticcasebook.CasebookProperties;
import com.kineticcasebook.integrity.Sha256;
import com.kineticcasebook.patientcase.GaitVideo;
import com.kineticcasebook.problem.ApiException;
import com.kineticcasebook.problem.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Gait videos on disk, named by their SHA-256 so that the event recording a video proves which
 * bytes were filmed. The declared type is only believed when the file's first bytes agree.
 */
@Component
class VideoStore {

  private static final Map<String, List<String>> CONTAINER_BOXES = Map.of(
      "video/mp4", List.of("ftyp"),
      "video/quicktime", List.of("ftyp", "moov", "mdat", "wide", "free", "skip"));
  private static final byte[] EBML_MAGIC = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3};
  private static final int SNIFF_BYTES = 12;

  private final Path directory;
  private final long maxBytes;

  VideoStore(CasebookProperties properties) {
    this.directory = properties.dataDir().resolve("videos");
    this.maxBytes = properties.videos().maxBytes();
  }

  /** A video stored for a command; {@link #undo} removes it if the command is refused. */
  record Stored(GaitVideo video, Path file, boolean created) {}

  /** Removes a video this upload created, when the command that would have recorded it was refused. */
  void undo(Stored stored) throws IOException {
    if (stored.created()) {
      Files.deleteIfExists(stored.file());
    }
  }

  /** Where the video with this SHA-256 is (or would be) stored. */
  Path file(String sha256) {
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not a SHA-256 in hex");
    }
    return directory.resolve(sha256);
  }

  Stored store(InputStream body, String declaredType, long declaredLength) throws IOException {
    String type = normalise(declaredType);
    if (declaredLength > maxBytes) {
      throw tooLarge();
    }
    Files.createDirectories(directory);
    Path incoming = Files.createTempFile(directory, "incoming-", ".part");
    try {
      MessageDigest sha256 = Sha256.digest();
      byte[] head = new byte[SNIFF_BYTES];
      long size = 0;
      try (OutputStream out = Files.newOutputStream(incoming)) {
        byte[] buffer = new byte[64 * 1024];
        for (int read; (read = body.read(buffer)) != -1; ) {
          if (size < SNIFF_BYTES) {
            System.arraycopy(buffer, 0, head, (int) size, (int) Math.min(read, SNIFF_BYTES - size));
          }
          size += read;
          if (size > maxBytes) {
            throw tooLarge();
          }
          sha256.update(buffer, 0, read);
          out.write(buffer, 0, read);
        }
      }
      if (size < SNIFF_BYTES || !looksLike(type, head)) {
        throw new ApiException(Problems.validation(List.of(
            new Problems.FieldError("body", "is not a " + type + " video"))));
      }
      String hash = HexFormat.of().formatHex(sha256.digest());
      Path stored = directory.resolve(hash);
      boolean created = !Files.exists(stored);
      if (created) {
        Files.move(incoming, stored, StandardCopyOption.ATOMIC_MOVE);
      }
      return new Stored(new GaitVideo(hash, type, size), stored, created);
    } finally {
      Files.deleteIfExists(incoming);
    }
  }

  private static String normalise(String declaredType) {
    if (declaredType != null) {
      try {
        MediaType media = MediaType.parseMediaType(declaredType);
        String type = media.getType() + "/" + media.getSubtype();
        if (CONTAINER_BOXES.containsKey(type) || type.equals("video/webm")) {
          return type;
        }
      } catch (IllegalArgumentException ignored) {
        // Falls through to the same answer as an unsupported type.
      }
    }
    throw new ApiException(Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
        "Unsupported video type", "Send video/mp4, video/webm or video/quicktime."));
  }

  private static boolean looksLike(String type, byte[] head) {
    if (type.equals("video/webm")) {
      return Arrays.equals(Arrays.copyOf(head, 4), EBML_MAGIC);
    }
    String box = new String(head, 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
    return CONTAINER_BOXES.get(type).contains(box);
  }

  private ApiException tooLarge() {
    return new ApiException(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Video too large",
        "A gait video may have at most " + maxBytes / (1024 * 1024) + " MiB."));
  }

}
