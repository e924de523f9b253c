package com.kineticcasebook.eventstore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Ed25519 key pair that signs checkpoints. It lives in a file outside the database, so that
 * whoever can rewrite the database cannot sign a checkpoint of the rewritten history. The private
 * key file holds both keys (PEM); the public key is also written beside it for auditors.
 */
final class CheckpointKey {

  static final String ALGORITHM = "Ed25519";
  private static final Pattern PEM =
      Pattern.compile("-----BEGIN (PRIVATE|PUBLIC) KEY-----([A-Za-z0-9+/=\\s]+)-----END \\1 KEY-----");

  private final PrivateKey privateKey;
  private final PublicKey publicKey;

  private CheckpointKey(PrivateKey privateKey, PublicKey publicKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  /** Reads the key pair from the file, or creates it there (and the public key beside it) when it is absent. */
  static Loaded loadOrCreate(Path file) {
    try {
      if (Files.exists(file)) {
        return new Loaded(read(file), false);
      }
      Path directory = file.toAbsolutePath().getParent();
      Files.createDirectories(directory);
      KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
      Path temporary = Files.createTempFile(directory, ".checkpoint-key", ".tmp");
      try {
        restrictToOwner(temporary);
        Files.writeString(temporary, pem("PRIVATE", pair.getPrivate().getEncoded())
            + pem("PUBLIC", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
        // Two nodes starting at once on a shared directory: linking fails if the name exists, so the
        // first key written wins and the other node reads it (a rename would silently replace it).
        Files.createLink(file, temporary);
      } catch (FileAlreadyExistsException anotherNodeWasFirst) {
        return new Loaded(read(file), false);
      } finally {
        Files.deleteIfExists(temporary);
      }
      CheckpointKey key = read(file);
      Files.writeString(publicKeyFile(file), key.publicKeyPem(), StandardCharsets.US_ASCII);
      return new Loaded(key, true);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("The checkpoint signing key could not be read or created", e);
    }
  }

  /** A key pair and whether it was just created. */
  record Loaded(CheckpointKey key, boolean created) {}

  /** Where the public key of a private key file is written. */
  static Path publicKeyFile(Path privateKeyFile) {
    String name = privateKeyFile.getFileName().toString();
    String base = name.endsWith(".pem") ? name.substring(0, name.length() - 4) : name;
    return privateKeyFile.resolveSibling(base + ".pub.pem");
  }

  /** Reads a public key: a PEM file, or the base64 of its X.509 encoding as the checkpoint listing shows it. */
  static PublicKey readPublicKey(Path file) throws IOException, GeneralSecurityException {
    String text = Files.readString(file, StandardCharsets.US_ASCII);
    Matcher matcher = PEM.matcher(text);
    while (matcher.find()) {
      if (matcher.group(1).equals("PUBLIC")) {
        return publicKey(Base64.getMimeDecoder().decode(matcher.group(2)));
      }
    }
    return publicKey(Base64.getMimeDecoder().decode(text.strip()));
  }

  static PublicKey publicKey(byte[] x509) throws GeneralSecurityException {
    return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(x509));
  }

  PublicKey publicKey() {
    return publicKey;
  }

  /** The public key as the base64 of its X.509 encoding. */
  String publicKeyBase64() {
    return Base64.getEncoder().encodeToString(publicKey.getEncoded());
  }

  String publicKeyPem() {
    return pem("PUBLIC", publicKey.getEncoded());
  }

  /** The base64 Ed25519 signature of the message. */
  String sign(byte[] message) {
    try {
      Signature signature = Signature.getInstance(ALGORITHM);
      signature.initSign(privateKey);
      signature.update(message);
      return Base64.getEncoder().encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("A checkpoint could not be signed", e);
    }
  }

  /** Whether the base64 signature is the key's signature of the message; a malformed signature is not. */
  static boolean verify(PublicKey key, byte[] message, String signatureBase64) {
    try {
      Signature signature = Signature.getInstance(ALGORITHM);
      signature.initVerify(key);
      signature.update(message);
      return signature.verify(Base64.getDecoder().decode(signatureBase64));
    } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
      return false;
    }
  }

  private static CheckpointKey read(Path file) throws IOException, GeneralSecurityException {
    String text = Files.readString(file, StandardCharsets.US_ASCII);
    PrivateKey privateKey = null;
    PublicKey publicKey = null;
    Matcher matcher = PEM.matcher(text);
    KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
    while (matcher.find()) {
      byte[] der = Base64.getMimeDecoder().decode(matcher.group(2));
      if (matcher.group(1).equals("PRIVATE")) {
        privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(der));
      } else {
        publicKey = factory.generatePublic(new X509EncodedKeySpec(der));
      }
    }
    if (privateKey == null || publicKey == null) {
      throw new GeneralSecurityException("The checkpoint key file must hold a PRIVATE KEY and a PUBLIC KEY block");
    }
    return new CheckpointKey(privateKey, publicKey);
  }

  private static String pem(String kind, byte[] der) {
    return "-----BEGIN " + kind + " KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + kind + " KEY-----\n";
  }

  private static void restrictToOwner(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // On a file system without POSIX permissions the directory's own protection applies.
    }
  }
}
