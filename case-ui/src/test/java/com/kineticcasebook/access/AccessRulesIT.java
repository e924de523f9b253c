package com.kineticcasebook.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.support.ApiClient;
import com.kineticcasebook.support.ApiClient.Response;
import com.kineticcasebook.support.PostgresApplicationTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Who may record what: roles, clinic tenancy, and the life of a bearer token. */
class AccessRulesIT extends PostgresApplicationTest {

  private final String today = LocalDate.now().toString();

  @ParameterizedTest
  @ValueSource(strings = {"owner", "auditor", "admin"})
  void nonCliniciansCannotRecordClinicalEvents(String username) {
    String caseId = northCase();
    long before = events();
    ApiClient user = as(username);
    assertThat(user.post("/api/v1/cases", Map.of("clinicId", north.toString(), "patientRef", "N-1",
        "openedOn", today)).status()).isEqualTo(403);
    Response injury = user.post("/api/v1/cases/" + caseId + "/injuries", Map.of("bodyRegion", "KNEE",
        "side", "LEFT", "description", "x", "onsetOn", today, "painScore", 2));
    assertThat(injury.status()).isEqualTo(403);
    assertThat(injury.contentType()).startsWith("application/problem+json");
    assertThat(user.post("/api/v1/cases/" + caseId + "/closure", Map.of("closedOn", today, "reason", "x")).status())
        .isEqualTo(403);
    assertThat(events()).isEqualTo(before);
  }

  @Test
  void aClinicianOfAnotherClinicFindsNoSuchCase() {
    String caseId = northCase();
    long before = events();
    ApiClient south = as("clinician.south");
    Response injury = south.post("/api/v1/cases/" + caseId + "/injuries", Map.of("bodyRegion", "KNEE",
        "side", "LEFT", "description", "x", "onsetOn", today, "painScore", 2));
    assertThat(injury.status()).isEqualTo(404);
    assertThat(injury.contentType()).startsWith("application/problem+json");
    assertThat(south.get("/api/v1/cases/" + caseId).status()).isEqualTo(404);
    assertThat(south.post("/api/v1/cases/" + caseId + "/closure", Map.of("closedOn", today, "reason", "x")).status())
        .isEqualTo(404);
    assertThat(events()).isEqualTo(before);
  }

  @Test
  void aClinicianCannotOpenACaseInAClinicTheyDoNotWorkIn() {
    Response response = as("clinician.south").post("/api/v1/cases",
        Map.of("clinicId", north.toString(), "patientRef", "N-2", "openedOn", today));
    assertThat(response.status()).isEqualTo(403);
  }

  @Test
  void aClinicianSeesOnlyTheirClinicsCaseload() {
    Response opened = as("clinician.north").post("/api/v1/cases",
        Map.of("clinicId", north.toString(), "patientRef", "N-101", "openedOn", today));
    String caseId = opened.json().get("caseId").asString();
    String consistency = "after=" + opened.header("X-Event-Position");
    Response north = as("clinician.north").withHeader("X-Consistency", consistency).get("/api/v1/cases");
    assertThat(north.status()).isEqualTo(200);
    assertThat(north.body()).contains(caseId);
    Response south = as("clinician.south").withHeader("X-Consistency", consistency).get("/api/v1/cases");
    assertThat(south.body()).doesNotContain(caseId);
    assertThat(as("clinician.south").get("/api/v1/cases?clinicId=" + this.north).status()).isEqualTo(403);
  }

  @Test
  void withoutATokenEveryApiCallIsUnauthenticated() {
    ApiClient anonymous = anonymous();
    for (Response response : List.of(
        anonymous.get("/api/v1/me"),
        anonymous.get("/api/v1/reference/conditions"),
        anonymous.post("/api/v1/cases", Map.of("clinicId", north.toString(), "patientRef", "N-3", "openedOn", today)),
        anonymous.withToken("cbk_not-a-real-token").get("/api/v1/me"))) {
      assertThat(response.status()).isEqualTo(401);
      assertThat(response.contentType()).startsWith("application/problem+json");
    }
  }

  @Test
  void wrongCredentialsGetNoToken() {
    Response wrong = anonymous().post("/api/v1/auth/tokens", Map.of("username", "owner", "password", "guess"));
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.contentType()).startsWith("application/problem+json");
    assertThat(wrong.body()).doesNotContain("guess");
    Response unknown = anonymous().post("/api/v1/auth/tokens", Map.of("username", "nobody", "password", "guess"));
    assertThat(unknown.status()).isEqualTo(401);
    Response missing = anonymous().post("/api/v1/auth/tokens", Map.of("username", "owner"));
    assertThat(missing.status()).isEqualTo(400);
  }

  @Test
  void aTokenIsStoredOnlyAsItsHashAndExpires() {
    ApiClient owner = as("owner");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM api_token WHERE token_hash = ?", Integer.class,
        owner.token())).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM api_token WHERE token_hash = ?", Integer.class,
        ApiTokens.hash(owner.token()))).isOne();
    assertThat(owner.get("/api/v1/me").status()).isEqualTo(200);

    // A token that has expired (here: before its first use, which is what the node checks) is refused.
    ApiClient expired = as("owner");
    jdbc.update("UPDATE api_token SET expires_at = ? WHERE token_hash = ?",
        OffsetDateTime.ofInstant(Instant.now().minusSeconds(1), ZoneOffset.UTC), ApiTokens.hash(expired.token()));
    assertThat(expired.get("/api/v1/me").status()).isEqualTo(401);
  }

  @Test
  void aRevokedTokenNoLongerWorks() {
    ApiClient auditor = as("auditor");
    assertThat(auditor.delete("/api/v1/auth/tokens/current").status()).isEqualTo(204);
    assertThat(auditor.get("/api/v1/me").status()).isEqualTo(401);
  }

  @Test
  void meTellsRolesAndClinics() {
    Response owner = as("owner").get("/api/v1/me");
    assertThat(owner.status()).isEqualTo(200);
    assertThat(owner.json().get("username").asString()).isEqualTo("owner");
    assertThat(owner.json().get("roles").get(0).asString()).isEqualTo("PRACTICE_OWNER");
    assertThat(owner.json().get("clinics").valueStream().map(c -> c.get("name").asString()))
        .containsExactly("North", "South");
    Response clinician = as("clinician.south").get("/api/v1/me");
    assertThat(clinician.json().get("clinics").valueStream().map(c -> c.get("clinicId").asString()))
        .containsExactly(south.toString());
    assertThat(as("admin").get("/api/v1/me").json().get("clinics")).isEmpty();
  }

  @Test
  void unknownApiPathsAreClosed() {
    assertThat(as("admin").get("/api/v1/no-such-thing").status()).isEqualTo(403);
  }

  /** Each test's own case for the same patient reference, so a second open case is asked for explicitly. */
  private String northCase() {
    Response response = as("clinician.north").post("/api/v1/cases",
        Map.of("clinicId", north.toString(), "patientRef", "N-100", "openedOn", today, "openAnotherCase", true));
    assertThat(response.status()).isEqualTo(201);
    return response.json().get("caseId").asString();
  }

  private long events() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
  }
}
