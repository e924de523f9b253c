package com.kineticcasebook.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.support.ApiClient;
import com.kineticcasebook.support.TestDatabase;
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
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application as its own process on PostgreSQL, with clients recording concurrently, killed
 * with SIGKILL at a random moment and started again. Every acknowledged event is stored exactly
 * once; unanswered requests retried with their Idempotency-Key never duplicate; and the projection
 * after the restart equals a rebuild from the event store.
 */
class CrashRecoveryIT {

  private static final String PASSWORD = "crash-test-password";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** One recording request, with the key it is retried under. */
  record Attempt(String caseId, String key, String body) {}

  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void stopProcesses() {
    processes.forEach(Process::destroyForcibly);
  }

  @Test
  void aKilledProcessLosesNoAcknowledgedEventAndRetriesNeverDuplicate() throws Exception {
    TestDatabase database = TestDatabase.create();
    Path dataDir = Files.createTempDirectory("casebook-crash");
    int port = freePort();
    Process first = start(database, dataDir, port);
    createClinician(database);
    ApiClient clinician = ApiClient.login(port, "crash.clinician", PASSWORD);
    String clinic = clinician.get("/api/v1/me").json().get("clinics").get(0).get("clinicId").asString();
    List<String> cases = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      cases.add(clinician.post("/api/v1/cases", Map.of("clinicId", clinic, "patientRef", "C-" + i,
          "openedOn", LocalDate.now().toString())).json().get("caseId").asString());
    }

    Map<String, String> acknowledged = new ConcurrentHashMap<>();
    List<Attempt> unanswered = new CopyOnWriteArrayList<>();
    AtomicBoolean running = new AtomicBoolean(true);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    ExecutorService clients = Executors.newFixedThreadPool(cases.size());
    for (String caseId : cases) {
      clients.submit(() -> {
        int n = 0;
        while (running.get() && n < 2000) {
          Attempt attempt = new Attempt(caseId, caseId + "-" + n++, injuryBody(n));
          try {
            HttpResponse<String> response = send(http, port, clinician.token(), attempt);
            if (response.statusCode() == 201) {
              acknowledged.put(attempt.key(), JSON.readTree(response.body()).get("eventId").asString());
            } else {
              unanswered.add(attempt);
            }
          } catch (IOException | RuntimeException e) {
            unanswered.add(attempt);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
    }
    Thread.sleep(1500 + new Random().nextInt(2500));
    first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    Thread.sleep(300);
    running.set(false);
    clients.shutdown();
    assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    assertThat(acknowledged).as("requests were acknowledged before the kill").isNotEmpty();

    int acknowledgedBeforeKill = acknowledged.size();
    start(database, dataDir, port);
    ApiClient again = ApiClient.login(port, "crash.clinician", PASSWORD);
    for (Attempt attempt : unanswered) {
      HttpResponse<String> retried = send(http, port, again.token(), attempt);
      assertThat(retried.statusCode()).as(retried.body()).isEqualTo(201);
      String eventId = JSON.readTree(retried.body()).get("eventId").asString();
      String earlier = acknowledged.putIfAbsent(attempt.key(), eventId);
      assertThat(earlier == null || earlier.equals(eventId)).isTrue();
    }

    JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(database.connect(), true));
    for (Map.Entry<String, String> ack : acknowledged.entrySet()) {
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE event_identifier = ?",
          Integer.class, ack.getValue())).as("acknowledged " + ack.getKey()).isOne();
    }
    Integer injuries = jdbc.queryForObject(
        "SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE '%InjuryReported'", Integer.class);
    assertThat(injuries).as("one event per key, none duplicated, none lost").isEqualTo(acknowledged.size());
    System.out.printf("crash test: %d acknowledged before SIGKILL, %d unanswered and retried, %d events stored%n",
        acknowledgedBeforeKill, unanswered.size(), injuries);

    ApiClient admin = ApiClient.login(port, "crash.admin", PASSWORD);
    awaitCaughtUp(admin);
    List<List<Map<String, Object>>> live = snapshot(jdbc);
    assertThat(admin.post("/api/v1/admin/projections/case-views/rebuild", Map.of()).status()).isEqualTo(202);
    awaitCaughtUp(admin);
    assertThat(snapshot(jdbc)).isEqualTo(live);
    for (String caseId : cases) {
      assertThat(ApiClient.login(port, "crash.auditor", PASSWORD)
          .get("/api/v1/audit/cases/" + caseId + "/verification").json().get("intact").asBoolean()).isTrue();
    }
  }

  private static HttpResponse<String> send(HttpClient http, int port, String token, Attempt attempt)
      throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/cases/"
            + attempt.caseId() + "/injuries"))
        .timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", attempt.key())
        .POST(HttpRequest.BodyPublishers.ofString(attempt.body()))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String injuryBody(int n) {
    return JSON.writeValueAsString(Map.of("bodyRegion", "KNEE", "side", "LEFT", "description", "Ache " + n,
        "onsetOn", LocalDate.now().toString(), "painScore", n % 11));
  }

  private Process start(TestDatabase database, Path dataDir, int port) throws Exception {
    ProcessBuilder builder = new ProcessBuilder("java", "-Xmx512m", "-jar", jar().toString(),
        "--spring.profiles.active=postgres", "--server.port=" + port,
        "--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user(),
        "--spring.datasource.password=" + database.password(), "--casebook.data-dir=" + dataDir,
        "--casebook.login.max-failures-per-address=100000");
    builder.environment().put("CASEBOOK_ADMIN_USERNAME", "crash.admin");
    builder.environment().put("CASEBOOK_ADMIN_PASSWORD", PASSWORD);
    builder.redirectErrorStream(true).redirectOutput(dataDir.resolve("app-" + processes.size() + ".log").toFile());
    Process process = builder.start();
    processes.add(process);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    HttpClient http = HttpClient.newHttpClient();
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          return process;
        }
      } catch (IOException notYet) {
        // Still starting.
      }
      assertThat(process.isAlive()).as("the application process started").isTrue();
      Thread.sleep(250);
    }
    throw new AssertionError("the application did not start within 90 seconds");
  }

  private static Path jar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(p -> p.getFileName().toString().matches("case-ui-.*\\.jar"))
          .findFirst().orElseThrow(() -> new AssertionError("package the application before the integration tests"))
          .toAbsolutePath();
    }
  }

  private static void createClinician(TestDatabase database) throws Exception {
    String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD);
    UUID clinic = UUID.randomUUID();
    try (Connection connection = database.connect()) {
      execute(connection, "INSERT INTO clinic (id, name, created_at) VALUES (?, 'Crash', now())", clinic);
      for (String[] user : new String[][] {{"crash.clinician", "CLINICIAN"}, {"crash.auditor", "AUDITOR"}}) {
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

  private static void awaitCaughtUp(ApiClient admin) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      var views = admin.get("/api/v1/admin/projections").json().valueStream()
          .filter(p -> p.get("name").asString().equals("case-views")).findFirst().orElseThrow();
      if (!views.get("rebuilding").asBoolean() && views.get("position").asLong() >= views.get("headPosition").asLong()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the projection did not catch up");
  }

  private static List<List<Map<String, Object>>> snapshot(JdbcTemplate jdbc) {
    return Stream.of("SELECT case_id, view_json, timeline_json FROM case_view ORDER BY case_id",
        "SELECT * FROM outcome_secondary ORDER BY case_id, secondary_injury_id").map(jdbc::queryForList).toList();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
