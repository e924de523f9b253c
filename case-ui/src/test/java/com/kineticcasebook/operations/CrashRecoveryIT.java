package com.kineticcasebook.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.support.ApiClient;
import com.kineticcasebook.support.ApplicationProcess;
import com.kineticcasebook.support.Projections;
import com.kineticcasebook.support.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application as its own process on PostgreSQL, with clients recording concurrently, killed
 * with SIGKILL at a random moment and started again. Every acknowledged event is stored exactly
 * once; unanswered requests retried with their Idempotency-Key never duplicate; and the projection
 * after the restart equals a rebuild from the event store.
 */
class CrashRecoveryIT {

  private static final String PASSWORD = ApplicationProcess.PASSWORD;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** One recording request, with the key it is retried under. */
  record Attempt(String caseId, String key, String body) {}

  private final List<ApplicationProcess> processes = new ArrayList<>();

  @AfterEach
  void stopProcesses() throws InterruptedException {
    for (ApplicationProcess process : processes) {
      process.close();
    }
  }

  @Test
  void aKilledProcessLosesNoAcknowledgedEventAndRetriesNeverDuplicate() throws Exception {
    TestDatabase database = TestDatabase.create();
    Path dataDir = Files.createTempDirectory("casebook-crash");
    int port = ApplicationProcess.freePort();
    ApplicationProcess first = start(database, dataDir, port);
    ApplicationProcess.createClinicUsers(database);
    ApiClient clinician = ApiClient.login(port, "process.clinician", PASSWORD);
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
    first.kill();
    Thread.sleep(300);
    running.set(false);
    clients.shutdown();
    assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    assertThat(acknowledged).as("requests were acknowledged before the kill").isNotEmpty();

    int acknowledgedBeforeKill = acknowledged.size();
    start(database, dataDir, port);
    ApiClient again = ApiClient.login(port, "process.clinician", PASSWORD);
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

    ApiClient admin = ApiClient.login(port, "process.admin", PASSWORD);
    Projections.awaitCaughtUp(admin, Duration.ofSeconds(120));
    Map<String, List<Map<String, Object>>> live = Projections.readModels(jdbc);
    // The killed process counts as running the projection until its heartbeat is 10 seconds old.
    ApiClient.Response rebuild = Projections.rebuildOnceAlone(admin, Duration.ofSeconds(20));
    assertThat(rebuild.status()).as(rebuild.body()).isEqualTo(202);
    Projections.awaitCaughtUp(admin, Duration.ofSeconds(120));
    assertThat(Projections.readModels(jdbc)).isEqualTo(live);
    for (String caseId : cases) {
      assertThat(ApiClient.login(port, "process.auditor", PASSWORD)
          .get("/api/v1/audit/cases/" + caseId + "/verification").json().get("intact").asBoolean()).isTrue();
    }
  }

  private ApplicationProcess start(TestDatabase database, Path dataDir, int port) throws Exception {
    ApplicationProcess process = ApplicationProcess.start(database, dataDir, port, "app-" + processes.size());
    processes.add(process);
    return process;
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
}
