package com.kineticcasebook.casework;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.support.ApiClient;
import com.kineticcasebook.support.ApiClient.Response;
import com.kineticcasebook.support.PostgresApplicationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A clinician records a whole case through the JSON API, and every bad request is refused cleanly. */
class CaseRecordingIT extends PostgresApplicationTest {

  private ApiClient clinician;
  private final LocalDate today = LocalDate.now();

  @BeforeEach
  void login() {
    clinician = as("clinician.north");
  }

  @Test
  void clinicianRecordsAWholeCaseFromFirstInjuryToResolvedSecondary() {
    String caseId = openCase();
    String calf = reportInjury(caseId, "CALF", "LEFT", "CALF_STRAIN", 6);
    String knee = reportInjury(caseId, "KNEE", "RIGHT", "PATELLOFEMORAL_PAIN", 4);
    String hip = reportInjury(caseId, "HIP", "RIGHT", null, 3);

    Response gait = clinician.post(path(caseId, "/gait-recordings"), Map.of(
        "filmedOn", today.minusDays(9).toString(), "view", "POSTERIOR", "surface", "TREADMILL",
        "findings", Map.of("antalgic", true, "stanceAsymmetryPct", 8.5, "pushOffDelayMs", 40,
            "hipHikeSide", "RIGHT", "trunkLeanCm", 2.0, "cadenceSpm", 164)));
    assertThat(gait.status()).isEqualTo(201);
    String recording = gait.json().get("recordingId").asString();

    Response hypothesis = clinician.post(path(caseId, "/hypotheses"), Map.of(
        "primaryInjuryId", calf, "secondaryInjuryIds", List.of(knee, hip),
        "rationale", "Shortened left stance guards the calf; the right knee takes the load",
        "evidenceRecordingIds", List.of(recording)));
    assertThat(hypothesis.status()).isEqualTo(201);

    Response treatment = clinician.post(path(caseId, "/treatments"), Map.of(
        "targetInjuryId", calf, "modality", "LOADING_PROGRAMME", "plan", "Progressive calf raises",
        "startedOn", today.minusDays(8).toString()));
    assertThat(treatment.status()).isEqualTo(201);
    assertThat(treatment.json().get("treatmentId").asString()).isNotBlank();

    Response measure = clinician.post(path(caseId, "/outcome-measures"), Map.of(
        "injuryId", knee, "instrument", "NPRS", "score", 2, "measuredOn", today.toString()));
    assertThat(measure.status()).isEqualTo(201);

    Response secondary = clinician.post(path(caseId, "/injuries/" + knee + "/resolution"),
        Map.of("resolvedOn", today.toString(), "note", "Pain-free running"));
    assertThat(secondary.status()).isEqualTo(201);
    assertThat(secondary.json().get("event").asString()).isEqualTo("SECONDARY_RESOLVED");

    Response primary = clinician.post(path(caseId, "/injuries/" + calf + "/resolution"),
        Map.of("resolvedOn", today.toString()));
    assertThat(primary.json().get("event").asString()).isEqualTo("INJURY_RESOLVED");

    Response again = clinician.post(path(caseId, "/injuries/" + knee + "/resolution"),
        Map.of("resolvedOn", today.toString()));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.contentType()).startsWith("application/problem+json");

    Response closure = clinician.post(path(caseId, "/closure"),
        Map.of("closedOn", today.toString(), "reason", "Discharged", "closeOpenInjuriesAsUnresolved", true));
    assertThat(closure.status()).isEqualTo(201);

    Response onClosed = clinician.post(path(caseId, "/injuries"), injury("HIP", "LEFT", null, 2));
    assertThat(onClosed.status()).isEqualTo(409);

    assertThat(eventTypes(caseId)).containsExactly(
        "CaseOpened", "InjuryReported", "InjuryReported", "InjuryReported", "GaitFilmed", "PrimaryHypothesised",
        "TreatmentStarted", "OutcomeMeasured", "SecondaryResolved", "InjuryResolved", "CaseClosed");
  }

  @Test
  void everyResponseOfARecordingCarriesTheEventPosition() {
    String caseId = openCase();
    Response injury = clinician.post(path(caseId, "/injuries"), injury("KNEE", "LEFT", null, 3));
    long position = Long.parseLong(injury.header("X-Event-Position"));
    Long stored = jdbc.queryForObject(
        "SELECT global_index FROM domain_event_entry WHERE event_identifier = ?", Long.class,
        injury.json().get("eventId").asString());
    assertThat(stored).isEqualTo(position);
  }

  @Test
  void anEntryMarkedInErrorStaysInTheStreamAndItsInjuryCanBeResolvedAgain() {
    String caseId = openCase();
    String knee = reportInjury(caseId, "KNEE", "LEFT", null, 3);
    Response resolution = clinician.post(path(caseId, "/injuries/" + knee + "/resolution"),
        Map.of("resolvedOn", today.toString()));
    Response marked = clinician.post(path(caseId, "/errors"),
        Map.of("eventId", resolution.json().get("eventId").asString(), "reason", "Resolved the wrong injury"));
    assertThat(marked.status()).isEqualTo(201);

    Response resolvedAgain = clinician.post(path(caseId, "/injuries/" + knee + "/resolution"),
        Map.of("resolvedOn", today.toString()));
    assertThat(resolvedAgain.status()).isEqualTo(201);
    assertThat(eventTypes(caseId)).containsExactly(
        "CaseOpened", "InjuryReported", "InjuryResolved", "EntryMarkedInError", "InjuryResolved");
  }

  @Test
  void aClosedCaseCanBeReopened() {
    String caseId = openCase();
    clinician.post(path(caseId, "/closure"), Map.of("closedOn", today.toString(), "reason", "Discharged"));
    Response reopened = clinician.post(path(caseId, "/reopening"),
        Map.of("reopenedOn", today.toString(), "reason", "Pain returned"));
    assertThat(reopened.status()).isEqualTo(201);
    assertThat(clinician.post(path(caseId, "/injuries"), injury("KNEE", "LEFT", null, 3)).status()).isEqualTo(201);
  }

  @Test
  void invalidFieldsAreAllReportedAndNothingIsRecorded() {
    String caseId = openCase();
    long before = eventCount();
    Response response = clinician.post(path(caseId, "/injuries"), Map.of(
        "bodyRegion", "KNEE", "side", "LEFT", "description", "",
        "onsetOn", today.plusDays(1).toString(), "painScore", 11));
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(fields(response)).contains("description", "painScore");
    assertThat(eventCount()).isEqualTo(before);
  }

  @Test
  void futureClinicalDatesAreRefused() {
    String caseId = openCase();
    Response response = clinician.post(path(caseId, "/injuries"), injury("KNEE", "LEFT", null, 3, today.plusDays(2)));
    assertThat(response.status()).isEqualTo(400);
    assertThat(fields(response)).containsExactly("onsetOn");
  }

  @Test
  void malformedJsonUnknownEnumsAndWrongTypesAreBadRequests() {
    String caseId = openCase();
    Response malformed = clinician.postRaw(path(caseId, "/injuries"), "{\"bodyRegion\": ");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.contentType()).startsWith("application/problem+json");

    Response unknownEnum = clinician.post(path(caseId, "/injuries"), Map.of(
        "bodyRegion", "ELBOW", "side", "LEFT", "description", "x", "onsetOn", today.toString(), "painScore", 3));
    assertThat(unknownEnum.status()).isEqualTo(400);
    assertThat(fields(unknownEnum)).containsExactly("bodyRegion");
    assertThat(unknownEnum.json().get("errors").get(0).get("message").asString()).contains("KNEE");

    Response wrongType = clinician.post(path(caseId, "/injuries"), Map.of(
        "bodyRegion", "KNEE", "side", "LEFT", "description", "x", "onsetOn", today.toString(), "painScore", "high"));
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(fields(wrongType)).containsExactly("painScore");

    Response unknownField = clinician.post(path(caseId, "/closure"),
        Map.of("closedOn", today.toString(), "reason", "x", "patientName", "nobody"));
    assertThat(unknownField.status()).isEqualTo(400);
    assertThat(fields(unknownField)).containsExactly("patientName");

    Response notAUuid = clinician.post("/api/v1/cases/not-a-uuid/injuries", injury("KNEE", "LEFT", null, 3));
    assertThat(notAUuid.status()).isEqualTo(400);
  }

  @Test
  void idsThatDoNotBelongToTheCaseAreBadRequests() {
    String caseId = openCase();
    String otherCase = openCase();
    String foreignInjury = reportInjury(otherCase, "CALF", "LEFT", null, 5);
    String knee = reportInjury(caseId, "KNEE", "LEFT", null, 3);
    Response response = clinician.post(path(caseId, "/hypotheses"), Map.of(
        "primaryInjuryId", foreignInjury, "secondaryInjuryIds", List.of(knee), "rationale", "calf guards",
        "evidenceRecordingIds", List.of()));
    assertThat(response.status()).isEqualTo(400);
    assertThat(fields(response)).containsExactly("primaryInjuryId");
  }

  @Test
  void springsOwnErrorsAreProblemsToo() {
    Response unsupported = clinician.post("/api/v1/cases", "text/plain", "hello".getBytes());
    assertThat(unsupported.status()).isEqualTo(415);
    assertThat(unsupported.json().get("type").asString()).startsWith("urn:kinetic-casebook:problem:");
    Response noSuchPath = clinician.get("/api/v1/cases/" + java.util.UUID.randomUUID() + "/no-such-view");
    assertThat(noSuchPath.status()).isEqualTo(404);
    assertThat(noSuchPath.contentType()).startsWith("application/problem+json");
    assertThat(noSuchPath.json().get("type").asString()).startsWith("urn:kinetic-casebook:problem:");
    Response notAnObject = clinician.postRaw("/api/v1/cases", "[]");
    assertThat(notAnObject.status()).isEqualTo(400);
    assertThat(fields(notAnObject)).containsExactly("body");
  }

  @Test
  void aMissingBodyIsABadRequest() {
    Response response = clinician.postRaw("/api/v1/cases", "");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
  }

  @Test
  void everyEventCarriesWhoRecordedItForWhichClinicAndUnderWhichCorrelation() {
    Response opened = clinician.withHeader("X-Correlation-Id", "visit-2026-11-21-0001")
        .withHeader("Idempotency-Key", "open-meta-1")
        .post("/api/v1/cases", Map.of("clinicId", north.toString(), "patientRef", "N-4711",
            "openedOn", today.toString()));
    String caseId = opened.json().get("caseId").asString();
    reportInjury(caseId, "KNEE", "LEFT", null, 3);

    List<String> metadata = jdbc.query(
        "SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
        (rs, row) -> new String(rs.getBytes(1), java.nio.charset.StandardCharsets.UTF_8), caseId);
    assertThat(metadata).hasSize(2);
    String userId = jdbc.queryForObject("SELECT id::text FROM app_user WHERE username = 'clinician.north'", String.class);
    assertThat(metadata.get(0))
        .contains("\"userId\":\"" + userId + "\"")
        .contains("\"clinicId\":\"" + north + "\"")
        .contains("\"correlationId\":\"visit-2026-11-21-0001\"")
        .contains("\"idempotencyKey\":\"open-meta-1\"")
        .contains("CLINICIAN");
    assertThat(metadata.get(1)).contains("\"userId\":\"" + userId + "\"").contains("\"clinicId\":\"" + north + "\"")
        .contains("\"correlationId\":").doesNotContain("idempotencyKey");
  }

  private String openCase() {
    Response response = clinician.post("/api/v1/cases",
        Map.of("clinicId", north.toString(), "patientRef", "N-" + System.nanoTime() % 100000, "openedOn", today.toString()));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    assertThat(response.header("Location")).endsWith(response.json().get("caseId").asString());
    return response.json().get("caseId").asString();
  }

  private String reportInjury(String caseId, String region, String side, String condition, int pain) {
    Response response = clinician.post(path(caseId, "/injuries"), injury(region, side, condition, pain));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().get("injuryId").asString();
  }

  private Map<String, Object> injury(String region, String side, String condition, int pain) {
    return injury(region, side, condition, pain, today.minusDays(30));
  }

  private Map<String, Object> injury(String region, String side, String condition, int pain, LocalDate onset) {
    Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("bodyRegion", region, "side", side,
        "description", "Pain on running", "onsetOn", onset.toString(), "painScore", pain));
    if (condition != null) {
      body.put("conditionCode", condition);
    }
    return body;
  }

  private static String path(String caseId, String rest) {
    return "/api/v1/cases/" + caseId + rest;
  }

  private List<String> eventTypes(String caseId) {
    return jdbc.queryForList(
            "SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
            String.class, caseId)
        .stream().map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
  }

  private long eventCount() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
  }

  private static List<String> fields(Response response) {
    JsonNode errors = response.json().get("errors");
    assertThat(errors).as(response.body()).isNotNull();
    return errors.valueStream().map(error -> error.get("field").asString()).toList();
  }
}
