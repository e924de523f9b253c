package com.kineticcasebook.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The PostgreSQL server of a test run, chosen once per JVM. {@code CASEBOOK_TEST_PG} (or the
 * system property {@code casebook.test.pg}) decides: {@code external} uses the server at
 * {@code CASEBOOK_TEST_PG_URL} (default 127.0.0.1:5432) as {@code CASEBOOK_TEST_PG_USER} (default
 * postgres) with {@code CASEBOOK_TEST_PG_PASSWORD}; {@code embedded} starts a server of the tests'
 * own from the PostgreSQL binaries in the registry, stopped and deleted when the JVM exits. Unset,
 * the server is external when {@code CASEBOOK_TEST_PG_URL} is set or 127.0.0.1:5432 answers, and
 * embedded otherwise, so that the tests need nothing but Java.
 *
 * @param url the server's JDBC URL without a database name, ending in "/"
 */
public record TestServer(String url, String user, String password, String kind) {

  static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/";
  private static TestServer chosen;

  /** The server of this run; the first call starts it if the tests run their own. */
  public static synchronized TestServer get() {
    if (chosen == null) {
      chosen = choose();
      System.out.println("Integration tests use " + chosen.kind() + " PostgreSQL at " + chosen.url());
    }
    return chosen;
  }

  public boolean embedded() {
    return "embedded".equals(kind);
  }

  private static TestServer choose() {
    Optional<String> configuredUrl = setting("CASEBOOK_TEST_PG_URL", "casebook.test.pg.url");
    String choice = setting("CASEBOOK_TEST_PG", "casebook.test.pg").map(value -> value.toLowerCase(Locale.ROOT))
        .orElseGet(() -> configuredUrl.isPresent() || defaultServerAnswers() ? "external" : "embedded");
    return switch (choice) {
      case "external" -> new TestServer(configuredUrl.orElse(DEFAULT_URL),
          setting("CASEBOOK_TEST_PG_USER", "casebook.test.pg.user").orElse("postgres"),
          setting("CASEBOOK_TEST_PG_PASSWORD", "casebook.test.pg.password").orElse(""), "external");
      case "embedded" -> startEmbedded();
      default -> throw new IllegalStateException("CASEBOOK_TEST_PG must be external or embedded, not " + choice);
    };
  }

  private static TestServer startEmbedded() {
    Path serverLog = Path.of("target", "test-postgres.log").toAbsolutePath();
    try {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder()
          .setPGStartupWait(Duration.ofSeconds(60))
          .setOutputRedirector(Redirect.appendTo(serverLog.toFile()))
          .setErrorRedirector(Redirect.appendTo(serverLog.toFile()))
          .start();
      return new TestServer("jdbc:postgresql://localhost:" + postgres.getPort() + "/", "postgres", "", "embedded");
    } catch (IOException e) {
      throw new UncheckedIOException("the tests' own PostgreSQL did not start; its log is " + serverLog, e);
    }
  }

  private static boolean defaultServerAnswers() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", 5432), 1000);
      return true;
    } catch (IOException nothingListens) {
      return false;
    }
  }

  private static Optional<String> setting(String environmentVariable, String systemProperty) {
    return Optional.ofNullable(System.getProperty(systemProperty))
        .or(() -> Optional.ofNullable(System.getenv(environmentVariable)))
        .filter(value -> !value.isBlank());
  }
}
