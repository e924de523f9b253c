package com.kineticcasebook.casework;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.support.ApiClient;
import com.kineticcasebook.support.ApiClient.Response;
import com.kineticcasebook.support.CaseScript;
import com.kineticcasebook.support.PostgresApplicationTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What a clinician reads of a case, and what an auditor replays of it. */
class CaseReadIT extends PostgresApplicationTest {

  private ApiClient clinician;
  private final LocalDate day0 = LocalDate.now().minusDays(60);

  @BeforeEach
  void login() {
    clinician = as("clinician.north");
  }

  @Test
  void theCaseShowsRolesUnderTheLatestHypothesisAndKeepsTheHistory() {
    CaseScript c = CaseScript.open(clinician, north.toString(), "N-3001", day0, 0);
    String calf = c.injury("CALF", "LEFT", "CALF_STRAIN", 0);
    String knee = c.injury("KNEE", "RIGHT", "PATELLOFEMORAL_PAIN", 3);
    String hip = c.injury("HIP", "RIGHT", null, 4);
    c.hypothesis(calf, List.of(knee));
    c.hypothesis(calf, List.of(hip));
    c.treat(calf, "LOADING_PROGRAMME", 5);

    JsonNode view = read("/api/v1/cases/" + c.caseId(), c.position());
    assertThat(view.get("primaryInjuryId").asString()).isEqualTo(calf);
    assertThat(role(view, calf)).isEqualTo("PRIMARY");
    assertThat(role(view, hip)).isEqualTo("SECONDARY");
    assertThat(role(view, knee)).isEqualTo("UNCLASSIFIED");
    assertThat(view.get("openInjuries").asInt()).isEqualTo(3);
    assertThat(view.get("hypotheses").size()).isEqualTo(2);
    assertThat(view.get("hypotheses").get(0).get("current").asBoolean()).isFalse();
    assertThat(view.get("hypotheses").get(1).get("current").asBoolean()).isTrue();
    assertThat(view.get("treatments").get(0).get("modality").asString()).isEqualTo("LOADING_PROGRAMME");

    JsonNode list = read("/api/v1/cases?status=OPEN&size=200", c.position());
    JsonNode item = null;
    for (int page = 0; item == null && (long) page * 200 < list.get("total").asLong(); page++) {
      item = StreamSupport.stream(read("/api/v1/cases?status=OPEN&size=200&page=" + page, c.position())
              .get("items").spliterator(), false)
          .filter(i -> i.get("caseId").asString().equals(c.caseId())).findFirst().orElse(null);
    }
    assertThat(item).as("the case is in the caseload").isNotNull();
    assertThat(item.get("primaryInjuryId").asString()).isEqualTo(calf);
    assertThat(item.get("openInjuries").asInt()).isEqualTo(3);
    assertThat(list.get("total").asLong()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void theTimelineIsInClinicalOrderAndShowsEntriesMarkedInError() {
    CaseScript c = CaseScript.open(clinician, north.toString(), "N-3002", day0, 10);
    String knee = c.injury("KNEE", "LEFT", "PATELLOFEMORAL_PAIN", 2);
    c.measure(knee, "NPRS", 7, 12);
    String wrongMeasure = c.lastEventId();
    c.markInError(wrongMeasure, "Measured the other knee");
    c.resolve(knee, 40);

    JsonNode entries = read("/api/v1/cases/" + c.caseId() + "/timeline", c.position()).get("entries");
    List<String> types = StreamSupport.stream(entries.spliterator(), false).map(e -> e.get("type").asString()).toList();
    // Onset (day 2) comes before the opening (day 10): clinical order, not recording order.
    assertThat(types.subList(0, 2)).containsExactly("INJURY_REPORTED", "CASE_OPENED");
    assertThat(types).contains("OUTCOME_MEASURED", "ENTRY_MARKED_IN_ERROR", "INJURY_RESOLVED");
    // The correction happened today, after the resolution's clinical date (day 40), so it comes last.
    assertThat(types.subList(types.size() - 2, types.size())).containsExactly("INJURY_RESOLVED", "ENTRY_MARKED_IN_ERROR");
    JsonNode measured = StreamSupport.stream(entries.spliterator(), false)
        .filter(e -> e.get("eventId").asString().equals(wrongMeasure)).findFirst().orElseThrow();
    assertThat(measured.get("enteredInError").asBoolean()).isTrue();
    assertThat(measured.get("summary").asString()).contains("Numeric Pain Rating Scale 7");
    assertThat(measured.get("occurredOn").asString()).isEqualTo(day0.plusDays(12).toString());
    assertThat(measured.get("recordedBy").asString()).isNotBlank();
    assertThat(measured.get("recordedAt").asString()).endsWith("Z");
    assertThat(entries.get(0).get("summary").asString()).doesNotContain("N-3002");

    JsonNode view = read("/api/v1/cases/" + c.caseId(), c.position());
    assertThat(view.get("outcomeMeasures")).isEmpty();
  }

  @Test
  void anAuditorReplaysTheEventsAsRecordedAndTheCaseAsOfAnyInstant() throws Exception {
    CaseScript c = CaseScript.open(clinician, north.toString(), "N-3004", day0, 0);
    String knee = c.injury("KNEE", "LEFT", "PATELLOFEMORAL_PAIN", 1);
    Instant afterInjury = Instant.now();
    Thread.sleep(20);
    c.resolve(knee, 30);
    String resolution = c.lastEventId();
    Instant afterResolution = Instant.now();
    Thread.sleep(20);
    c.markInError(resolution, "Not yet resolved");
    read("/api/v1/cases/" + c.caseId(), c.position());

    ApiClient auditor = as("auditor");
    Response events = auditor.get("/api/v1/audit/cases/" + c.caseId() + "/events");
    assertThat(events.status()).isEqualTo(200);
    JsonNode list = events.json().get("events");
    assertThat(list.size()).isEqualTo(4);
    assertThat(list.get(0).get("type").asString()).isEqualTo("CASE_OPENED");
    assertThat(list.get(0).get("sequenceNumber").asLong()).isZero();
    assertThat(list.get(0).get("revision").asString()).isEqualTo("1");
    assertThat(list.get(0).get("payload").get("patientRef").asString()).isEqualTo("N-3004");
    assertThat(list.get(0).get("correlationId").asString()).isNotBlank();
    assertThat(list.get(0).get("roles").get(0).asString()).isEqualTo("CLINICIAN");
    assertThat(list.get(3).get("payload").get("eventId").asString()).isEqualTo(resolution);

    JsonNode beforeResolution = auditor.get("/api/v1/audit/cases/" + c.caseId() + "/state?asOf=" + afterInjury).json();
    assertThat(beforeResolution.get("injuries").get(0).get("status").asString()).isEqualTo("OPEN");
    JsonNode resolved = auditor.get("/api/v1/audit/cases/" + c.caseId() + "/state?asOf=" + afterResolution).json();
    assertThat(resolved.get("injuries").get(0).get("status").asString()).isEqualTo("RESOLVED");
    JsonNode now = auditor.get("/api/v1/audit/cases/" + c.caseId() + "/state?asOf=" + Instant.now()).json();
    assertThat(now.get("injuries").get(0).get("status").asString()).isEqualTo("OPEN");
    assertThat(now).isEqualTo(clinician.get("/api/v1/cases/" + c.caseId()).json());
    assertThat(auditor.get("/api/v1/audit/cases/" + c.caseId() + "/state?asOf=2000-01-01T00:00:00Z").status())
        .isEqualTo(404);
  }

  @Test
  void onlyAuditorsReplay() {
    CaseScript c = CaseScript.open(clinician, north.toString(), "N-3005", day0, 0);
    for (String user : List.of("clinician.north", "owner", "admin")) {
      assertThat(as(user).get("/api/v1/audit/cases/" + c.caseId() + "/events").status()).as(user).isEqualTo(403);
    }
    assertThat(anonymous().get("/api/v1/audit/cases/" + c.caseId() + "/events").status()).isEqualTo(401);
  }

  private JsonNode read(String path, long position) {
    Response response = clinician.withHeader("X-Consistency", "after=" + position).get(path);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private static String role(JsonNode view, String injuryId) {
    return StreamSupport.stream(view.get("injuries").spliterator(), false)
        .filter(i -> i.get("injuryId").asString().equals(injuryId))
        .findFirst().orElseThrow().get("role").asString();
  }
}
