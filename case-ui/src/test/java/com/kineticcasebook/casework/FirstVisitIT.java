package com.kineticcasebook.casework;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.support.ApiClient.Response;
import com.kineticcasebook.support.CaseScript;
import com.kineticcasebook.support.PostgresApplicationTest;
import com.kineticcasebook.support.WebSession;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The first visit of a new case over real HTTP on PostgreSQL: each step records all its events or
 * none, a half-valid step is refused with every problem at once, a step sent twice records once,
 * a step can be skipped, and only the case's clinic's clinicians reach it.
 */
class FirstVisitIT extends PostgresApplicationTest {

  private final LocalDate today = LocalDate.now();

  @Test
  void openingACaseLeadsIntoTheFirstStep() {
    WebSession session = WebSession.signIn(port, "clinician.north", PASSWORD);
    session.get("/cases/new");
    Response opened = session.postForm("/cases/new", Map.of("clinicId", north.toString(),
        "patientRef", reference(), "openedOn", today.toString()));
    assertThat(opened.status()).isEqualTo(302);
    assertThat(opened.header("Location")).matches(".*/cases/[0-9a-f-]{36}/first-visit/injuries");
    Response step = session.get(opened.header("Location").replaceFirst("^https?://[^/]+", ""));
    assertThat(step.status()).isEqualTo(200);
    assertThat(step.body()).contains("Where does it hurt?").contains("data-body-chart")
        .contains("Case opened. Record the first visit step by step");
  }

  @Test
  void theWholeJourneyRecordsEachStepsEventsTogether() {
    CaseScript script = openCase();
    WebSession session = signedIn(script);

    Response injuries = session.postForm(step(script, "injuries"), twoInjuries(key()));
    assertThat(injuries.status()).isEqualTo(302);
    assertThat(injuries.header("Location")).endsWith(step(script, "gait"));
    assertThat(eventTypes(script)).containsExactly("CaseOpened", "InjuryReported", "InjuryReported");

    Response gaitPage = session.get(step(script, "gait"));
    assertThat(gaitPage.body()).contains("2 injuries reported.");
    Map<String, String> gait = new LinkedHashMap<>(Map.of("filmedOn", today.toString(), "view", "POSTERIOR",
        "surface", "TREADMILL", "antalgic", "true", "cadenceSpm", "166", CaseRecorder.KEY_PARAMETER, key()));
    Response filmed = session.postForm(step(script, "gait"), gait);
    assertThat(filmed.header("Location")).endsWith(step(script, "hypothesis"));

    Response hypothesisPage = session.get(step(script, "hypothesis"));
    List<String> injuryIds = injuryIds(script);
    assertThat(hypothesisPage.body()).contains(injuryIds.get(0)).contains(injuryIds.get(1));
    Response hypothesis = session.postForm(step(script, "hypothesis"), Map.of("primaryInjuryId", injuryIds.get(0),
        "secondaryInjuryIds", injuryIds.get(1), "rationale", "Guarding the left calf loads the right knee",
        "hypothesisedOn", today.toString(), CaseRecorder.KEY_PARAMETER, key()));
    assertThat(hypothesis.header("Location")).endsWith(step(script, "treatment"));

    session.get(step(script, "treatment"));
    Response treatment = session.postForm(step(script, "treatment"), Map.of("targetInjuryId", injuryIds.get(0),
        "modality", "LOADING_PROGRAMME", "plan", "Eccentric heel drops", "startedOn", today.toString(),
        CaseRecorder.KEY_PARAMETER, key()));
    assertThat(treatment.header("Location")).endsWith("/cases/" + script.caseId());
    assertThat(eventTypes(script)).containsExactly("CaseOpened", "InjuryReported", "InjuryReported", "GaitFilmed",
        "PrimaryHypothesised", "TreatmentStarted");
    assertThat(session.get("/cases/" + script.caseId()).body()).contains("The first visit is recorded.");
  }

  @Test
  void aHalfValidStepIsRefusedWholeWithEveryProblemAndKeepsTheUserOnTheStep() {
    CaseScript script = openCase();
    WebSession session = signedIn(script);
    Map<String, String> form = twoInjuries(key());
    form.put("injuries[1].painScore", "11");
    form.put("injuries[1].onsetOn", today.plusDays(3).toString());
    form.put("injuries[0].side", "");
    form.put("injuries[2].bodyRegion", "HIP");
    form.put("injuries[2].side", "LEFT");
    form.put("injuries[2].description", "Clicks");
    form.put("injuries[2].painScore", "seven");

    Response refused = session.postForm(step(script, "injuries"), form);

    assertThat(refused.status()).isEqualTo(302);
    assertThat(refused.header("Location")).endsWith(step(script, "injuries") + "#injuries-errors");
    assertThat(eventTypes(script)).containsExactly("CaseOpened");
    String page = session.get(step(script, "injuries")).body();
    assertThat(page).contains("4 fields need attention:")
        .contains("href=\"#injuries-injuries[0].side\"")
        .contains("href=\"#injuries-injuries[1].painScore\"")
        .contains("href=\"#injuries-injuries[1].onsetOn\"")
        .contains("href=\"#injuries-injuries[2].painScore\"")
        .contains("Must be a whole number.")
        .contains("Must not be in the future.")
        .contains("value=\"Aches on stairs\"");
  }

  @Test
  void aStepTheCaseRefusesForOneOfItsPartsRecordsNoneOfThem() {
    CaseScript script = openCase();
    WebSession session = signedIn(script);
    session.postForm(step(script, "injuries"), twoInjuries(key()));
    List<String> injuryIds = injuryIds(script);

    // A secondary that is the primary too: only the case, with its state, can say so.
    Response refused = session.postForm(step(script, "hypothesis"), Map.of("primaryInjuryId", injuryIds.get(0),
        "secondaryInjuryIds", injuryIds.get(0), "rationale", "", "hypothesisedOn", today.toString(),
        CaseRecorder.KEY_PARAMETER, key()));
    assertThat(refused.header("Location")).endsWith(step(script, "hypothesis") + "#hypothesis-errors");
    assertThat(eventTypes(script)).containsExactly("CaseOpened", "InjuryReported", "InjuryReported");
    assertThat(session.get(step(script, "hypothesis")).body()).contains("data-error-summary");
  }

  @Test
  void aStepSentTwiceRecordsOnce() {
    CaseScript script = openCase();
    WebSession session = signedIn(script);
    Map<String, String> form = twoInjuries(key());

    Response first = session.postForm(step(script, "injuries"), form);
    assertThat(session.get(step(script, "gait")).body()).contains("2 injuries reported.");
    Response again = session.postForm(step(script, "injuries"), form);
    form.put(CaseRecorder.KEY_PARAMETER, key());
    Response fromAFreshRendering = session.postForm(step(script, "injuries"), form);

    assertThat(List.of(first, again, fromAFreshRendering)).allSatisfy(response -> {
      assertThat(response.status()).isEqualTo(302);
      assertThat(response.header("Location")).endsWith(step(script, "gait"));
    });
    assertThat(eventTypes(script)).containsExactly("CaseOpened", "InjuryReported", "InjuryReported");
    assertThat(session.get(step(script, "gait")).body()).contains(CasePages.ALREADY_RECORDED);
  }

  @Test
  void everyStepCanBeSkippedAndAnEmptyStepRecordsNothing() {
    CaseScript script = openCase();
    WebSession session = signedIn(script);
    for (String step : List.of("injuries", "gait", "hypothesis", "treatment")) {
      Response shown = session.get(step(script, step));
      assertThat(shown.status()).as(step).isEqualTo(200);
      assertThat(shown.body()).as(step).contains("Skip");
    }
    assertThat(session.get(step(script, "injuries")).body()).contains("href=\"" + step(script, "gait") + "\"");
    assertThat(session.get(step(script, "treatment")).body()).contains("href=\"/cases/" + script.caseId() + "\"");

    Response empty = session.postForm(step(script, "injuries"), Map.of(
        "injuries[0].bodyRegion", "", "injuries[0].side", "", "injuries[0].onsetOn", today.toString(),
        CaseRecorder.KEY_PARAMETER, key()));
    assertThat(empty.header("Location")).endsWith(step(script, "injuries") + "#injuries-errors");
    assertThat(session.get(step(script, "injuries")).body()).contains("Nothing to record");
    assertThat(eventTypes(script)).containsExactly("CaseOpened");
  }

  @Test
  void onlyTheCasesClinicsCliniciansReachTheFirstVisit() {
    CaseScript script = openCase();
    WebSession south = WebSession.signIn(port, "clinician.south", PASSWORD);
    assertThat(south.get(step(script, "injuries")).status()).isEqualTo(404);
    south.get("/cases");
    assertThat(south.postForm(step(script, "injuries"), twoInjuries(key())).status()).isEqualTo(404);
    WebSession owner = WebSession.signIn(port, "owner", PASSWORD);
    assertThat(owner.get(step(script, "injuries")).status()).isEqualTo(403);
    assertThat(eventTypes(script)).containsExactly("CaseOpened");
    WebSession north = signedIn(script);
    assertThat(north.get("/cases/" + script.caseId() + "/first-visit/elsewhere").status()).isEqualTo(404);
  }

  private Map<String, String> twoInjuries(String key) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("injuries[0].bodyRegion", "CALF");
    form.put("injuries[0].side", "LEFT");
    form.put("injuries[0].conditionCode", "CALF_STRAIN");
    form.put("injuries[0].description", "Tight after hill repeats");
    form.put("injuries[0].onsetOn", today.minusDays(10).toString());
    form.put("injuries[0].painScore", "6");
    form.put("injuries[1].bodyRegion", "KNEE");
    form.put("injuries[1].side", "RIGHT");
    form.put("injuries[1].conditionCode", "");
    form.put("injuries[1].description", "Aches on stairs");
    form.put("injuries[1].onsetOn", today.minusDays(4).toString());
    form.put("injuries[1].painScore", "4");
    form.put("injuries[2].bodyRegion", "");
    form.put("injuries[2].side", "");
    form.put("injuries[2].onsetOn", today.toString());
    form.put("injuries[2].painScore", "");
    form.put(CaseRecorder.KEY_PARAMETER, key);
    return form;
  }

  /** A case opened through the API, once the pages' read model has it (pages read it without waiting). */
  private CaseScript openCase() {
    CaseScript script = CaseScript.open(as("clinician.north"), north.toString(), reference(), today.minusDays(1), 0);
    as("clinician.north").withHeader("X-Consistency", "after=" + script.position())
        .get("/api/v1/cases/" + script.caseId());
    return script;
  }

  private WebSession signedIn(CaseScript script) {
    WebSession session = WebSession.signIn(port, "clinician.north", PASSWORD);
    session.get(step(script, "injuries"));
    return session;
  }

  private static String step(CaseScript script, String step) {
    return "/cases/" + script.caseId() + "/first-visit/" + step;
  }

  private static String key() {
    return UUID.randomUUID().toString();
  }

  private static String reference() {
    return "N-" + ThreadLocalRandom.current().nextInt(60_000_000, 69_999_999);
  }

  private List<String> eventTypes(CaseScript script) {
    return jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? "
        + "ORDER BY sequence_number", String.class, script.caseId()).stream()
        .map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
  }

  private List<String> injuryIds(CaseScript script) {
    return jdbc.queryForList("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE aggregate_identifier = ? "
        + "AND payload_type LIKE '%InjuryReported' ORDER BY sequence_number", String.class, script.caseId()).stream()
        .map(payload -> payload.replaceFirst("(?s).*\"injuryId\":\\{?(?:\"[a-z]+\":)?\"([0-9a-f-]{36})\".*", "$1")).toList();
  }
}
