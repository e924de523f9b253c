package com.kineticcasebook.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kineticcasebook.support.ApiClient;
import com.kineticcasebook.support.ApiClient.Response;
import com.kineticcasebook.support.CaseScript;
import com.kineticcasebook.support.PostgresApplicationTest;
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

  private static JsonNode find(List<JsonNode> entries, String action, String outcome) {
    return entries.stream()
        .filter(e -> e.get("action").asString().equals(action) && e.get("outcome").asString().equals(outcome))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + outcome + " " + action + " in " + entries));
  }
}
