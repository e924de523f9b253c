package com.kineticcasebook.access;

import static org.assertj.core.api.Assertions.assertThat;

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
import tools.jackson.databind.JsonNode;

/** Reading outside one's clinic takes a stated reason, lasts a while, allows no writing, and is flagged. */
class BreakGlassIT extends PostgresApplicationTest {

  private CaseScript recorded;
  private String path;

  @BeforeEach
  void aNorthCase() {
    recorded = CaseScript.open(as("clinician.north"), north.toString(), "N-7001", LocalDate.now().minusDays(3), 0);
    recorded.injury("KNEE", "LEFT", "PATELLOFEMORAL_PAIN", 1);
    path = "/api/v1/cases/" + recorded.caseId();
  }

  @Test
  void anAdministratorReadsOnlyWithAReasonAndTheReadIsFlagged() {
    ApiClient admin = as("admin").withHeader("X-Consistency", "after=" + recorded.position());
    assertThat(admin.get(path).status()).isEqualTo(404);
    assertThat(admin.post("/api/v1/break-glass", Map.of("caseId", recorded.caseId(), "reason", "why")).status())
        .isEqualTo(400);
    Response grant = admin.post("/api/v1/break-glass",
        Map.of("caseId", recorded.caseId(), "reason", "Patient complaint ticket 4711 needs the timeline"));
    assertThat(grant.status()).as(grant.body()).isEqualTo(201);
    assertThat(grant.json().get("expiresAt").asString()).endsWith("Z");

    assertThat(admin.get(path).status()).isEqualTo(200);
    assertThat(admin.get(path + "/timeline").status()).isEqualTo(200);
    assertThat(admin.post(path + "/closure", Map.of("closedOn", LocalDate.now().toString(), "reason", "x")).status())
        .as("break-glass allows reading only").isEqualTo(403);

    JsonNode flagged = as("auditor").get("/api/v1/audit/access-log?caseId=" + recorded.caseId() + "&size=500").json()
        .get("entries").valueStream()
        .filter(e -> e.get("username").asString("").equals("admin") && e.get("outcome").asString().equals("ALLOWED")
            && e.get("action").asString().equals("GET /api/v1/cases/{id}"))
        .findFirst().orElseThrow();
    assertThat(flagged.get("breakGlass").asBoolean()).isTrue();
    assertThat(flagged.get("reason").asString()).contains("ticket 4711");
  }

  /** Padding, invisible characters and one letter repeated are not a reason: 400 naming the field. */
  @Test
  void aReasonMustBeWordsNotPaddingOrRepetition() {
    ApiClient admin = as("admin");
    for (String reason : List.of("\u200B".repeat(10), "\u200B".repeat(12) + "abc", "aaaaaaaaaa", "A a A a A a A a A a",
        "          x", "ab ab ab ab ab ab", "\u2060\uFEFF".repeat(8) + "abcd")) {
      Response refused = admin.post("/api/v1/break-glass", Map.of("caseId", recorded.caseId(), "reason", reason));
      assertThat(refused.status()).as(reason).isEqualTo(400);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM break_glass_grant WHERE case_id = ?", Long.class,
        UUID.fromString(recorded.caseId()))).isZero();
    assertThat(admin.post("/api/v1/break-glass", Map.of("caseId", recorded.caseId(), "reason", "患者からの苦情を調査しています"))
        .status()).as("letters of any script").isEqualTo(201);
  }

  @Test
  void aClinicianOfAnotherClinicReadsButCannotWrite() {
    ApiClient south = as("clinician.south").withHeader("X-Consistency", "after=" + recorded.position());
    south.post("/api/v1/break-glass", Map.of("caseId", recorded.caseId(), "reason", "Covering for North tonight"));
    assertThat(south.get(path).status()).isEqualTo(200);
    assertThat(south.post(path + "/injuries", Map.of("bodyRegion", "HIP", "side", "LEFT", "description", "x",
        "onsetOn", LocalDate.now().toString(), "painScore", 2)).status()).isEqualTo(404);
  }

  @Test
  void anExpiredGrantNoLongerOpensTheCase() {
    ApiClient admin = as("admin").withHeader("X-Consistency", "after=" + recorded.position());
    admin.post("/api/v1/break-glass", Map.of("caseId", recorded.caseId(), "reason", "Investigating a data request"));
    assertThat(admin.get(path).status()).isEqualTo(200);
    asOwner().update("UPDATE break_glass_grant SET expires_at = granted_at WHERE case_id = ?", UUID.fromString(recorded.caseId()));
    assertThat(admin.get(path).status()).isEqualTo(404);
  }

  @Test
  void noGrantForACaseThatDoesNotExistOrForOnesOwnClinic() {
    assertThat(as("admin").post("/api/v1/break-glass",
        Map.of("caseId", UUID.randomUUID().toString(), "reason", "Looking for something")).status()).isEqualTo(404);
    assertThat(as("clinician.north").post("/api/v1/break-glass",
        Map.of("caseId", recorded.caseId(), "reason", "My own clinic's case")).status()).isEqualTo(400);
    assertThat(as("owner").post("/api/v1/break-glass",
        Map.of("caseId", recorded.caseId(), "reason", "Owners do not break glass")).status()).isEqualTo(403);
  }
}
