package com.kineticcasebook.casework;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.support.ApiClient;
import com.kineticcasebook.support.ApiClient.Response;
import com.kineticcasebook.support.CaseScript;
import com.kineticcasebook.support.PostgresApplicationTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A visit through the JSON API: recorded as its individual events in one transaction or refused
 * as a whole, plus the rules around it (outcome-measure dates, a second open case for one patient,
 * closing with open injuries).
 */
class VisitIT extends PostgresApplicationTest {

  private final LocalDate today = LocalDate.now();
  private ApiClient clinician;
  private CaseScript script;
  private String calf;
  private String knee;
  private String hip;

  @BeforeEach
  void openCaseWithThreeInjuries() {
    clinician = as("clinician.north");
    script = CaseScript.open(clinician, north.toString(), reference(), today, -40);
    calf = script.injury("CALF", "LEFT", "CALF_STRAIN", -40);
    knee = script.injury("KNEE", "RIGHT", "PATELLOFEMORAL_PAIN", -30);
    hip = script.injury("HIP", "RIGHT", null, -20);
    script.hypothesis(calf, List.of(knee));
  }

  @Test
  void aVisitIsRecordedAsItsEventsEachDatedTheVisit() {
    LocalDate visitedOn = today.minusDays(2);
    Response visit = clinician.post(path("/visits"), Map.of(
        "visitedOn", visitedOn.toString(),
        "note", "Ran 5 km without pain",
        "outcomeMeasures", List.of(Map.of("injuryId", knee, "instrument", "NPRS", "score", 2),
            Map.of("injuryId", calf, "instrument", "VISA_A", "score", 71)),
        "treatments", List.of(Map.of("targetInjuryId", calf, "modality", "LOADING_PROGRAMME",
            "plan", "Progress to single-leg calf raises")),
        "resolutions", List.of(Map.of("injuryId", knee, "note", "Cleared"), Map.of("injuryId", hip, "note", ""))));

    assertThat(visit.status()).as(visit.body()).isEqualTo(201);
    List<String> eventIds = texts(visit.json().get("eventIds"));
    assertThat(eventIds).hasSize(6).doesNotHaveDuplicates();
    assertThat(visit.json().get("eventId").asString()).isEqualTo(eventIds.get(5));
    List<Map<String, Object>> stored = jdbc.queryForList("""
        SELECT event_identifier, payload_type, convert_from(payload, 'UTF8') AS payload FROM domain_event_entry
        WHERE aggregate_identifier = ? AND event_identifier IN (?, ?, ?, ?, ?, ?) ORDER BY sequence_number""",
        script.caseId(), eventIds.get(0), eventIds.get(1), eventIds.get(2), eventIds.get(3), eventIds.get(4),
        eventIds.get(5));
    assertThat(stored).extracting(row -> row.get("event_identifier")).containsExactlyElementsOf(eventIds);
    assertThat(stored).extracting(row -> simpleName((String) row.get("payload_type"))).containsExactly(
        "OutcomeMeasured", "OutcomeMeasured", "TreatmentStarted", "SecondaryResolved", "InjuryResolved", "VisitNoted");
    assertThat(stored).allSatisfy(row -> assertThat((String) row.get("payload")).contains("\"" + visitedOn + "\""));
    assertThat(stored.stream().map(row -> (String) row.get("payload")).distinct().count()).isEqualTo(6);

    JsonNode timeline = clinician.withHeader("X-Consistency", "after=" + visit.header("X-Event-Position"))
        .get(path("/timeline")).json().get("entries");
    JsonNode note = null;
    for (JsonNode entry : timeline) {
      if (entry.get("type").asString().equals("VISIT_NOTED")) {
        note = entry;
      }
    }
    assertThat(note).isNotNull();
    assertThat(note.get("occurredOn").asString()).isEqualTo(visitedOn.toString());
    assertThat(note.get("summary").asString()).isEqualTo("Visit noted: Ran 5 km without pain");
  }

  @Test
  void aHalfValidVisitIsRefusedWithEveryFieldPathAndRecordsNothing() {
    long before = eventsOfCase();
    Response visit = clinician.post(path("/visits"), Map.of(
        "visitedOn", today.toString(),
        "outcomeMeasures", List.of(Map.of("injuryId", knee, "instrument", "NPRS", "score", 2),
            Map.of("injuryId", calf, "instrument", "NPRS", "score", 11)),
        "treatments", List.of(Map.of("targetInjuryId", calf, "modality", "LOADING_PROGRAMME", "plan", " ")),
        "resolutions", List.of(Map.of("injuryId", knee), Map.of("injuryId", knee))));

    assertThat(visit.status()).as(visit.body()).isEqualTo(400);
    assertThat(visit.contentType()).startsWith("application/problem+json");
    // The visit's own problems and those against the case in one answer.
    assertThat(fields(visit)).containsExactly("outcomeMeasures[1].score", "treatments[0].plan",
        "resolutions[1].injuryId");
    assertThat(eventsOfCase()).isEqualTo(before);

    Response againstTheCase = clinician.post(path("/visits"), Map.of(
        "visitedOn", today.minusDays(25).toString(),
        "outcomeMeasures", List.of(Map.of("injuryId", knee, "instrument", "NPRS", "score", 2),
            Map.of("injuryId", hip, "instrument", "NPRS", "score", 3)),
        "resolutions", List.of(Map.of("injuryId", knee), Map.of("injuryId", knee))));
    assertThat(againstTheCase.status()).as(againstTheCase.body()).isEqualTo(400);
    assertThat(fields(againstTheCase)).containsExactly("outcomeMeasures[1].injuryId", "resolutions[1].injuryId");
    assertThat(eventsOfCase()).isEqualTo(before);
  }

  @Test
  void aRepeatedVisitWithTheSameIdempotencyKeyIsRecordedOnce() {
    ApiClient keyed = clinician.withHeader("Idempotency-Key", "visit-" + reference());
    Map<String, Object> body = Map.of("visitedOn", today.toString(), "note", "Review",
        "outcomeMeasures", List.of(Map.of("injuryId", knee, "instrument", "NPRS", "score", 3)));
    Response first = keyed.post(path("/visits"), body);
    long after = eventsOfCase();
    Response second = keyed.post(path("/visits"), body);

    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(second.json().get("eventIds")).isEqualTo(first.json().get("eventIds"));
    assertThat(eventsOfCase()).isEqualTo(after);
  }

  @Test
  void anotherClinicsClinicianGetsNotFoundAndRecordsNothing() {
    long before = eventsOfCase();
    Response visit = as("clinician.south").post(path("/visits"), Map.of("visitedOn", today.toString(), "note", "x"));
    assertThat(visit.status()).isEqualTo(404);
    assertThat(eventsOfCase()).isEqualTo(before);
  }

  @Test
  void anOutcomeMeasureBeforeTheInjurysOnsetOrTheCaseOpenedIsRefusedOnItsDate() {
    Response beforeOnset = clinician.post(path("/outcome-measures"), Map.of("injuryId", hip, "instrument", "NPRS",
        "score", 3, "measuredOn", today.minusDays(21).toString()));
    assertThat(beforeOnset.status()).as(beforeOnset.body()).isEqualTo(400);
    assertThat(fields(beforeOnset)).containsExactly("measuredOn");
    assertThat(beforeOnset.json().get("errors").get(0).get("message").asString())
        .isEqualTo("must not be before the injury's onset");

    Response beforeOpening = clinician.post(path("/outcome-measures"), Map.of("injuryId", calf, "instrument", "NPRS",
        "score", 3, "measuredOn", today.minusDays(41).toString()));
    assertThat(beforeOpening.status()).isEqualTo(400);
    assertThat(beforeOpening.json().get("errors").get(0).get("message").asString())
        .isEqualTo("must not be before the case was opened");
  }

  @Test
  void aSecondOpenCaseForTheSamePatientIsRefusedWithTheExistingCaseUnlessAskedFor() {
    String reference = reference();
    Response first = openInNorth(reference);
    String existing = first.json().get("caseId").asString();
    assertThat(clinician.withHeader("X-Consistency", "after=" + first.header("X-Event-Position"))
        .get("/api/v1/cases/" + existing).status()).isEqualTo(200);

    Response duplicate = openInNorth(reference.toLowerCase());
    assertThat(duplicate.status()).as(duplicate.body()).isEqualTo(409);
    assertThat(duplicate.contentType()).startsWith("application/problem+json");
    assertThat(duplicate.json().get("existingCaseId").asString()).isEqualTo(existing);
    assertThat(duplicate.body()).doesNotContain(reference);

    Response another = clinician.post("/api/v1/cases", Map.of("clinicId", north.toString(), "patientRef", reference,
        "openedOn", today.toString(), "openAnotherCase", true));
    assertThat(another.status()).isEqualTo(201);

    Response otherClinic = as("clinician.south").post("/api/v1/cases",
        Map.of("clinicId", south.toString(), "patientRef", reference, "openedOn", today.toString()));
    assertThat(otherClinic.status()).isEqualTo(201);
  }

  @Test
  void requestsOpeningOnePatientsCaseAtTheSameMomentOpenOneCaseAndReferTheOthersToIt() throws Exception {
    String reference = reference();
    int requests = 6;
    ExecutorService pool = Executors.newFixedThreadPool(requests);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Response>> answers = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
        answers.add(pool.submit(() -> {
          start.await();
          return openInNorth(reference);
        }));
      }
      start.countDown();
      List<Response> responses = new ArrayList<>();
      for (Future<Response> answer : answers) {
        responses.add(answer.get(60, TimeUnit.SECONDS));
      }
      List<Response> opened = responses.stream().filter(r -> r.status() == 201).toList();
      assertThat(opened).as("cases opened").hasSize(1);
      String caseId = opened.get(0).json().get("caseId").asString();
      assertThat(responses.stream().filter(r -> r.status() == 409)
          .map(r -> r.json().get("existingCaseId").asString()).toList())
          .as("every other request names the one case").hasSize(requests - 1).containsOnly(caseId);
    } finally {
      pool.shutdownNow();
    }
    Long cases = jdbc.queryForObject("SELECT COUNT(*) FROM case_directory WHERE patient_ref = ?", Long.class,
        reference);
    assertThat(cases).isEqualTo(1);
  }

  @Test
  void aClosedCaseLeavesThePatientFreeForANewOne() {
    String reference = reference();
    Response first = openInNorth(reference);
    String existing = first.json().get("caseId").asString();
    Response immediately = openInNorth(reference);
    assertThat(immediately.status()).as("asked before the case views show the first case").isEqualTo(409);
    Response closed = clinician.post("/api/v1/cases/" + existing + "/closure",
        Map.of("closedOn", today.toString(), "reason", "Discharged"));
    assertThat(closed.status()).as(closed.body()).isEqualTo(201);
    clinician.withHeader("X-Consistency", "after=" + closed.header("X-Event-Position")).get("/api/v1/cases/" + existing);
    Response next = openInNorth(reference);
    assertThat(next.status()).as(next.body()).isEqualTo(201);
  }

  @Test
  void closingWithOpenInjuriesNeedsTheirConfirmationAndTheCaseSaysTheyStayUnresolved() {
    Response refused = clinician.post(path("/closure"), Map.of("closedOn", today.toString(), "reason", "Moved away"));
    assertThat(refused.status()).as(refused.body()).isEqualTo(409);
    assertThat(refused.json().get("type").asString()).isEqualTo("urn:kinetic-casebook:problem:open-injuries-at-closure");
    assertThat(texts(refused.json().get("openInjuryIds"))).containsExactlyInAnyOrder(calf, knee, hip);

    Response closed = clinician.post(path("/closure"), Map.of("closedOn", today.toString(), "reason", "Moved away",
        "closeOpenInjuriesAsUnresolved", true));
    assertThat(closed.status()).as(closed.body()).isEqualTo(201);
    JsonNode view = clinician.withHeader("X-Consistency", "after=" + closed.header("X-Event-Position"))
        .get(path("")).json();
    assertThat(view.get("status").asString()).isEqualTo("CLOSED");
    assertThat(view.get("openInjuries").asInt()).as("left unresolved at closure").isEqualTo(3);
  }

  private long eventsOfCase() {
    Long count = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
        Long.class, script.caseId());
    return count == null ? 0 : count;
  }

  /** Asks for a case of North for the patient, as the clinician, today. */
  private Response openInNorth(String patientRef) {
    return clinician.post("/api/v1/cases",
        Map.of("clinicId", north.toString(), "patientRef", patientRef, "openedOn", today.toString()));
  }

  private String path(String rest) {
    return "/api/v1/cases/" + script.caseId() + rest;
  }

  private static List<String> fields(Response response) {
    List<String> fields = new ArrayList<>();
    response.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
    return fields;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asString()));
    return texts;
  }

  private static String simpleName(String type) {
    return type.substring(type.lastIndexOf('.') + 1);
  }

  private static String reference() {
    return "V-" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
  }
}
