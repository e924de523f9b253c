package com.kineticcasebook.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.support.ApiClient;
import com.kineticcasebook.support.ApiClient.Response;
import com.kineticcasebook.support.ApplicationProcess;
import com.kineticcasebook.support.Nodes;
import com.kineticcasebook.support.Projections;
import com.kineticcasebook.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Two application processes on one PostgreSQL: commands are accepted by either, even on the same
 * case at once; the projection's segments are claimed through the shared token store; when the
 * node holding them is killed the other takes them over within the claim timeout; and both nodes
 * then read the same, with every event projected exactly once (the views equal a rebuild).
 */
class TwoNodesIT {

  @RegisterExtension
  final Nodes nodes = new Nodes();

  @Test
  void eitherNodeRecordsAndTheSurvivorTakesOverTheProjection() throws Exception {
    TestDatabase database = TestDatabase.create();
    Path dataDir = Files.createTempDirectory("casebook-two-nodes");
    ApplicationProcess a = nodes.start(database, dataDir, "node-a");
    ApplicationProcess.createClinicUsers(database);
    ApplicationProcess b = nodes.start(database, dataDir, "node-b");
    ApiClient onA = ApiClient.login(a.port(), "process.clinician", ApplicationProcess.PASSWORD);
    ApiClient onB = onA.withPort(b.port());
    String clinic = onA.get("/api/v1/me").json().get("clinics").get(0).get("clinicId").asString();

    List<String> cases = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ApiClient node = i % 2 == 0 ? onA : onB;
      cases.add(node.post("/api/v1/cases", Map.of("clinicId", clinic, "patientRef", "T-" + i,
          "openedOn", LocalDate.now().toString())).json().get("caseId").asString());
    }
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<Response>> writes = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      ApiClient node = i % 2 == 0 ? onA : onB;
      String caseId = cases.get(i % cases.size());
      int n = i;
      writes.add(pool.submit(() -> node.post("/api/v1/cases/" + caseId + "/injuries", Map.of("bodyRegion", "KNEE",
          "side", "LEFT", "description", "Ache " + n, "onsetOn", LocalDate.now().toString(), "painScore", n % 11))));
    }
    for (Future<Response> write : writes) {
      assertThat(write.get().status()).as(write.get().body()).isEqualTo(201);
    }
    pool.shutdown();

    JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(database.connect(), true));
    List<String> owners = jdbc.queryForList(
        "SELECT DISTINCT owner FROM token_entry WHERE processor_name = 'case-views' AND owner IS NOT NULL", String.class);
    assertThat(owners).as("the segments are claimed in the shared token store").isNotEmpty();

    ApiClient adminA = ApiClient.login(a.port(), "process.admin", ApplicationProcess.PASSWORD);
    Projections.awaitCaughtUp(adminA, Duration.ofSeconds(60));
    ApplicationProcess holder = owners.get(0).startsWith(a.pid() + "@") ? a : b;
    ApplicationProcess survivor = holder == a ? b : a;
    holder.kill();

    ApiClient onSurvivor = onA.withPort(survivor.port());
    Response late = onSurvivor.post("/api/v1/cases/" + cases.get(0) + "/injuries", Map.of("bodyRegion", "HIP",
        "side", "RIGHT", "description", "After the failover", "onsetOn", LocalDate.now().toString(), "painScore", 3));
    assertThat(late.status()).isEqualTo(201);
    long started = System.nanoTime();
    Response view = onSurvivor.withHeader("X-Consistency", "after=" + late.header("X-Event-Position"))
        .get("/api/v1/cases/" + cases.get(0));
    if (view.status() == 503) {
      // The dead node's claim runs out after the 10-second claim timeout; the read may wait that long.
      view = Projections.awaitCaseView(onSurvivor, cases.get(0), late.header("X-Event-Position"), 6);
    }
    assertThat(view.status()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    assertThat(view.json().get("injuries").size()).isEqualTo(1 + 120 / cases.size());

    ApiClient admin = ApiClient.login(survivor.port(), "process.admin", ApplicationProcess.PASSWORD);
    Projections.awaitCaughtUp(admin, Duration.ofSeconds(60));
    Map<String, List<Map<String, Object>>> live = Projections.readModels(jdbc);
    // The killed node counts as running the projection until its heartbeat is 10 seconds old.
    Response rebuild = Projections.rebuildOnceAlone(admin, Duration.ofSeconds(20));
    assertThat(rebuild.status()).as(rebuild.body()).isEqualTo(202);
    Projections.awaitCaughtUp(admin, Duration.ofSeconds(60));
    assertThat(Projections.readModels(jdbc))
        .as("every event projected exactly once across the two nodes").isEqualTo(live);
  }
}
