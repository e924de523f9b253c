package com.kineticcasebook.casework;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.support.ApiClient;
import com.kineticcasebook.support.ApiClient.Response;
import com.kineticcasebook.support.CaseScript;
import com.kineticcasebook.support.PostgresApplicationTest;
import com.kineticcasebook.support.WebSession;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The clinical date of a hypothesis through the API and the case page: given, left out (today in
 * the clinics' zone), refused in the future or before the case opened, and read from an event
 * stored in its first shape, before hypotheses had a date.
 */
class HypothesisDateIT extends PostgresApplicationTest {

  @Autowired private Clock clock;

  private ApiClient clinician;
  private LocalDate today;
  private LocalDate day0;

  @BeforeEach
  void signIn() {
    clinician = as("clinician.north");
    today = LocalDate.now(clock);
    day0 = today.minusDays(30);
  }

  @Test
  void aGivenDateIsTheHypothesisDate_onTheCaseAndOnTheTimeline() {
    CaseScript c = CaseScript.open(clinician, north.toString(), "N-9101", day0, 0);
    String calf = c.injury("CALF", "LEFT", "CALF_STRAIN", 0);
    String knee = c.injury("KNEE", "RIGHT", "PATELLOFEMORAL_PAIN", 2);
    c.hypothesis(calf, List.of(knee), 9);

    JsonNode hypothesis = read(c).get("hypotheses").get(0);
    assertThat(hypothesis.get("hypothesisedOn").asString()).isEqualTo(day0.plusDays(9).toString());
    assertThat(hypothesisOnTimeline(c).get("occurredOn").asString()).isEqualTo(day0.plusDays(9).toString());
  }

  @Test
  void aHypothesisWithoutADateIsDatedTodayInTheClinicsZone() {
    CaseScript c = CaseScript.open(clinician, north.toString(), "N-9102", day0, 0);
    String calf = c.injury("CALF", "LEFT", "CALF_STRAIN", 0);
    String knee = c.injury("KNEE", "RIGHT", "PATELLOFEMORAL_PAIN", 2);
    Response created = clinician.post("/api/v1/cases/" + c.caseId() + "/hypotheses", Map.of(
        "primaryInjuryId", calf, "secondaryInjuryIds", List.of(knee), "rationale", "Guarding the calf",
        "evidenceRecordingIds", List.of()));
    assertThat(created.status()).as(created.body()).isEqualTo(201);

    JsonNode view = clinician.withHeader("X-Consistency", "after=" + created.header("X-Event-Position"))
        .get("/api/v1/cases/" + c.caseId()).json();
    assertThat(view.get("hypotheses").get(0).get("hypothesisedOn").asString()).isEqualTo(today.toString());
  }

  @Test
  void aFutureOrPreOpeningDateIsRefusedOnTheFieldAndRecordsNothing() {
    CaseScript c = CaseScript.open(clinician, north.toString(), "N-9103", day0, 5);
    String calf = c.injury("CALF", "LEFT", "CALF_STRAIN", 0);
    String knee = c.injury("KNEE", "RIGHT", "PATELLOFEMORAL_PAIN", 2);
    int events = timeline(c).size();

    for (LocalDate refused : List.of(today.plusDays(1), day0.plusDays(4))) {
      Response response = clinician.post("/api/v1/cases/" + c.caseId() + "/hypotheses", Map.of(
          "primaryInjuryId", calf, "secondaryInjuryIds", List.of(knee), "rationale", "Guarding the calf",
          "evidenceRecordingIds", List.of(), "hypothesisedOn", refused.toString()));
      assertThat(response.status()).as(response.body()).isEqualTo(400);
      assertThat(response.contentType()).startsWith("application/problem+json");
      assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()))
          .containsExactly("hypothesisedOn");
    }
    assertThat(timeline(c)).hasSize(events);
    assertThat(read(c).get("hypotheses").isEmpty()).isTrue();
  }

  @Test
  void theCasePageFormDefaultsToToday_andShowsTheReasonNextToARefusedDate() {
    CaseScript c = CaseScript.open(clinician, north.toString(), "N-9104", day0, 0);
    String calf = c.injury("CALF", "LEFT", "CALF_STRAIN", 0);
    String knee = c.injury("KNEE", "RIGHT", "PATELLOFEMORAL_PAIN", 2);
    WebSession page = WebSession.signIn(port, "clinician.north", PASSWORD);
    assertThat(page.get("/cases/" + c.caseId()).body())
        .containsPattern("name=\"hypothesisedOn\"[^>]*value=\"" + today + "\"|value=\"" + today
            + "\"[^>]*name=\"hypothesisedOn\"");

    Response refused = page.postForm("/cases/" + c.caseId() + "/hypotheses", Map.of("primaryInjuryId", calf,
        "secondaryInjuryIds", knee, "rationale", "Guarding the calf", "hypothesisedOn", today.plusDays(1).toString()));
    // A refused form comes back at the case page's own address (ADR 0016).
    assertThat(refused.status()).isEqualTo(302);
    String shownAt = refused.header("Location").replaceFirst("#.*", "");
    assertThat(shownAt).isEqualTo("/cases/" + c.caseId());
    assertThat(page.get(shownAt).body()).containsPattern(
        "id=\"hypothesis-hypothesisedOn-error\"[^>]*>\\s*Must not be in the future");
    assertThat(read(c).get("hypotheses").isEmpty()).isTrue();

    Response recorded = page.postForm("/cases/" + c.caseId() + "/hypotheses", Map.of("primaryInjuryId", calf,
        "secondaryInjuryIds", knee, "rationale", "Guarding the calf", "hypothesisedOn", day0.plusDays(3).toString()));
    assertThat(recorded.status()).isEqualTo(302);
    JsonNode hypothesis = clinician.withHeader("X-Consistency", "after=" + latestPosition())
        .get("/api/v1/cases/" + c.caseId()).json().get("hypotheses").get(0);
    assertThat(hypothesis.get("hypothesisedOn").asString()).isEqualTo(day0.plusDays(3).toString());
  }

  /**
   * A hypothesis row rewritten to the shape revision 1 stored (no hypothesisedOn), recorded at
   * 23:30 UTC on a summer day: the case as it stood is rebuilt from the stored events and shows
   * it on the next day, the clinic's (London's) date of that moment.
   */
  @Test
  void aStoredRevisionOneHypothesisReadsAsDatedOnTheDayItWasRecorded() {
    CaseScript c = CaseScript.open(clinician, north.toString(), "N-9105", LocalDate.of(2026, 6, 1), 0);
    String calf = c.injury("CALF", "LEFT", "CALF_STRAIN", 0);
    String knee = c.injury("KNEE", "RIGHT", "PATELLOFEMORAL_PAIN", 2);
    c.hypothesis(calf, List.of(knee), 20);
    String hypothesis = c.lastEventId();
    Map<String, Object> recorded = jdbc.queryForMap(
        "SELECT payload, payload_revision, time_stamp FROM domain_event_entry WHERE event_identifier = ?", hypothesis);
    // Only the tables' owner can rewrite a stored event; the application's role may not.
    JdbcTemplate owner = asOwner();
    int rewritten = owner.update("""
        UPDATE domain_event_entry
        SET payload = convert_to((convert_from(payload, 'UTF8')::jsonb - 'hypothesisedOn')::text, 'UTF8'),
            payload_revision = '1', time_stamp = '2026-06-14T23:30:00Z'
        WHERE event_identifier = ?""", hypothesis);
    try {
      assertThat(rewritten).isEqualTo(1);
      assertThat(jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry"
          + " WHERE event_identifier = ?", String.class, hypothesis)).doesNotContain("hypothesisedOn");

      JsonNode asOf = as("auditor").get("/api/v1/audit/cases/" + c.caseId() + "/state?asOf=" + clock.instant())
          .json();
      JsonNode stated = asOf.get("hypotheses").get(0);
      assertThat(stated.get("eventId").asString()).isEqualTo(hypothesis);
      assertThat(stated.get("hypothesisedOn").asString()).isEqualTo("2026-06-15");
    } finally {
      // The database is shared with the other tests, which read the event store as it was recorded.
      owner.update("UPDATE domain_event_entry SET payload = ?, payload_revision = ?, time_stamp = ?"
          + " WHERE event_identifier = ?", recorded.get("payload"), recorded.get("payload_revision"),
          recorded.get("time_stamp"), hypothesis);
    }
  }

  private long latestPosition() {
    return jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
  }

  private JsonNode read(CaseScript c) {
    Response read = clinician.withHeader("X-Consistency", "after=" + latestPosition()).get("/api/v1/cases/" + c.caseId());
    assertThat(read.status()).as(read.body()).isEqualTo(200);
    return read.json();
  }

  private List<JsonNode> timeline(CaseScript c) {
    return clinician.withHeader("X-Consistency", "after=" + latestPosition())
        .get("/api/v1/cases/" + c.caseId() + "/timeline").json().get("entries").valueStream().toList();
  }

  private JsonNode hypothesisOnTimeline(CaseScript c) {
    return timeline(c).stream().filter(e -> e.get("type").asString().equals("PRIMARY_HYPOTHESISED")).findFirst()
        .orElseThrow();
  }
}
