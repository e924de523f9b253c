package com.kineticcasebook.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.support.ApiClient.Response;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records one case through the JSON API, step by step, with clinical dates given as days after a
 * reference day; remembers the latest event position for read-your-writes.
 */
public final class CaseScript {

  private final ApiClient api;
  private final LocalDate day0;
  private final String caseId;
  private String lastEventId;
  private long position;
  /** The latest clinical day recorded so far: where an undated step of the script happens. */
  private int latestDay;

  private CaseScript(ApiClient api, LocalDate day0, String caseId, long position, int openedDay) {
    this.api = api;
    this.day0 = day0;
    this.caseId = caseId;
    this.position = position;
    this.latestDay = openedDay;
  }

  /**
   * Opens a case even when the reference already has an open case: test classes share one
   * database and reuse references, and none of them is about the duplicate-patient rule.
   */
  public static CaseScript open(ApiClient api, String clinicId, String patientRef, LocalDate day0, int openedDay) {
    Response response = api.post("/api/v1/cases", Map.of("clinicId", clinicId, "patientRef", patientRef,
        "openedOn", day0.plusDays(openedDay).toString(), "openAnotherCase", true));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return new CaseScript(api, day0, response.json().get("caseId").asString(),
        Long.parseLong(response.header("X-Event-Position")), openedDay);
  }

  /** The same case, recorded from now on by another user (from the latest position this script knows). */
  public CaseScript by(ApiClient other) {
    return new CaseScript(other, day0, caseId, position, latestDay);
  }

  public String caseId() {
    return caseId;
  }

  public long position() {
    return position;
  }

  /** The id of the event the last step recorded. */
  public String lastEventId() {
    return lastEventId;
  }

  public String injury(String region, String side, String condition, int onsetDay) {
    Map<String, Object> body = new LinkedHashMap<>(Map.of("bodyRegion", region, "side", side,
        "description", "Pain when running", "onsetOn", date(onsetDay), "painScore", 5));
    if (condition != null) {
      body.put("conditionCode", condition);
    }
    return post("/injuries", body).get("injuryId").asString();
  }

  public String gait(int filmedDay) {
    return post("/gait-recordings", Map.of("filmedOn", date(filmedDay), "view", "POSTERIOR", "surface", "TREADMILL",
        "findings", Map.of("antalgic", true, "cadenceSpm", 168))).get("recordingId").asString();
  }

  /** A hypothesis stated on the latest clinical day recorded so far, as at the visit that found the injuries. */
  public void hypothesis(String primary, List<String> secondaries) {
    hypothesis(primary, secondaries, latestDay);
  }

  public void hypothesis(String primary, List<String> secondaries, int hypothesisedDay) {
    post("/hypotheses", Map.of("primaryInjuryId", primary, "secondaryInjuryIds", secondaries,
        "rationale", "Compensation for the primary injury", "evidenceRecordingIds", List.of(),
        "hypothesisedOn", date(hypothesisedDay)));
  }

  public String treat(String injury, String modality, int startedDay) {
    return post("/treatments", Map.of("targetInjuryId", injury, "modality", modality, "plan", "Per protocol",
        "startedOn", date(startedDay))).get("treatmentId").asString();
  }

  public String resolve(String injury, int resolvedDay) {
    return post("/injuries/" + injury + "/resolution", Map.of("resolvedOn", date(resolvedDay))).get("event")
        .asString();
  }

  public void measure(String injury, String instrument, double score, int measuredDay) {
    post("/outcome-measures", Map.of("injuryId", injury, "instrument", instrument, "score", score,
        "measuredOn", date(measuredDay)));
  }

  public void markInError(String eventId, String reason) {
    post("/errors", Map.of("eventId", eventId, "reason", reason));
  }

  public void close(int closedDay) {
    post("/closure", Map.of("closedOn", date(closedDay), "reason", "Discharged", "closeOpenInjuriesAsUnresolved", true));
  }

  private tools.jackson.databind.JsonNode post(String path, Map<String, ?> body) {
    Response response = api.post("/api/v1/cases/" + caseId + path, body);
    assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(201);
    position = Math.max(position, Long.parseLong(response.header("X-Event-Position")));
    lastEventId = response.json().get("eventId").asString();
    return response.json();
  }

  private String date(int day) {
    latestDay = Math.max(latestDay, day);
    return day0.plusDays(day).toString();
  }
}
