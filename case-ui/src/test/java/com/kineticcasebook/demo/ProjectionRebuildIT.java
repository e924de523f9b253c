package com.kineticcasebook.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.access.Role;
import com.kineticcasebook.access.UserDirectory;
import com.kineticcasebook.eventstore.CaseCommandSender;
import com.kineticcasebook.generator.CaseGenerator;
import com.kineticcasebook.support.ApiClient;
import com.kineticcasebook.support.ApiClient.Response;
import com.kineticcasebook.support.PostgresApplicationTest;
import com.kineticcasebook.support.Projections;
import com.kineticcasebook.support.WebSession;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * A few thousand generated events, projected live; then the projection is rebuilt from the event
 * store while the application serves, and every read table must come out identical.
 */
class ProjectionRebuildIT extends PostgresApplicationTest {

  @Autowired private CaseCommandSender sender;
  @Autowired private UserDirectory users;
  @Autowired private PasswordEncoder passwordEncoder;

  @Test
  void aRebuildGivesReadModelsIdenticalToTheLiveOnes() throws Exception {
    UUID clinic = users.createClinic("Rebuild " + UUID.randomUUID().toString().substring(0, 8)).clinicId();
    UUID clinician = users.createUser("rebuild." + UUID.randomUUID().toString().substring(0, 8),
        passwordEncoder.encode(PASSWORD), Set.of(Role.CLINICIAN));
    users.addMember(clinician, clinic);
    List<CaseGenerator.GeneratedCase> cases = new CaseGenerator(7L, LocalDate.now())
        .generate(300, List.of(new CaseGenerator.Clinician(clinician, clinic)));
    for (int i = 0; i < cases.size(); i++) {
      DemoCases.record(sender::send, cases.get(i), "rebuild-" + i);
    }
    long events = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    assertThat(events).isGreaterThan(2000);

    ApiClient admin = as("admin");
    Projections.awaitCaughtUp(admin, Duration.ofSeconds(120));
    Map<String, List<Map<String, Object>>> live = Projections.readModels(jdbc);
    assertThat(live.get("case_view")).hasSizeGreaterThanOrEqualTo(300);

    Response rebuild = admin.post("/api/v1/admin/projections/case-views/rebuild", Map.of());
    assertThat(rebuild.status()).isEqualTo(202);
    Projections.awaitCaughtUp(admin, Duration.ofSeconds(120));

    assertThat(Projections.readModels(jdbc)).isEqualTo(live);
  }

  /**
   * A reader that reads the outcome tables one after the other in one transaction, as a
   * dashboard's query does (the secondaries, then the measures), must not deadlock with the
   * rebuild's emptying of those tables, and the rebuild must still happen: it waits until it can
   * take every table at once, holding none of them meanwhile. The wait outlasts PostgreSQL's
   * deadlock timeout (1 s), so a deadlock would have been detected and one side cancelled.
   */
  @Test
  void aRebuildWaitsForAReaderInTheMiddleOfItsTransactionWithoutDeadlockingIt() throws Exception {
    ApiClient admin = as("admin");
    Projections.awaitCaughtUp(admin, Duration.ofSeconds(120));
    // A row no event gave: a rebuild that really emptied the tables leaves it out.
    UUID stale = Projections.insertStaleView(jdbc, "STALE-1");
    try (Connection reader = Objects.requireNonNull(jdbc.getDataSource()).getConnection()) {
      reader.setAutoCommit(false);
      try (Statement statement = reader.createStatement()) {
        statement.execute("SET LOCAL statement_timeout = '20s'");
        statement.executeQuery("SELECT COUNT(*) FROM outcome_secondary").close();

        assertThat(admin.post("/api/v1/admin/projections/case-views/rebuild", Map.of()).status()).isEqualTo(202);
        Thread.sleep(1_500);
        statement.executeQuery("SELECT COUNT(*) FROM outcome_measure_change").close();
        Thread.sleep(1_500);
        statement.executeQuery("SELECT COUNT(*) FROM outcome_case_change").close();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_view WHERE case_id = ?", Integer.class, stale))
            .as("the rebuild waits for the reader").isEqualTo(1);
      }
      reader.commit();
    }
    Projections.awaitCaughtUp(admin, Duration.ofSeconds(120));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_view WHERE case_id = ?", Integer.class, stale))
        .as("the rebuild happened once the reader was done").isZero();
  }

  /**
   * Another node's live heartbeat (a row written here as that node would) makes this node refuse a
   * rebuild at once, on the API and on the page, with nothing recorded, and the projection goes on.
   */
  @Test
  void aRebuildIsRefusedWhileAnotherNodeRunsTheProjection() throws Exception {
    ApiClient admin = as("admin");
    WebSession page = WebSession.signIn(port, "admin", PASSWORD);
    page.get("/admin/projections");
    String otherNode = "4242@other-host-" + UUID.randomUUID();
    Response api;
    Response form;
    jdbc.update("INSERT INTO projection_node (processor_name, node_id, last_seen) VALUES ('case-views', ?, now())",
        otherNode);
    try {
      api = admin.post("/api/v1/admin/projections/case-views/rebuild", Map.of());
      form = page.postForm("/admin/projections/case-views/rebuild", Map.of());
    } finally {
      jdbc.update("DELETE FROM projection_node WHERE node_id = ?", otherNode);
    }

    assertThat(api.status()).isEqualTo(409);
    assertThat(api.contentType()).startsWith("application/problem+json");
    JsonNode problem = api.json();
    assertThat(problem.get("type").asString()).isEqualTo("urn:kinetic-casebook:problem:projection-shared");
    assertThat(problem.get("status").asInt()).isEqualTo(409);
    assertThat(problem.get("otherNodes").asInt()).isEqualTo(1);
    assertThat(problem.get("detail").asString())
        .contains("also runs on 1 other node.", "this node alone", "scale down to one node", "Nothing was changed");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM administration_log WHERE correlation_id IN (?, ?)",
        Integer.class, api.header("X-Correlation-Id"), form.header("X-Correlation-Id")))
        .as("a refused rebuild is not recorded").isZero();

    assertThat(form.status()).isEqualTo(302);
    assertThat(form.header("Location")).endsWith("/admin/projections");
    String shown = page.get("/admin/projections").body();
    assertThat(shown).contains("data-refusal", "The rebuild did not start.", "also runs on 1 other node")
        .doesNotContain("Rebuild of case-views asked for");
    assertThat(admin.get("/api/v1/admin/projections").json().findValues("rebuilding"))
        .allMatch(rebuilding -> !rebuilding.asBoolean());

    ApiClient clinician = as("clinician.north");
    Response opened = clinician.post("/api/v1/cases", Map.of("clinicId", north.toString(), "patientRef", "R-409",
        "openedOn", LocalDate.now().toString()));
    assertThat(opened.status()).isEqualTo(201);
    String caseId = opened.json().get("caseId").asString();
    Response view = Projections.awaitCaseView(clinician, caseId, opened.header("X-Event-Position"), 30);
    assertThat(view.status()).as("the projection goes on after a refused rebuild").isEqualTo(200);

    Response alone = admin.post("/api/v1/admin/projections/case-views/rebuild", Map.of());
    assertThat(alone.status()).as("alone again, this node rebuilds").isEqualTo(202);
    Projections.awaitCaughtUp(admin, Duration.ofSeconds(120));
  }

  @Test
  void onlyAdminsSeeAndRebuildProjections() {
    for (String user : List.of("clinician.north", "owner", "auditor")) {
      assertThat(as(user).get("/api/v1/admin/projections").status()).as(user).isEqualTo(403);
      assertThat(as(user).post("/api/v1/admin/projections/case-views/rebuild", Map.of()).status()).isEqualTo(403);
    }
    assertThat(as("admin").post("/api/v1/admin/projections/no-such/rebuild", Map.of()).status()).isEqualTo(404);
    JsonNode views = Projections.caseViewsStatus(as("admin"));
    assertThat(views.has("position")).isTrue();
    assertThat(views.has("headPosition")).isTrue();
    assertThat(views.has("eventsPerSecond")).isTrue();
  }
}
