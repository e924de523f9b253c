package com.kineticcasebook.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.support.ApiClient;
import com.kineticcasebook.support.ApiClient.Response;
import com.kineticcasebook.support.ApplicationTest;
import com.kineticcasebook.support.CaseScript;
import com.kineticcasebook.support.Projections;
import com.kineticcasebook.support.TestDatabase;
import com.kineticcasebook.support.WebSession;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The database's owner holds one of the tables a rebuild empties, in a transaction left open for
 * longer than the rebuild waits (two seconds here, 30 by default): the rebuild gives up with
 * nothing emptied, says why on the API and on the page, and the projection goes on from where it
 * was, and the administration log records the failure as the administrator's. Asked again once
 * the table is free, the rebuild happens and the failure is no longer shown.
 */
class RebuildBlockedIT extends ApplicationTest {

  private static final TestDatabase DATABASE = TestDatabase.create();

  @DynamicPropertySource
  static void aDatabaseOfItsOwnAndAShortWait(DynamicPropertyRegistry registry) {
    useDatabase(registry, DATABASE);
    registry.add("casebook.projections.rebuild-lock-wait", () -> "2s");
  }

  @Test
  void aRebuildThatCannotHaveTheTablesGivesUpWithNothingEmptiedAndSaysWhy() throws Exception {
    ApiClient clinician = as("clinician.north");
    ApiClient admin = as("admin");
    CaseScript.open(clinician, north.toString(), "N-7301", LocalDate.now().minusDays(10), 0)
        .injury("CALF", "LEFT", "CALF_STRAIN", 1);
    Projections.awaitCaughtUp(admin, Duration.ofSeconds(60));
    Map<String, List<Map<String, Object>>> before = Projections.readModels(jdbc);
    assertThat(before.get("case_view")).isNotEmpty();
    List<Map<String, Object>> tokens = tokens();

    Response asked;
    try (Connection owner = DATABASE.connect()) {
      owner.setAutoCommit(false);
      try (Statement statement = owner.createStatement()) {
        statement.execute("LOCK TABLE outcome_case_change IN ACCESS SHARE MODE");
        asked = admin.post("/api/v1/admin/projections/case-views/rebuild", Map.of());
        assertThat(asked.status()).isEqualTo(202);
        JsonNode failure = awaitFailure(admin, Duration.ofSeconds(30));
        assertThat(failure.get("reason").asString())
            .contains("The rebuild did not start", "held one of the tables", "for longer than 2 s", "not emptied",
                "goes on from where it was");
        assertThat(failure.get("at").asString()).isNotBlank();
        assertThat(Projections.caseViewsStatus(admin).get("rebuilding").asBoolean()).isFalse();
        Map<String, Object> logged = jdbc.queryForMap("SELECT actor_username, actor_roles, target_id, after_state, "
            + "correlation_id FROM administration_log WHERE action = 'PROJECTION_REBUILD_FAILED'");
        assertThat(logged).as("the failure is recorded as the admin's, with the request's correlation id")
            .containsEntry("actor_username", "admin").containsEntry("actor_roles", "ADMIN")
            .containsEntry("target_id", "case-views").containsEntry("correlation_id", asked.header("X-Correlation-Id"));
        assertThat(logged.get("after_state").toString()).contains("\"rebuilding\":false", "for longer than 2 s");
        assertThat(Projections.readModels(jdbc)).as("nothing was emptied").isEqualTo(before);
        assertThat(tokens()).as("no token was reset").isEqualTo(tokens);

        String page = WebSession.signIn(port, "admin", PASSWORD).get("/admin/projections").body();
        assertThat(page).contains("data-rebuild-failure=\"case-views\"", "for longer than 2 s");
      }
      owner.rollback();
    }

    Response opened = clinician.post("/api/v1/cases", Map.of("clinicId", north.toString(), "patientRef", "N-7302",
        "openedOn", LocalDate.now().toString()));
    assertThat(opened.status()).isEqualTo(201);
    Response view = Projections.awaitCaseView(clinician, opened.json().get("caseId").asString(),
        opened.header("X-Event-Position"), 30);
    assertThat(view.status()).as("the projection goes on after the failed rebuild").isEqualTo(200);

    assertThat(admin.post("/api/v1/admin/projections/case-views/rebuild", Map.of()).status()).isEqualTo(202);
    assertThat(Projections.caseViewsStatus(admin).get("rebuildFailure").isNull()).as("a new rebuild clears the old failure").isTrue();
    Projections.awaitCaughtUp(admin, Duration.ofSeconds(60));
    assertThat(Projections.readModels(jdbc).get("case_view")).hasSize(before.get("case_view").size() + 1);
    assertThat(WebSession.signIn(port, "admin", PASSWORD).get("/admin/projections").body())
        .doesNotContain("data-rebuild-failure");
  }

  /**
   * Asked twice while the tables are held, and the tables let go between the first attempt's end
   * and the second's: only the latest request speaks. The first one's failure is never shown, the
   * projection shows as rebuilding until the second has rebuilt it, and then the rebuild has
   * happened.
   */
  @Test
  void onlyTheLatestOfTwoRebuildsAskedForSaysHowItWent() throws Exception {
    ApiClient admin = as("admin");
    Projections.awaitCaughtUp(admin, Duration.ofSeconds(60));
    UUID stale = Projections.insertStaleView(jdbc, "STALE-2");
    int recordedBefore = failuresRecorded();
    try (Connection owner = DATABASE.connect()) {
      owner.setAutoCommit(false);
      try (Statement statement = owner.createStatement()) {
        statement.execute("LOCK TABLE outcome_case_change IN ACCESS SHARE MODE");
        assertThat(admin.post("/api/v1/admin/projections/case-views/rebuild", Map.of()).status()).isEqualTo(202);
        Thread.sleep(500);
        assertThat(admin.post("/api/v1/admin/projections/case-views/rebuild", Map.of()).status()).isEqualTo(202);
        // The first attempt gives up after its 2 s; the second then waits 2 s of its own.
        Thread.sleep(2_500);
        assertThat(Projections.caseViewsStatus(admin).get("rebuildFailure").isNull()).as("the first attempt's failure is not shown")
            .isTrue();
        assertThat(Projections.caseViewsStatus(admin).get("rebuilding").asBoolean()).as("the second is still under way").isTrue();
        assertThat(failuresRecorded()).as("nor is it recorded").isEqualTo(recordedBefore);
      }
      owner.rollback();
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JsonNode status = Projections.caseViewsStatus(admin);
    while (status.get("rebuilding").asBoolean() && System.nanoTime() < deadline) {
      assertThat(status.get("rebuildFailure").isNull()).isTrue();
      Thread.sleep(200);
      status = Projections.caseViewsStatus(admin);
    }
    assertThat(status.get("rebuildFailure").isNull()).isTrue();
    assertThat(status.get("rebuilding").asBoolean()).isFalse();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_view WHERE case_id = ?", Integer.class, stale))
        .as("the second rebuild happened").isZero();
  }

  private int failuresRecorded() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM administration_log WHERE action = 'PROJECTION_REBUILD_FAILED'",
        Integer.class);
  }

  /** The projection's tokens as stored, without the claims (the owner and the claim's time move on every batch). */
  private List<Map<String, Object>> tokens() {
    return jdbc.queryForList("SELECT segment, token_type, encode(token, 'hex') AS token FROM token_entry "
        + "WHERE processor_name = 'case-views' ORDER BY segment");
  }

  private static JsonNode awaitFailure(ApiClient admin, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    JsonNode failure = Projections.caseViewsStatus(admin).get("rebuildFailure");
    while (failure.isNull() && System.nanoTime() < deadline) {
      Thread.sleep(200);
      failure = Projections.caseViewsStatus(admin).get("rebuildFailure");
    }
    assertThat(failure.isNull()).as("the rebuild reported its failure within %s", limit).isFalse();
    return failure;
  }
}
