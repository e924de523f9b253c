package com.kineticcasebook.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * The packaged application as its own operating-system process on a test database, as it runs in
 * production: for tests that kill it, restart it, or run two of it.
 */
public final class ApplicationProcess implements AutoCloseable {

  public static final String PASSWORD = "process-test-password";

  private final Process process;
  private final int port;

  private ApplicationProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts the jar with the postgres profile and waits until it is healthy; the first admin is "process.admin". */
  public static ApplicationProcess start(TestDatabase database, Path dataDir, int port, String logName)
      throws Exception {
    return start(database, dataDir, port, logName, List.of());
  }

  /** As {@link #start(TestDatabase, Path, int, String)}, with further command-line settings. */
  public static ApplicationProcess start(TestDatabase database, Path dataDir, int port, String logName,
      List<String> settings) throws Exception {
    // Only the quick compiler: these processes live for seconds to a minute, and on two cores the
    // optimising compiler's work at start would compete with the tests beside them.
    List<String> command = new ArrayList<>(List.of("java", "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", jar().toString(),
        "--spring.profiles.active=postgres", "--server.port=" + port,
        "--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.runtimeUser(),
        "--spring.datasource.password=" + database.runtimePassword(), "--spring.flyway.user=" + database.user(),
        "--spring.flyway.password=" + database.password(), "--casebook.data-dir=" + dataDir,
        "--casebook.login.max-failures-per-address=100000",
        // Up to three processes run beside the test JVMs' own contexts on one server: small pools.
        "--spring.datasource.hikari.maximum-pool-size=10", "--spring.datasource.hikari.minimum-idle=2"));
    command.addAll(settings);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("CASEBOOK_ADMIN_USERNAME", "process.admin");
    builder.environment().put("CASEBOOK_ADMIN_PASSWORD", PASSWORD);
    builder.redirectErrorStream(true).redirectOutput(dataDir.resolve(logName + ".log").toFile());
    Process process = builder.start();
    // Generous: on a shared two-core machine a start can take a minute and more under load.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    HttpClient http = HttpClient.newHttpClient();
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          return new ApplicationProcess(process, port);
        }
      } catch (IOException notYet) {
        // Still starting.
      }
      if (!process.isAlive()) {
        throw new AssertionError("the application process exited; see " + dataDir.resolve(logName + ".log"));
      }
      Thread.sleep(250);
    }
    process.destroyForcibly();
    throw new AssertionError("the application did not start within 180 seconds");
  }

  public int port() {
    return port;
  }

  /** The operating-system process id; Axon names token owners "pid@host". */
  public long pid() {
    return process.pid();
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** A clinic with a clinician and an auditor ("process.clinician", "process.auditor"), written directly. */
  public static void createClinicUsers(TestDatabase database) throws Exception {
    String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD);
    UUID clinic = UUID.randomUUID();
    try (Connection connection = database.connect()) {
      execute(connection, "INSERT INTO clinic (id, name, created_at) VALUES (?, 'Process', now())", clinic);
      for (String[] user : new String[][] {{"process.clinician", "CLINICIAN"}, {"process.auditor", "AUDITOR"}}) {
        UUID id = UUID.randomUUID();
        execute(connection, "INSERT INTO app_user (id, username, password_hash, enabled, created_at) "
            + "VALUES (?, ?, ?, TRUE, now())", id, user[0], hash);
        execute(connection, "INSERT INTO user_role (user_id, role) VALUES (?, ?)", id, user[1]);
        execute(connection, "INSERT INTO clinic_membership (user_id, clinic_id, relation) VALUES (?, ?, 'MEMBER')",
            id, clinic);
      }
    }
  }

  private static void execute(Connection connection, String sql, Object... arguments) throws Exception {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < arguments.length; i++) {
        statement.setObject(i + 1, arguments[i]);
      }
      statement.executeUpdate();
    }
  }

  private static Path jar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(p -> p.getFileName().toString().matches("case-ui-.*\\.jar"))
          .findFirst().orElseThrow(() -> new AssertionError("package the application before the integration tests"))
          .toAbsolutePath();
    }
  }
}
