package com.kineticcasebook.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.browser.CaseworkPages.Injury;
import com.kineticcasebook.support.ApiClient;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * One case through every role, in the browser only: a clinician records it from the first injury
 * to a resolved secondary, the practice owner sees it counted on the dashboard, the auditor
 * replays it, and a clinician of another clinic cannot reach it.
 */
class CaseJourneyBrowserIT extends BrowserTest {

  private static final String CALF = "Calf (gastrocnemius or soleus) strain";
  private static final String KNEE = "Patellofemoral pain";

  @Test
  void aCaseRecordedByAClinicianIsCountedForTheOwnerReplayedForTheAuditorAndHiddenFromAnotherClinic() {
    JsonNode before = dashboardOfNorth();

    // The clinician records the case.
    signIn("clinician.north");
    CaseworkPages casework = new CaseworkPages(page);
    String patientRef = "N-" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    String caseId = casework.openCase(patientRef);
    String calf = casework.reportInjury(new Injury("Left calf", CALF, "Pulled on a tempo run", 6));
    String knee = casework.reportInjury(new Injury("Right knee", KNEE, "Aches on stairs since the calf went", 4));
    casework.hypothesise(calf, List.of(knee), "Antalgic gait off the left calf loads the right knee", false);
    casework.startTreatment(calf, "Progressive loading programme", "Eccentric heel drops, 3 x 15 daily");
    assertThat(casework.resolveInjury(knee, "Stairs pain free")).startsWith("Secondary resolved");
    signOut();

    // The owner sees it counted: one more secondary, cleared after the primary's treatment, and every
    // figure on the page is the API's.
    JsonNode after = dashboardOfNorth();
    assertThat(after.get("secondaries").get("total").asInt())
        .isEqualTo(before.get("secondaries").get("total").asInt() + 1);
    assertThat(after.get("secondaries").get("clearedAfterPrimaryTreatment").asInt())
        .isEqualTo(before.get("secondaries").get("clearedAfterPrimaryTreatment").asInt() + 1);
    signIn("owner");
    InsightPages insights = new InsightPages(page);
    insights.openDashboard("North");
    Map<String, String> shown = insights.dashboardFigures();
    assertThat(shown).isEqualTo(InsightPages.figuresOf(after));
    assertThat(shown.get("byChain.CALF_STRAIN>PATELLOFEMORAL_PAIN.count")).isNotNull();
    signOut();

    // The auditor replays it: every event as recorded, by whom, with its correlation id; the chain
    // is intact; just before the resolution the knee was still open.
    JsonNode view = as("clinician.north").get("/api/v1/cases/" + caseId).json();
    String kneeId = injuryId(view, "KNEE");
    Instant resolvedAt = Instant.parse(StreamSupport.stream(
            as("clinician.north").get("/api/v1/cases/" + caseId + "/timeline").json().get("entries").spliterator(),
            false)
        .filter(entry -> entry.get("type").asString().equals("SECONDARY_RESOLVED"))
        .findFirst().orElseThrow().get("recordedAt").asString());
    signIn("auditor");
    insights.openAuditCase(caseId);
    assertThat(insights.integrity()).isEqualTo("Intact");
    List<InsightPages.AuditedEvent> events = insights.auditedEvents();
    assertThat(events).extracting(InsightPages.AuditedEvent::type).containsExactly("Case opened", "Injury reported",
        "Injury reported", "Primary hypothesised", "Treatment started", "Secondary resolved");
    assertThat(events).allSatisfy(event -> {
      assertThat(event.who()).isEqualTo("clinician.north");
      assertThat(event.correlationId()).isNotBlank();
    });
    insights.asOf(resolvedAt.minusMillis(1));
    assertThat(insights.injuryStatusAsOf(kneeId)).isEqualTo("Open");
    insights.asOf(resolvedAt);
    assertThat(insights.injuryStatusAsOf(kneeId)).isEqualTo("Resolved");
    signOut();

    // A clinician of another clinic cannot reach it, by link or by search.
    signIn("clinician.south");
    Response response = page.navigate("/cases/" + caseId);
    assertThat(response.status()).isEqualTo(404);
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("No such case");
    assertThat(new CaseworkPages(page).searchCaseload(patientRef)).hasCount(0);
  }

  private JsonNode dashboardOfNorth() {
    Long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
    ApiClient owner = as("owner");
    var response = (head == null ? owner : owner.withHeader("X-Consistency", "after=" + head))
        .get("/api/v1/dashboards/outcomes?clinicId=" + north);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private static String injuryId(JsonNode view, String bodyRegion) {
    return StreamSupport.stream(view.get("injuries").spliterator(), false)
        .filter(injury -> injury.get("bodyRegion").asString().equals(bodyRegion))
        .findFirst().orElseThrow().get("injuryId").asString();
  }
}
