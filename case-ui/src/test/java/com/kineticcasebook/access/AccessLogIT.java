package com.kineticcasebook.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kineticcasebook.support.ApiClient;
import com.kineticcasebook.support.ApiClient.Response;
import com.kineticcasebook.support.CaseScript;
import com.kineticcasebook.support.PostgresApplicationTest;
import com.kineticcasebook.support.WebSession;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Every read and change of a case is in the access log, allowed or refused, and the log cannot be altered. */
class AccessLogIT extends PostgresApplicationTest {

  private CaseScript recorded;

  @BeforeEach
  void aCase() {
    recorded = CaseScript.open(as("clinician.north"), north.toString(), "N-6001", LocalDate.now().minusDays(5), 0);
  }

  @Test
  void readsAndChangesAreLoggedWithWhoWhatWhenWhereAndOutcome() {
    ApiClient clinician = as("clinician.north");
    clinician.withHeader("X-Consistency", "after=" + recorded.position()).get("/api/v1/cases/" + recorded.caseId());
    as("clinician.south").get("/api/v1/cases/" + recorded.caseId() + "/timeline");
    as("owner").post("/api/v1/cases/" + recorded.caseId() + "/closure", Map.of("closedOn", "2026-01-01", "reason", "x"));
    anonymous().get("/api/v1/cases/" + recorded.caseId());
    as("auditor").get("/api/v1/audit/cases/" + recorded.caseId() + "/events");

    List<JsonNode> entries = entries(recorded.caseId());
    JsonNode opened = find(entries, "POST /api/v1/cases", "ALLOWED");
    assertThat(opened.get("username").asString()).isEqualTo("clinician.north");
    assertThat(opened.get("status").asInt()).isEqualTo(201);
    assertThat(opened.get("clinicId").asString()).isEqualTo(north.toString());
    JsonNode read = find(entries, "GET /api/v1/cases/{id}", "ALLOWED");
    assertThat(read.get("clientAddress").asString()).isEqualTo("127.0.0.1");
    assertThat(read.get("roles").asString()).isEqualTo("CLINICIAN");
    assertThat(read.get("at").asString()).endsWith("Z");
    assertThat(read.get("correlationId").asString()).isNotBlank();
    assertThat(find(entries, "GET /api/v1/cases/{id}/timeline", "REFUSED").get("username").asString())
        .isEqualTo("clinician.south");
    assertThat(find(entries, "POST /api/v1/cases/{id}/closure", "REFUSED").get("status").asInt()).isEqualTo(403);
    assertThat(entries).anySatisfy(e -> {
      assertThat(e.get("action").asString()).isEqualTo("GET /api/v1/cases/{id}");
      assertThat(e.get("status").asInt()).isEqualTo(401);
      assertThat(e.get("userId").isNull()).isTrue();
    });
    assertThat(find(entries, "GET /api/v1/audit/cases/{id}/events", "ALLOWED").get("username").asString())
        .isEqualTo("auditor");
  }

  /** A signed-in page session is attributed like a bearer token: user, username, roles, case. */
  @Test
  void pageRequestsOfASignedInSessionAreLoggedWithTheUser() {
    WebSession clinician = WebSession.signIn(port, "clinician.north", PASSWORD);
    as("clinician.north").withHeader("X-Consistency", "after=" + recorded.position())
        .get("/api/v1/cases/" + recorded.caseId());
    assertThat(clinician.get("/cases/" + recorded.caseId()).status()).isEqualTo(200);
    WebSession auditor = WebSession.signIn(port, "auditor", PASSWORD);
    assertThat(auditor.get("/audit/cases/" + recorded.caseId()).status()).isEqualTo(200);

    String clinicianId = jdbc.queryForObject("SELECT id::text FROM app_user WHERE username = 'clinician.north'",
        String.class);
    JsonNode page = awaitEntry(recorded.caseId(), "GET /cases/{id}", "ALLOWED");
    assertThat(page.get("username").asString()).isEqualTo("clinician.north");
    assertThat(page.get("userId").asString()).isEqualTo(clinicianId);
    assertThat(page.get("roles").asString()).isEqualTo("CLINICIAN");
    assertThat(page.get("caseId").asString()).isEqualTo(recorded.caseId());
    assertThat(page.get("clinicId").asString()).isEqualTo(north.toString());
    assertThat(page.get("clientAddress").asString()).isEqualTo("127.0.0.1");
    assertThat(WebSession.anonymous(port).get("/cases/" + recorded.caseId()).status()).isEqualTo(302);
    JsonNode anonymous = awaitEntry(recorded.caseId(), "GET /cases/{id}", "REFUSED");
    assertThat(anonymous.get("status").asInt()).as("sent to sign in").isEqualTo(302);
    assertThat(anonymous.get("userId").isNull()).isTrue();
    JsonNode audit = awaitEntry(recorded.caseId(), "GET /audit/cases/{id}", "ALLOWED");
    assertThat(audit.get("username").asString()).isEqualTo("auditor");
    assertThat(audit.get("roles").asString()).isEqualTo("AUDITOR");
  }

  /** A break-glass grant's path names no case; its row names the case asked for, granted or refused. */
  @Test
  void breakGlassGrantsAreLoggedWithTheirCase() {
    ApiClient admin = as("admin");
    admin.post("/api/v1/break-glass", Map.of("caseId", recorded.caseId(), "reason", "aaaaaaaaaaaa"));
    admin.post("/api/v1/break-glass", Map.of("caseId", recorded.caseId(), "reason", "Complaint ticket 4711 review"));
    assertThat(awaitEntry(recorded.caseId(), "POST /api/v1/break-glass", "REFUSED").get("status").asInt())
        .isEqualTo(400);
    assertThat(awaitEntry(recorded.caseId(), "POST /api/v1/break-glass", "ALLOWED").get("username").asString())
        .isEqualTo("admin");
  }

  @Test
  void theAccessLogIsAppendOnlyInTheDatabase() {
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM access_log", Long.class)).isPositive();
    // The trigger refuses even the table's owner; the application's own role lacks the privileges anyway.
    JdbcTemplate owner = asOwner();
    assertThatThrownBy(() -> owner.update("UPDATE access_log SET outcome = 'ALLOWED'"))
        .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
    assertThatThrownBy(() -> owner.update("DELETE FROM access_log")).isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> owner.execute("TRUNCATE access_log")).isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
  }

  @Test
  void onlyAuditorsQueryTheAccessLogAndFiltersWork() {
    for (String user : List.of("clinician.north", "owner", "admin")) {
      assertThat(as(user).get("/api/v1/audit/access-log").status()).as(user).isEqualTo(403);
    }
    String userId = jdbc.queryForObject("SELECT id::text FROM app_user WHERE username = 'clinician.north'", String.class);
    Response byUser = as("auditor").get("/api/v1/audit/access-log?userId=" + userId + "&size=500");
    assertThat(byUser.json().get("entries").valueStream())
        .allSatisfy(e -> assertThat(e.get("userId").asString()).isEqualTo(userId));
    Response none = as("auditor").get("/api/v1/audit/access-log?caseId=" + UUID.randomUUID());
    assertThat(none.json().get("entries")).isEmpty();
    assertThat(as("auditor").get("/api/v1/audit/access-log?size=0").status()).isEqualTo(400);
  }

  private List<JsonNode> entries(String caseId) {
    Response response = as("auditor").get("/api/v1/audit/access-log?caseId=" + caseId + "&size=500");
    assertThat(response.status()).isEqualTo(200);
    return response.json().get("entries").valueStream().toList();
  }

  /** The newest matching row of the case, waiting for it: a row is written once its response has been sent. */
  private JsonNode awaitEntry(String caseId, String action, String outcome) {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (true) {
      List<JsonNode> entries = entries(caseId);
      try {
        return find(entries, action, outcome);
      } catch (AssertionError notYet) {
        if (System.nanoTime() > deadline) {
          throw notYet;
        }
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static JsonNode find(List<JsonNode> entries, String action, String outcome) {
    return entries.stream()
        .filter(e -> e.get("action").asString().equals(action) && e.get("outcome").asString().equals(outcome))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + outcome + " " + action + " in " + entries));
  }
}
