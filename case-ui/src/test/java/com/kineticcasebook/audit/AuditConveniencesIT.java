package com.kineticcasebook.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.support.ApiClient;
import com.kineticcasebook.support.ApiClient.Response;
import com.kineticcasebook.support.CaseScript;
import com.kineticcasebook.support.PostgresApplicationTest;
import com.kineticcasebook.support.WebSession;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What an auditor is given besides a case id: a clinic and a patient's reference to find the case
 * by, the access log narrowed to a user and days, a case's events told in names with the record
 * itself beside them; and the case id that a clinician reads off the case page to hand over.
 */
class AuditConveniencesIT extends PostgresApplicationTest {

  private static final LocalDate DAY0 = LocalDate.now().minusDays(20);

  private CaseScript openCase(String patientRef) {
    CaseScript script = CaseScript.open(as("clinician.north"), north.toString(), patientRef, DAY0, 0);
    // The opening date and status come from the case views: read the case once they have it.
    assertThat(as("clinician.north").withHeader("X-Consistency", "after=" + script.position())
        .get("/api/v1/cases/" + script.caseId()).status()).isEqualTo(200);
    return script;
  }

  @Test
  void anAuditorFindsACaseByItsClinicAndPatientReferenceInAnyLetterCase() {
    String reference = "n-find-" + UUID.randomUUID().toString().substring(0, 6);
    CaseScript script = openCase(reference);

    Response found = as("auditor").get("/api/v1/audit/cases?clinicId=" + north + "&patientRef="
        + reference.toUpperCase(Locale.ROOT));
    assertThat(found.status()).as(found.body()).isEqualTo(200);
    List<JsonNode> cases = StreamSupport.stream(found.json().get("cases").spliterator(), false).toList();
    assertThat(cases).hasSize(1);
    JsonNode match = cases.get(0);
    assertThat(match.get("caseId").asString()).isEqualTo(script.caseId());
    assertThat(match.get("clinicId").asString()).isEqualTo(north.toString());
    assertThat(match.get("patientRef").asString()).isEqualTo(reference);
    assertThat(match.get("openedOn").asString()).isEqualTo(DAY0.toString());
    assertThat(match.get("status").asString()).isEqualTo("OPEN");

    assertThat(as("auditor").get("/api/v1/audit/cases?clinicId=" + north + "&patientRef=N-NOBODY-" + UUID.randomUUID()
        .toString().substring(0, 6)).json().get("cases")).isEmpty();
    assertThat(as("auditor").get("/api/v1/audit/cases?clinicId=" + south + "&patientRef=" + reference).json()
        .get("cases")).isEmpty();
    assertThat(as("auditor").get("/api/v1/audit/cases?clinicId=" + UUID.randomUUID() + "&patientRef=" + reference)
        .json().get("cases")).isEmpty();

    String auditorId = jdbc.queryForObject("SELECT id::text FROM app_user WHERE username = 'auditor'", String.class);
    JsonNode log = as("auditor").get("/api/v1/audit/access-log?userId=" + auditorId + "&size=50").json().get("entries");
    assertThat(StreamSupport.stream(log.spliterator(), false).map(e -> e.get("action").asString()))
        .contains("GET /api/v1/audit/cases");
  }

  @Test
  void onlyAnAuditorMayFindAndTheFindNeedsBothItsParameters() {
    String query = "/api/v1/audit/cases?clinicId=" + north + "&patientRef=N-1";
    for (String user : List.of("clinician.north", "owner", "admin")) {
      Response refused = as(user).get(query);
      assertThat(refused.status()).as(user).isEqualTo(403);
      assertThat(refused.contentType()).startsWith("application/problem+json");
    }
    assertThat(anonymous().get(query).status()).isEqualTo(401);

    ApiClient auditor = as("auditor");
    Response missing = auditor.get("/api/v1/audit/cases");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.contentType()).startsWith("application/problem+json");
    assertThat(fields(missing)).containsExactly("clinicId", "patientRef");
    Response badClinic = auditor.get("/api/v1/audit/cases?clinicId=north&patientRef=N-1");
    assertThat(badClinic.status()).isEqualTo(400);
    assertThat(fields(badClinic)).containsExactly("clinicId");
    Response blankReference = auditor.get("/api/v1/audit/cases?clinicId=" + north + "&patientRef=%20");
    assertThat(blankReference.status()).isEqualTo(400);
    assertThat(fields(blankReference)).containsExactly("patientRef");
  }

  @Test
  void theAuditPageListsTheCasesFoundWithLinksToTheirHistory() {
    String reference = "N-Page-" + UUID.randomUUID().toString().substring(0, 6);
    CaseScript script = openCase(reference);
    WebSession auditor = WebSession.signIn(port, "auditor", PASSWORD);

    Response page = auditor.get("/audit?clinicId=" + north + "&patientRef=" + reference.toLowerCase(Locale.ROOT));
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("href=\"/audit/cases/" + script.caseId() + "\"").contains(reference);

    Response none = auditor.get("/audit?clinicId=" + north + "&patientRef=N-NOBODY");
    assertThat(none.body()).contains("North has opened no case for N-NOBODY.");
    Response incomplete = auditor.get("/audit?clinicId=&patientRef=");
    assertThat(incomplete.body()).contains("Choose the clinic that opened the case.")
        .contains("Enter the patient reference, for example N-1042.");
  }

  @Test
  void theAccessLogIsFilteredByUserAndDaysOnThePageAndInTheApi() {
    CaseScript script = openCase("N-LOG-" + UUID.randomUUID().toString().substring(0, 6));
    as("auditor").get("/api/v1/audit/cases/" + script.caseId() + "/events");
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
    String clinicianId = jdbc.queryForObject("SELECT id::text FROM app_user WHERE username = 'clinician.north'",
        String.class);
    ApiClient auditor = as("auditor");

    JsonNode byClinicianToday = auditor.get("/api/v1/audit/access-log?caseId=" + script.caseId() + "&userId="
        + clinicianId + "&from=" + today + "&to=" + today).json().get("entries");
    assertThat(byClinicianToday).isNotEmpty();
    assertThat(byClinicianToday).allSatisfy(e -> assertThat(e.get("username").asString()).isEqualTo("clinician.north"));
    assertThat(auditor.get("/api/v1/audit/access-log?caseId=" + script.caseId() + "&from=" + tomorrow).json()
        .get("entries")).isEmpty();
    assertThat(auditor.get("/api/v1/audit/access-log?caseId=" + script.caseId() + "&from=" + today
        + "T00:00:00Z").json().get("entries")).isNotEmpty();

    Response backwards = auditor.get("/api/v1/audit/access-log?from=" + tomorrow + "&to=" + today);
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(backwards.contentType()).startsWith("application/problem+json");
    assertThat(fields(backwards)).containsExactly("to");
    Response unreadable = auditor.get("/api/v1/audit/access-log?from=14.03.2026");
    assertThat(unreadable.status()).isEqualTo(400);
    assertThat(fields(unreadable)).containsExactly("from");

    WebSession pages = WebSession.signIn(port, "auditor", PASSWORD);
    Response filtered = pages.get("/audit/access-log?user=clinician.north&from=" + today + "&to=" + today);
    assertThat(filtered.status()).isEqualTo(200);
    assertThat(filtered.body()).contains("Accesses matching the filter").contains("clinician.north")
        .doesNotContain("<span>auditor</span>").contains("value=\"" + today + "\"");
    Response later = pages.get("/audit/access-log?user=clinician.north&from=" + tomorrow);
    assertThat(later.body()).contains("No access matches the filter.");
    Response bad = pages.get("/audit/access-log?user=nobody-at-all&from=14.03.2026&to=2026-01-01");
    assertThat(bad.body()).contains("No user has this username; enter a username or a user id.")
        .contains("Enter a day as year-month-day, for example 2026-03-14.").contains("id=\"from-error\"");
    Response reversed = pages.get("/audit/access-log?from=" + tomorrow + "&to=" + today);
    assertThat(reversed.body()).contains("id=\"to-error\"").contains("Choose a day on or after the first day.");
  }

  @Test
  void theHistoryNamesInjuriesPeopleAndCodesAndKeepsEachEventAsRecorded() {
    CaseScript script = openCase("N-NAMES-" + UUID.randomUUID().toString().substring(0, 6));
    String calf = script.injury("CALF", "LEFT", "CALF_STRAIN", 0);
    String knee = script.injury("KNEE", "RIGHT", "PATELLOFEMORAL_PAIN", 2);
    script.hypothesis(calf, List.of(knee), 3);
    script.treat(calf, "LOADING_PROGRAMME", 4);
    script.measure(knee, "NPRS", 6, 5);

    String history = WebSession.signIn(port, "auditor", PASSWORD).get("/audit/cases/" + script.caseId()).body();
    String calfName = "Calf (gastrocnemius or soleus) strain (left calf)";
    assertThat(history)
        .contains("<dt>Primary injury</dt><dd>" + calfName + "</dd>")
        .contains("<dt>Secondary injuries</dt><dd>Patellofemoral pain (right knee)</dd>")
        .contains("<dt>Target injury</dt><dd>" + calfName + "</dd>")
        .contains("<dd>Progressive loading programme</dd>")
        .contains("<dd>Numeric Pain Rating Scale</dd>")
        .contains("<dt>Condition</dt><dd>Calf (gastrocnemius or soleus) strain</dd>")
        .contains("<dt>Assigned clinician</dt><dd>clinician.north</dd>")
        .contains("<dt>Clinic</dt><dd>North</dd>")
        .doesNotContain("<dd>" + calf + "</dd>")
        .contains("<summary>As recorded</summary>")
        .contains("&quot;primaryInjuryId&quot;:&quot;" + calf + "&quot;")
        .contains("&quot;modality&quot;:&quot;LOADING_PROGRAMME&quot;");

    String casePage = WebSession.signIn(port, "clinician.north", PASSWORD).get("/cases/" + script.caseId()).body();
    assertThat(casePage).contains("Case id <code class=\"case-id-value\" data-case-id>" + script.caseId() + "</code>");
  }

  private static List<String> fields(Response problem) {
    return StreamSupport.stream(problem.json().get("errors").spliterator(), false)
        .map(e -> e.get("field").asString()).toList();
  }
}
