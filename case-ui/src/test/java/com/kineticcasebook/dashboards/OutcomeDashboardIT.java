package com.kineticcasebook.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.kineticcasebook.access.Role;
import com.kineticcasebook.access.UserDirectory;
import com.kineticcasebook.support.ApiClient;
import com.kineticcasebook.support.ApiClient.Response;
import com.kineticcasebook.support.CaseScript;
import com.kineticcasebook.support.PostgresApplicationTest;
import com.kineticcasebook.support.WebSession;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * Five cases recorded through the API in a clinic of their own, whose dashboard figures were
 * worked out by hand (see the comments), compared with the API's answer field by field. They
 * include censored secondaries, a revised hypothesis and a resolution marked in error.
 */
class OutcomeDashboardIT extends PostgresApplicationTest {

  @Autowired private UserDirectory users;
  @Autowired private PasswordEncoder passwordEncoder;

  private ApiClient clinician;
  private ApiClient owner;
  private String clinic;
  private String clinicianId;
  private String clinicSuffix;
  private String ownerName;
  private final LocalDate t0 = LocalDate.now().minusDays(100);

  @BeforeEach
  void aClinicOfItsOwn() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    clinicSuffix = suffix;
    UUID clinicId = users.createClinic("Dashboard " + suffix).clinicId();
    String hash = passwordEncoder.encode(PASSWORD);
    UUID clinicianUser = users.createUser("dash.clinician." + suffix, hash, Set.of(Role.CLINICIAN));
    users.addMember(clinicianUser, clinicId);
    users.addOwner(users.createUser("dash.owner." + suffix, hash, Set.of(Role.PRACTICE_OWNER)), clinicId);
    clinic = clinicId.toString();
    clinicianId = clinicianUser.toString();
    clinician = as("dash.clinician." + suffix);
    owner = as("dash.owner." + suffix);
    ownerName = "dash.owner." + suffix;
  }

  @Test
  void theDashboardMatchesTheFiguresWorkedOutByHand() {
    long position = recordTheFiveCases();
    Response response = owner.withHeader("X-Consistency", "after=" + position)
        .get("/api/v1/dashboards/outcomes?clinicId=" + clinic);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode d = response.json();

    // Secondaries under each case's current hypothesis: S1a AFTER, S1b DIRECT, S2 BEFORE, S2b UNRESOLVED,
    // S3b AFTER (its first resolution was marked in error), S4 UNRESOLVED (closed case), S5 UNRESOLVED.
    // Case 3's hip injury was a secondary only of the superseded hypothesis and is not counted.
    JsonNode counts = d.get("secondaries");
    assertThat(counts.get("total").asInt()).isEqualTo(7);
    assertThat(counts.get("clearedAfterPrimaryTreatment").asInt()).isEqualTo(2);
    assertThat(counts.get("clearedWithDirectTreatment").asInt()).isEqualTo(1);
    assertThat(counts.get("clearedBeforePrimaryTreatment").asInt()).isEqualTo(1);
    assertThat(counts.get("unresolved").asInt()).isEqualTo(3);
    assertThat(d.get("clearanceRateAfterPrimaryTreatment").asDouble()).isCloseTo(2.0 / 7, within(1e-9));
    // Kaplan-Meier over S3b 20e, S1a 30e, S1b 40e, S4 55 censored (closure), S2b 88 censored (today):
    // 0.8, 0.6, 0.4 -> median 40. S2 cleared before tP and S5's primary was never treated: outside.
    assertThat(d.get("medianDaysToClearance").asInt()).isEqualTo(40);
    // Every link was stated at the first visit, before anything cleared.
    assertThat(d.get("linkedAfterClearance").asInt()).isZero();

    assertRow(row(d.get("byPrimaryCondition"), "conditionCode", "CALF_STRAIN"),
        "secondaries", 4, "clearedAfterPrimaryTreatment", 1, "medianDaysToClearance", 40);
    JsonNode achilles = row(d.get("byPrimaryCondition"), "conditionCode", "ACHILLES_TENDINOPATHY");
    assertRow(achilles, "secondaries", 2, "clearedAfterPrimaryTreatment", 0);
    assertThat(achilles.get("medianDaysToClearance").isNull()).isTrue();
    assertRow(row(d.get("byPrimaryCondition"), "conditionCode", "PLANTAR_FASCIITIS"),
        "secondaries", 1, "clearedAfterPrimaryTreatment", 1, "medianDaysToClearance", 20);

    JsonNode topChain = d.get("byChain").get(0);
    assertThat(topChain.get("primaryConditionCode").asString()).isEqualTo("CALF_STRAIN");
    assertThat(topChain.get("secondaryConditionCode").asString()).isEqualTo("PATELLOFEMORAL_PAIN");
    assertRow(topChain, "count", 3, "clearedAfterPrimaryTreatment", 1);
    assertThat(d.get("byChain").size()).isEqualTo(5);

    assertRow(row(d.get("byModality"), "modality", "LOADING_PROGRAMME"),
        "secondaries", 3, "clearedAfterPrimaryTreatment", 1, "medianDaysToClearance", 40);
    assertRow(row(d.get("byModality"), "modality", "GAIT_RETRAINING"),
        "secondaries", 1, "clearedAfterPrimaryTreatment", 1, "medianDaysToClearance", 20);
    JsonNode clinicianRow = row(d.get("byClinician"), "clinicianId", clinicianId);
    assertRow(clinicianRow, "secondaries", 7, "clearedAfterPrimaryTreatment", 2, "medianDaysToClearance", 40);

    // NPRS on S1a: 6 -> 2, an improvement of 4 >= MCID 2. LEFS on S4: 50 -> 55, +5 < MCID 9.
    JsonNode nprs = row(d.get("outcomeMeasures"), "instrument", "NPRS");
    assertRow(nprs, "injuries", 1, "improvedByMcid", 1);
    assertThat(nprs.get("meanImprovement").asDouble()).isEqualTo(4.0);
    assertRow(row(d.get("outcomeMeasures"), "instrument", "LEFS"), "injuries", 1, "improvedByMcid", 0);
  }

  @Test
  void everyFigureCarriesItsUncertaintyTheCompetingOutcomesAndTheComparisons() {
    long position = recordTheFiveCases();
    JsonNode d = owner.withHeader("X-Consistency", "after=" + position)
        .get("/api/v1/dashboards/outcomes?clinicId=" + clinic).json();

    // Wilson, 2 of 7 (z = 1.959964): centre 0.361645, half-width 0.279424.
    assertInterval(d.get("clearanceRateAfterPrimaryTreatmentCi"), 0.0822189240041, 0.6410655481674);
    assertThat(d.get("insufficientData").asBoolean()).isTrue();
    // The log-log band: day 20, S = 0.8, Greenwood 1/(5*4); it first contains one half from day 20, and its upper
    // edge never falls to one half, so the median's interval is 20 to not reached.
    JsonNode first = d.get("timeToClearance").get(0);
    assertThat(first.get("day").asInt()).isEqualTo(20);
    assertThat(first.get("lower").asDouble()).isCloseTo(0.2038092632676, within(1e-9));
    assertThat(first.get("upper").asDouble()).isCloseTo(0.969179788867, within(1e-9));
    assertThat(d.get("medianDaysToClearanceCi").get("lower").asDouble()).isEqualTo(20.0);
    assertThat(d.get("medianDaysToClearanceCi").get("upper").isNull()).isTrue();
    // On the curve 5 at day 0; 4 at the start of day 30; only S2b (censored at 88) at day 60.
    assertThat(StreamSupport.stream(d.get("numbersAtRisk").spliterator(), false)
        .map(a -> a.get("day").asInt() + ":" + a.get("atRisk").asInt()).toList())
        .containsExactly("0:5", "30:4", "60:1", "90:0", "180:0");
    // Competing outcomes: S1b's own treatment began on day 10 after tP (before it cleared), S3b cleared on
    // day 20 and S1a on day 30 untreated; S4 and S2b censored. Day 10: 1 of 5 treated (0.2), waiting 0.8;
    // day 20: 0.8 / 4 = 0.2 cleared, waiting 0.6; day 30: + 0.6 / 3 = 0.4 cleared.
    JsonNode day30 = d.get("cumulativeIncidence").get(0);
    assertThat(day30.get("day").asInt()).isEqualTo(30);
    assertThat(day30.get("clearedWithoutOwnTreatment").asDouble()).isCloseTo(0.4, within(1e-9));
    assertThat(day30.get("ownTreatment").asDouble()).isCloseTo(0.2, within(1e-9));
    assertThat(d.get("cumulativeIncidence").get(3).get("day").asInt()).isEqualTo(180);
    // No modality and no clinician has 20 secondaries on the curve: nothing to compare.
    assertThat(d.get("modalityComparison").isNull()).isTrue();
    assertThat(d.get("clinicianComparison").isNull()).isTrue();

    // CALF_STRAIN > PATELLOFEMORAL_PAIN: 1 of 3, Wilson 0.061492 .. 0.792340, too few to judge.
    JsonNode topChain = d.get("byChain").get(0);
    assertThat(topChain.get("clearanceRateAfterPrimaryTreatment").asDouble()).isCloseTo(1.0 / 3, within(1e-12));
    assertInterval(topChain.get("clearanceRateAfterPrimaryTreatmentCi"), 0.0614919447204, 0.7923403991980);
    assertThat(topChain.get("insufficientData").asBoolean()).isTrue();
    JsonNode clinicianRow = row(d.get("byClinician"), "clinicianId", clinicianId);
    assertInterval(clinicianRow.get("clearanceRateAfterPrimaryTreatmentCi"), 0.0822189240041, 0.6410655481674);
    assertThat(clinicianRow.get("medianDaysToClearanceCi").get("lower").asDouble()).isEqualTo(20.0);
    // NPRS improved on 1 of 1: Wilson 0.206549 .. 1.
    assertInterval(row(d.get("outcomeMeasures"), "instrument", "NPRS").get("improvedByMcidCi"), 0.206549314377, 1.0);
  }

  @Test
  void thePageShowsEachFigureWithItsIntervalAndMarksWhatRestsOnTooFew() {
    long position = recordTheFiveCases();
    owner.withHeader("X-Consistency", "after=" + position).get("/api/v1/dashboards/outcomes?clinicId=" + clinic);
    WebSession page = WebSession.signIn(port, ownerName, PASSWORD);

    ApiClient.Response response = page.get("/dashboards/outcomes?clinicId=" + clinic);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).as("the whole page").contains("</html>")
        .contains("data-figure=\"overall.clearanceRateCi\">8–64%</span>")
        .contains("data-figure=\"overall.medianDaysCi\">20 to not reached</span>")
        .contains("data-figure=\"overall.insufficient\">too few to judge</span>")
        .contains("Too few secondaries to compare first treatments of the primary");
  }

  @Test
  void fromAndToBoundTheSecondarysOnset() {
    long position = recordTheFiveCases();
    // Only S2 (onset day 3) and S4 (onset day 2) have onsets within days 2..3.
    Response response = owner.withHeader("X-Consistency", "after=" + position).get(
        "/api/v1/dashboards/outcomes?clinicId=" + clinic + "&from=" + t0.plusDays(2) + "&to=" + t0.plusDays(3));
    assertThat(response.json().get("secondaries").get("total").asInt()).isEqualTo(2);
    assertThat(response.json().get("from").asString()).isEqualTo(t0.plusDays(2).toString());
  }

  @Test
  void aDashboardServedAgainIsRecomputedOnceTheClinicsOutcomesChange() {
    long position = recordTheFiveCases();
    Response before = owner.withHeader("X-Consistency", "after=" + position)
        .get("/api/v1/dashboards/outcomes?clinicId=" + clinic);
    assertThat(owner.get("/api/v1/dashboards/outcomes?clinicId=" + clinic).body()).isEqualTo(before.body());

    // A sixth case with one secondary, cleared after its primary was treated.
    CaseScript c6 = CaseScript.open(clinician, clinic, "D-6", t0, 0);
    String primary = c6.injury("HEEL", "LEFT", "PLANTAR_FASCIITIS", 0);
    String secondary = c6.injury("KNEE", "LEFT", "PATELLOFEMORAL_PAIN", 4);
    c6.hypothesis(primary, List.of(secondary));
    c6.treat(primary, "LOADING_PROGRAMME", 6);
    c6.resolve(secondary, 16);
    JsonNode after = owner.withHeader("X-Consistency", "after=" + c6.position())
        .get("/api/v1/dashboards/outcomes?clinicId=" + clinic).json();

    JsonNode was = before.json();
    assertThat(after.get("secondaries").get("total").asInt())
        .isEqualTo(was.get("secondaries").get("total").asInt() + 1);
    assertThat(after.get("secondaries").get("clearedAfterPrimaryTreatment").asInt())
        .isEqualTo(was.get("secondaries").get("clearedAfterPrimaryTreatment").asInt() + 1);
  }

  @Test
  void theCsvExportCarriesTheSameRows() {
    long position = recordTheFiveCases();
    Response csv = owner.withHeader("X-Consistency", "after=" + position)
        .get("/api/v1/dashboards/outcomes.csv?clinicId=" + clinic);
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    String name = csv.header("Content-Disposition");
    assertThat(name).contains("filename=\"outcomes-dashboard-" + clinicSuffix + "-all-dates.csv\"");
    assertThat(csv.body().lines().toList()).startsWith("Outcomes of secondary injuries",
        "Clinic,Dashboard " + clinicSuffix, "Onset from,open", "Onset to,open",
        "Generated at," + owner.get("/api/v1/dashboards/outcomes?clinicId=" + clinic).json().get("computedAt").asString());
    assertThat(csv.body())
        .contains("All secondaries,,,,,,7,2,28.6%,8.2%,64.1%,40,20,not reached,yes")
        .contains("By chain,Calf (gastrocnemius or soleus) strain,Patellofemoral pain,,,,3,1,33.3%,6.1%,79.2%,,,,yes")
        .contains("By clinician,,,dash.clinician." + clinicSuffix + ",")
        .contains("By first treatment of the primary,,,,Progressive loading programme,,3,1,")
        .contains("Cleared with their own treatment,1")
        .contains("Linked to their primary only after they cleared (in no figure),0")
        .contains("30,4,40.0%,20.0%")
        .contains("Between clinicians,too few to compare");
  }

  /**
   * The worked example of ADR 0014: five cases whose links were stated at different times. Only
   * C2's knee (linked on day 2, cleared on day 25, 20 days after the calf's treatment on day 5) and
   * C5's knee (still open, however late its link) count; four secondaries were linked only after
   * they had cleared and are in no figure.
   */
  @Test
  void secondariesLinkedOnlyAfterTheyClearedAreLeftOutOfEveryFigure() {
    // C1: the knee cleared on day 20; the link was first stated on day 30, and the clearance told then.
    CaseScript c1 = CaseScript.open(clinician, clinic, "H-1", t0, 0);
    String p1 = c1.injury("CALF", "LEFT", "CALF_STRAIN", 0);
    String s1 = c1.injury("KNEE", "RIGHT", "PATELLOFEMORAL_PAIN", 3);
    c1.treat(p1, "LOADING_PROGRAMME", 5);
    c1.hypothesis(p1, List.of(s1), 30);
    assertThat(c1.resolve(s1, 20)).isEqualTo("SECONDARY_RESOLVED");

    // C2, a revised hypothesis: calf -> knee on day 2, then calf -> knee and hip on day 30. The knee
    // counts from its first link (day 2 <= day 25); the hip, cleared on day 20, was first linked on day 30.
    CaseScript c2 = CaseScript.open(clinician, clinic, "H-2", t0, 0);
    String p2 = c2.injury("CALF", "LEFT", "CALF_STRAIN", 0);
    String s2knee = c2.injury("KNEE", "RIGHT", "PATELLOFEMORAL_PAIN", 1);
    String s2hip = c2.injury("HIP", "RIGHT", "HIP_FLEXOR_STRAIN", 1);
    c2.hypothesis(p2, List.of(s2knee), 2);
    c2.treat(p2, "LOADING_PROGRAMME", 5);
    c2.hypothesis(p2, List.of(s2knee, s2hip), 30);
    c2.resolve(s2knee, 25);
    c2.resolve(s2hip, 20);

    // C3, an entry in error: the day-1 link was recorded on the wrong case and marked so; the live
    // link is of day 15, after the knee cleared on day 10.
    CaseScript c3 = CaseScript.open(clinician, clinic, "H-3", t0, 0);
    String p3 = c3.injury("CALF", "LEFT", "CALF_STRAIN", 0);
    String s3 = c3.injury("KNEE", "LEFT", "PATELLOFEMORAL_PAIN", 0);
    c3.hypothesis(p3, List.of(s3), 1);
    c3.markInError(c3.lastEventId(), "Recorded on the wrong case");
    c3.treat(p3, "LOADING_PROGRAMME", 3);
    c3.hypothesis(p3, List.of(s3), 15);
    c3.resolve(s3, 10);

    // C4, another primary: calf -> knee on day 1, then Achilles -> knee on day 20, a new link; the knee
    // cleared on day 12, before it.
    CaseScript c4 = CaseScript.open(clinician, clinic, "H-4", t0, 0);
    String calf4 = c4.injury("CALF", "LEFT", "CALF_STRAIN", 0);
    String p4 = c4.injury("ACHILLES", "LEFT", "ACHILLES_TENDINOPATHY", 0);
    String s4 = c4.injury("KNEE", "RIGHT", "PATELLOFEMORAL_PAIN", 0);
    c4.hypothesis(calf4, List.of(s4), 1);
    c4.treat(p4, "SHOCKWAVE", 2);
    c4.hypothesis(p4, List.of(s4), 20);
    c4.resolve(s4, 12);

    // C5: linked late, on day 40, but still open: an open secondary always counts. Censored at today.
    CaseScript c5 = CaseScript.open(clinician, clinic, "H-5", t0, 0);
    String p5 = c5.injury("CALF", "LEFT", "CALF_STRAIN", 0);
    String s5 = c5.injury("KNEE", "RIGHT", "PATELLOFEMORAL_PAIN", 4);
    c5.treat(p5, "LOADING_PROGRAMME", 10);
    c5.hypothesis(p5, List.of(s5), 40);

    long position = List.of(c1, c2, c3, c4, c5).stream().mapToLong(CaseScript::position).max().orElseThrow();
    JsonNode d = owner.withHeader("X-Consistency", "after=" + position)
        .get("/api/v1/dashboards/outcomes?clinicId=" + clinic).json();

    assertThat(d.get("linkedAfterClearance").asInt()).isEqualTo(4);
    JsonNode counts = d.get("secondaries");
    assertThat(counts.get("total").asInt()).isEqualTo(2);
    assertThat(counts.get("clearedAfterPrimaryTreatment").asInt()).isEqualTo(1);
    assertThat(counts.get("clearedWithDirectTreatment").asInt()).isZero();
    assertThat(counts.get("clearedBeforePrimaryTreatment").asInt()).isZero();
    assertThat(counts.get("unresolved").asInt()).isEqualTo(1);
    assertThat(d.get("clearanceRateAfterPrimaryTreatment").asDouble()).isEqualTo(0.5);
    // Kaplan-Meier over C2's knee 20e and C5's knee 90c (today, day 100, less day 10): 0.5 at day 20.
    assertThat(d.get("medianDaysToClearance").asInt()).isEqualTo(20);
    assertThat(d.get("timeToClearance").valueStream().map(p -> p.get("day").asInt())).containsExactly(20, 90);
    assertThat(d.get("byChain").size()).isEqualTo(1);
    assertRow(d.get("byChain").get(0), "count", 2, "clearedAfterPrimaryTreatment", 1);
    assertThat(d.get("byPrimaryCondition").valueStream().map(r -> r.get("conditionCode").asString()))
        .containsExactly("CALF_STRAIN");
    assertThat(d.get("byModality").valueStream().map(r -> r.get("modality").asString()))
        .containsExactly("LOADING_PROGRAMME");
    assertRow(row(d.get("byClinician"), "clinicianId", clinicianId), "secondaries", 2,
        "clearedAfterPrimaryTreatment", 1);
    assertThat(d.get("byMonth").valueStream().mapToInt(m -> m.get("secondaries").asInt()).sum()).isEqualTo(2);

    String csv = owner.get("/api/v1/dashboards/outcomes.csv?clinicId=" + clinic).body();
    assertThat(csv).contains("Linked to their primary only after they cleared (in no figure),4")
        .contains("All secondaries,,,,,,2,1,");

    String page = WebSession.signIn(port, ownerName, PASSWORD).get("/dashboards/outcomes?clinicId=" + clinic).body();
    assertThat(page).containsPattern(">4</span>\\s*secondaries were linked to their primary only after they had"
        + " cleared; they are left out of every figure\\.");
  }

  @Test
  void onlyTheOwnerOfTheClinicSeesItsDashboard() {
    assertThat(as("owner").get("/api/v1/dashboards/outcomes?clinicId=" + clinic).status()).isEqualTo(403);
    assertThat(clinician.get("/api/v1/dashboards/outcomes?clinicId=" + clinic).status()).isEqualTo(403);
    assertThat(as("auditor").get("/api/v1/dashboards/outcomes?clinicId=" + clinic).status()).isEqualTo(403);
    assertThat(anonymous().get("/api/v1/dashboards/outcomes?clinicId=" + clinic).status()).isEqualTo(401);
    assertThat(owner.get("/api/v1/dashboards/outcomes?clinicId=" + clinic + "&from=2026-05-01&to=2026-04-01")
        .status()).isEqualTo(400);
  }

  /**
   * A report as of an instant is the report of the events recorded up to then: whatever is
   * recorded later (an entry in error, a revised hypothesis dated earlier, resolutions dated before
   * the instant, a new case) changes today's dashboard and leaves the earlier report byte for byte.
   */
  @Test
  void aReportAsOfAnInstantIsReproducedExactlyWhateverIsRecordedLater() throws InterruptedException {
    recordTheFiveCases();
    CaseScript x = CaseScript.open(clinician, clinic, "A-1", t0, 0);
    String primary = x.injury("CALF", "LEFT", "CALF_STRAIN", 0);
    String first = x.injury("KNEE", "RIGHT", "PATELLOFEMORAL_PAIN", 2);
    String second = x.injury("HIP", "RIGHT", "HIP_FLEXOR_STRAIN", 2);
    x.hypothesis(primary, List.of(first), 4);
    x.treat(primary, "LOADING_PROGRAMME", 5);
    x.resolve(first, 20);
    String resolution = x.lastEventId();
    Response current = owner.withHeader("X-Consistency", "after=" + x.position())
        .get("/api/v1/dashboards/outcomes?clinicId=" + clinic);
    Thread.sleep(20);
    String asOf = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    Thread.sleep(20);
    String query = "?clinicId=" + clinic + "&asOf=" + asOf;
    Response then = owner.get("/api/v1/dashboards/outcomes" + query);
    assertThat(then.status()).as(then.body()).isEqualTo(200);
    assertThat(then.json().get("asOf").asString()).isEqualTo(asOf);
    assertThat(figures(then.body())).as("as of now, the dashboard of now").isEqualTo(figures(current.body()));
    Response csvThen = owner.get("/api/v1/dashboards/outcomes.csv" + query);

    x.markInError(resolution, "Resolved on the wrong case");
    x.hypothesis(primary, List.of(first, second), 3);
    x.resolve(second, 10);
    x.resolve(first, 12);
    CaseScript y = CaseScript.open(clinician, clinic, "A-2", t0, 0);
    String p2 = y.injury("HEEL", "LEFT", "PLANTAR_FASCIITIS", 0);
    String s2 = y.injury("KNEE", "LEFT", "PATELLOFEMORAL_PAIN", 1);
    y.hypothesis(p2, List.of(s2), 1);
    y.treat(p2, "GAIT_RETRAINING", 2);
    y.resolve(s2, 9);
    JsonNode today = owner.withHeader("X-Consistency", "after=" + y.position())
        .get("/api/v1/dashboards/outcomes?clinicId=" + clinic).json();
    assertThat(today.get("secondaries").get("total").asInt()).as("today's dashboard has the later events")
        .isEqualTo(current.json().get("secondaries").get("total").asInt() + 2);
    assertThat(today.get("asOf").isNull()).isTrue();

    Response later = owner.get("/api/v1/dashboards/outcomes" + query);
    assertThat(later.status()).isEqualTo(200);
    assertThat(without(later.body(), "computedAt")).isEqualTo(without(then.body(), "computedAt"));

    Response csvLater = owner.get("/api/v1/dashboards/outcomes.csv" + query);
    assertThat(csvLater.status()).isEqualTo(200);
    String instantInName = asOf.replace(':', '-');
    assertThat(csvLater.header("Content-Disposition"))
        .contains("filename=\"outcomes-dashboard-" + clinicSuffix + "-all-dates-as-of-" + instantInName + ".csv\"");
    assertThat(csvLater.body().lines().toList()).contains("As of (events recorded up to)," + asOf);
    assertThat(withoutGeneratedAt(csvLater.body())).isEqualTo(withoutGeneratedAt(csvThen.body()));

    WebSession page = WebSession.signIn(port, ownerName, PASSWORD);
    Response asOfPage = page.get("/dashboards/outcomes" + query);
    assertThat(asOfPage.status()).isEqualTo(200);
    assertThat(asOfPage.body()).contains("As-of report").contains(asOf)
        .contains("data-figure=\"overall.total\">" + current.json().get("secondaries").get("total").asInt() + "</span>")
        .contains("asOf=" + asOf);
    assertThat(page.get("/dashboards/outcomes.csv" + query).body()).isEqualTo(csvLater.body());
  }

  @Test
  void anAsOfThatIsMalformedOrInTheFutureIsRefused() {
    for (String asOf : List.of("2026-03-14", "yesterday", "2026-03-14T17:00:00", Instant.now().plusSeconds(3600).toString())) {
      for (String path : List.of("/api/v1/dashboards/outcomes", "/api/v1/dashboards/outcomes.csv")) {
        Response refused = owner.get(path + "?clinicId=" + clinic + "&asOf=" + asOf);
        assertThat(refused.status()).as(path + " " + asOf).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("asOf");
      }
    }
    WebSession page = WebSession.signIn(port, ownerName, PASSWORD);
    assertThat(page.get("/dashboards/outcomes?clinicId=" + clinic + "&asOf=yesterday").body())
        .contains("id=\"asOf-error\"").contains("Enter an instant in UTC, such as 2026-03-14T17:00:00Z.")
        .doesNotContain("data-figure=\"overall.total\"");
    assertThat(page.get("/dashboards/outcomes?clinicId=" + clinic + "&asOf=" + Instant.now().plusSeconds(3600)).body())
        .contains("The instant must not be in the future.");
  }

  /** The dashboard's JSON without the two fields that say when and as of what it was computed. */
  private static String figures(String json) {
    return without(without(json, "computedAt"), "asOf");
  }

  private static String without(String json, String field) {
    return json.replaceAll("\"" + field + "\":(null|\"[^\"]*\"),?", "");
  }

  private static String withoutGeneratedAt(String csv) {
    return csv.replaceAll("Generated at,[^\r\n]*", "");
  }

  /** Records the five cases of the worked example; returns the last event's position. */
  private long recordTheFiveCases() {
    CaseScript c1 = CaseScript.open(clinician, clinic, "D-1", t0, 0);
    String p1 = c1.injury("CALF", "LEFT", "CALF_STRAIN", 0);
    String s1a = c1.injury("KNEE", "RIGHT", "PATELLOFEMORAL_PAIN", 5);
    String s1b = c1.injury("HIP", "RIGHT", "HIP_FLEXOR_STRAIN", 5);
    c1.hypothesis(p1, List.of(s1a, s1b));
    c1.measure(s1a, "NPRS", 6, 5);
    c1.treat(p1, "LOADING_PROGRAMME", 10);
    c1.treat(s1b, "MANUAL_THERAPY", 20);
    c1.measure(s1a, "NPRS", 2, 40);
    assertThat(c1.resolve(s1a, 40)).isEqualTo("SECONDARY_RESOLVED");
    c1.resolve(s1b, 50);

    CaseScript c2 = CaseScript.open(clinician, clinic, "D-2", t0, 0);
    String p2 = c2.injury("ACHILLES", "LEFT", "ACHILLES_TENDINOPATHY", 0);
    String s2 = c2.injury("LOW_BACK", "NOT_APPLICABLE", "LOW_BACK_PAIN", 3);
    String s2b = c2.injury("KNEE", "LEFT", "PATELLOFEMORAL_PAIN", 4);
    c2.hypothesis(p2, List.of(s2, s2b));
    c2.resolve(s2, 8);
    c2.treat(p2, "SHOCKWAVE", 12);

    CaseScript c3 = CaseScript.open(clinician, clinic, "D-3", t0, 0);
    String p3 = c3.injury("HEEL", "RIGHT", "PLANTAR_FASCIITIS", 0);
    String s3a = c3.injury("HIP", "LEFT", null, 5);
    String s3b = c3.injury("KNEE", "LEFT", "ILIOTIBIAL_BAND_SYNDROME", 6);
    c3.hypothesis(p3, List.of(s3a));
    c3.hypothesis(p3, List.of(s3b));
    c3.treat(p3, "GAIT_RETRAINING", 15);
    c3.resolve(s3b, 25);
    c3.markInError(c3.lastEventId(), "Resolved on the wrong date");
    c3.resolve(s3b, 35);
    c3.resolve(s3a, 30);

    CaseScript c4 = CaseScript.open(clinician, clinic, "D-4", t0, 0);
    String p4 = c4.injury("CALF", "RIGHT", "CALF_STRAIN", 0);
    String s4 = c4.injury("KNEE", "LEFT", "PATELLOFEMORAL_PAIN", 2);
    c4.hypothesis(p4, List.of(s4));
    c4.measure(s4, "LEFS", 50, 3);
    c4.treat(p4, "LOADING_PROGRAMME", 5);
    c4.measure(s4, "LEFS", 55, 30);
    c4.close(60);

    CaseScript c5 = CaseScript.open(clinician, clinic, "D-5", t0, 0);
    String p5 = c5.injury("CALF", "LEFT", "CALF_STRAIN", 0);
    String s5 = c5.injury("KNEE", "RIGHT", "PATELLOFEMORAL_PAIN", 4);
    c5.hypothesis(p5, List.of(s5));

    return List.of(c1, c2, c3, c4, c5).stream().mapToLong(CaseScript::position).max().orElseThrow();
  }

  private static JsonNode row(JsonNode rows, String key, String value) {
    return StreamSupport.stream(rows.spliterator(), false)
        .filter(r -> r.get(key) != null && value.equals(r.get(key).asString()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row with " + key + "=" + value + " in " + rows));
  }

  private static void assertInterval(JsonNode interval, double lower, double upper) {
    assertThat(interval.get("lower").asDouble()).isCloseTo(lower, within(1e-9));
    assertThat(interval.get("upper").asDouble()).isCloseTo(upper, within(1e-9));
  }

  private static void assertRow(JsonNode row, Object... fieldsAndValues) {
    for (int i = 0; i < fieldsAndValues.length; i += 2) {
      assertThat(row.get((String) fieldsAndValues[i]).asInt()).as(fieldsAndValues[i] + " of " + row)
          .isEqualTo(fieldsAndValues[i + 1]);
    }
  }
}
