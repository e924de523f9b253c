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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Application processes on one PostgreSQL share the case-views projection's six segments evenly,
 * as read from the owners in the token store: two nodes hold three each, a third node that joins
 * gets two from them, and when one of the three is killed (it releases nothing) the two survivors
 * take over its segments after the claim timeout, three each again, and go on projecting. A
 * rebuild asked for while two nodes run the projection is refused at once and stops nothing.
 */
class SegmentBalanceIT {

  private static final int SEGMENTS = 6;
  private static final List<String> SIX_SEGMENTS = List.of(
      "--axon.eventhandling.processors.case-views.initial-segment-count=" + SEGMENTS,
      "--axon.eventhandling.processors.case-views.thread-count=" + SEGMENTS);
  /** What the spread must reach after a start or a kill: the claim timeout is 10 seconds, a node's heartbeat timeout 10. */
  private static final Duration WITHIN = Duration.ofSeconds(60);
  /** And then keep, to show that nothing moves back and forth once balanced. */
  private static final Duration STEADY = Duration.ofSeconds(4);

  @RegisterExtension
  final Nodes nodes = new Nodes();

  @Test
  void twoThenThreeNodesShareTheSegmentsAndTheSurvivorsOfAKilledNodeShareThemAgain() throws Exception {
    TestDatabase database = TestDatabase.create();
    Path dataDir = Files.createTempDirectory("casebook-segment-balance");
    JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(database.connect(), true));
    ApplicationProcess a = nodes.start(database, dataDir, "node-a", SIX_SEGMENTS);
    ApplicationProcess.createClinicUsers(database);
    ApplicationProcess b = nodes.start(database, dataDir, "node-b", SIX_SEGMENTS);
    awaitBalanced(jdbc, List.of(a, b), "two nodes");

    // A rebuild needs every segment: with the other node up it is refused at once, and nothing moves.
    Map<String, Long> shared = spread(jdbc, List.of(a, b));
    Response rebuild = ApiClient.login(a.port(), "process.admin", ApplicationProcess.PASSWORD)
        .post("/api/v1/admin/projections/case-views/rebuild", Map.of());
    assertThat(rebuild.status()).as(rebuild.body()).isEqualTo(409);
    assertThat(rebuild.contentType()).startsWith("application/problem+json");
    assertThat(rebuild.json().get("otherNodes").asInt()).isEqualTo(1);
    Thread.sleep(1000);
    assertThat(spread(jdbc, List.of(a, b))).as("the refused rebuild stopped nothing").isEqualTo(shared);

    ApplicationProcess c = nodes.start(database, dataDir, "node-c", SIX_SEGMENTS);
    awaitBalanced(jdbc, List.of(a, b, c), "three nodes");

    b.kill();
    awaitBalanced(jdbc, List.of(a, c), "two survivors");

    ApiClient onC = ApiClient.login(c.port(), "process.clinician", ApplicationProcess.PASSWORD);
    String clinic = onC.get("/api/v1/me").json().get("clinics").get(0).get("clinicId").asString();
    Response opened = onC.post("/api/v1/cases", Map.of("clinicId", clinic, "patientRef", "B-1",
        "openedOn", LocalDate.now().toString()));
    assertThat(opened.status()).isEqualTo(201);
    String caseId = opened.json().get("caseId").asString();
    Response view = Projections.awaitCaseView(onC, caseId, opened.header("X-Event-Position"), 20);
    assertThat(view.status()).as("the survivors project what is recorded after the kill").isEqualTo(200);
    assertThat(view.json().get("caseId").asString()).isEqualTo(caseId);
  }

  /** Waits until every segment is held by one of the nodes, each holding S/N, and checks that it stays so. */
  private static void awaitBalanced(JdbcTemplate jdbc, List<ApplicationProcess> live, String what)
      throws InterruptedException {
    long started = System.nanoTime();
    long deadline = started + WITHIN.toNanos();
    Map<String, Long> spread = spread(jdbc, live);
    while (!balanced(spread, live) && System.nanoTime() < deadline) {
      Thread.sleep(250);
      spread = spread(jdbc, live);
    }
    assertThat(spread).as("segments per node with %s", what).hasSize(live.size())
        .allSatisfy((node, held) -> assertThat(held).as(node).isEqualTo((long) SEGMENTS / live.size()));
    System.out.printf("Balanced with %s after %d ms: %s%n", what,
        Duration.ofNanos(System.nanoTime() - started).toMillis(), spread);
    long steadyUntil = System.nanoTime() + STEADY.toNanos();
    while (System.nanoTime() < steadyUntil) {
      Thread.sleep(500);
      assertThat(spread(jdbc, live)).as("the spread with %s stays as it is", what).isEqualTo(spread);
    }
  }

  private static boolean balanced(Map<String, Long> spread, List<ApplicationProcess> live) {
    return spread.size() == live.size() && spread.values().stream().allMatch(held -> held == SEGMENTS / live.size());
  }

  /** Segments held per node: "node-pid" for the given nodes, the owner's name for any other, "free" for none. */
  private static Map<String, Long> spread(JdbcTemplate jdbc, List<ApplicationProcess> live) {
    List<String> owners = jdbc.queryForList(
        "SELECT owner FROM token_entry WHERE processor_name = 'case-views'", String.class);
    return owners.stream().map(owner -> live.stream().filter(node -> owner != null && owner.startsWith(node.pid() + "@"))
            .map(node -> "node-" + node.pid()).findFirst().orElse(owner == null ? "free" : owner))
        .collect(Collectors.groupingBy(name -> name, TreeMap::new, Collectors.counting()));
  }
}
