package com.kineticcasebook.integrity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, which every Java runtime provides: for token hashes, request hashes, video names and the event chain. */
public final class Sha256 {

  private Sha256() {}

  public static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("Every Java runtime provides SHA-256", impossible);
    }
  }

  /** Lowercase hex of the digest of the parts, one after the other. */
  public static String hex(byte[]... parts) {
    MessageDigest sha256 = digest();
    for (byte[] part : parts) {
      sha256.update(part);
    }
    return HexFormat.of().formatHex(sha256.digest());
  }

  public static String hex(String text) {
    return hex(text.getBytes(StandardCharsets.UTF_8));
  }
}
