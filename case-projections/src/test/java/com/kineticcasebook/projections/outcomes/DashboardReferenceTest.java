package com.kineticcasebook.projections.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.kineticcasebook.outcomes.Classification;
import com.kineticcasebook.outcomes.ConfidenceInterval;
import com.kineticcasebook.outcomes.OutcomeDashboard;
import com.kineticcasebook.outcomes.SecondaryOutcome;
import com.kineticcasebook.reference.TreatmentModality;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's own figures, computed by {@link OutcomeStatistics} from secondaries as the read
 * side stores them, equal R's over the committed reference data set ({@code outcomes/reference/}):
 * each of its 260 rows becomes one secondary whose primary was treated on {@link #T_P}, resolved
 * {@code km_time} days later (else on a case closed then), with a treatment of its own
 * {@code cr_time} days after tP when {@code cr_status} is 2 (three days before tP when that is
 * day 0, which the rules count as day 0). The data set's modalities stand for three of the product's.
 */
class DashboardReferenceTest {

  private static final double TOLERANCE = 1e-9;
  private static final LocalDate T_P = LocalDate.of(2026, 1, 5);
  private static final Map<String, TreatmentModality> MODALITIES = Map.of(
      "EDUCATION_AND_LOAD_MANAGEMENT", TreatmentModality.EDUCATION,
      "EXERCISE_THERAPY", TreatmentModality.LOADING_PROGRAMME,
      "SHOCKWAVE", TreatmentModality.SHOCKWAVE);

  private static OutcomeDashboard dashboard;
  private static Map<String, List<String[]>> expected;

  @BeforeAll
  static void compute() throws IOException {
    UUID clinic = UUID.nameUUIDFromBytes("clinic".getBytes(StandardCharsets.UTF_8));
    List<SecondaryOutcome> secondaries = lines("data.csv").stream().skip(1).map(line -> line.split(","))
        .map(f -> secondary(clinic, Integer.parseInt(f[0]), f[1].equals("1"), Integer.parseInt(f[2]),
            Integer.parseInt(f[3]), MODALITIES.get(f[4]), f[5]))
        .toList();
    dashboard = OutcomeStatistics.dashboard(clinic, null, null, secondaries, List.of(), T_P.plusDays(400),
        Instant.EPOCH);
    expected = lines("expected.txt").stream().map(line -> line.trim().split(" +"))
        .collect(Collectors.groupingBy(f -> f[0], TreeMap::new, Collectors.toList()));
  }

  private static SecondaryOutcome secondary(UUID clinic, int kmTime, boolean cleared, int crTime, int crStatus,
      TreatmentModality modality, String clinician) {
    LocalDate resolvedOn = cleared ? T_P.plusDays(kmTime) : null;
    LocalDate ownTreatment = crStatus != 2 ? null : crTime == 0 ? T_P.minusDays(3) : T_P.plusDays(crTime);
    return new SecondaryOutcome(UUID.randomUUID(), clinic,
        UUID.nameUUIDFromBytes(clinician.getBytes(StandardCharsets.UTF_8)), UUID.randomUUID(), "PATELLOFEMORAL_PAIN",
        T_P.minusDays(20), UUID.randomUUID(), "CALF_STRAIN", T_P, modality, ownTreatment != null, resolvedOn,
        cleared ? null : T_P.plusDays(kmTime), Classification.of(resolvedOn, ownTreatment != null, T_P), false,
        ownTreatment);
  }

  @Test
  void theCurveItsBandAndTheNumbersAtRiskEqualSurvfit() {
    List<String[]> reference = expected.get("km");
    assertThat(dashboard.timeToClearance()).hasSize(reference.size());
    for (int i = 0; i < reference.size(); i++) {
      OutcomeDashboard.SurvivalPoint point = dashboard.timeToClearance().get(i);
      String[] r = reference.get(i);
      assertThat(point.day()).isEqualTo(Integer.parseInt(r[1]));
      assertThat(point.atRisk()).isEqualTo(Integer.parseInt(r[2]));
      assertThat(point.cleared()).isEqualTo(Integer.parseInt(r[3]));
      assertThat(point.censored()).isEqualTo(Integer.parseInt(r[4]));
      assertThat(point.survival()).isCloseTo(Double.parseDouble(r[5]), within(TOLERANCE));
      assertThat(point.lower()).isCloseTo(Double.parseDouble(r[6]), within(TOLERANCE));
      assertThat(point.upper()).isCloseTo(Double.parseDouble(r[7]), within(TOLERANCE));
    }
    assertThat(dashboard.numbersAtRisk()).containsExactlyElementsOf(expected.get("dashboard.atrisk").stream()
        .map(r -> new OutcomeDashboard.AtRisk(Integer.parseInt(r[1]), Integer.parseInt(r[2]))).toList());
  }

  @Test
  void theMediansAndTheirIntervalsEqualQuantile() {
    String[] overall = expected.get("median").get(0);
    assertThat(dashboard.medianDaysToClearance()).isEqualTo(Integer.parseInt(overall[1]));
    assertThat(dashboard.medianDaysToClearanceCi()).isEqualTo(interval(overall[2], overall[3]));
    MODALITIES.forEach((code, modality) -> {
      String[] r = expected.get("median." + code).get(0);
      OutcomeDashboard.ByModality row = row(modality);
      assertThat(row.medianDaysToClearance()).isEqualTo(Integer.parseInt(r[1]));
      assertThat(row.medianDaysToClearanceCi()).isEqualTo(interval(r[2], r[3]));
    });
  }

  @Test
  void theRatesAndTheirIntervalsEqualPropTest() {
    String[] overall = expected.get("dashboard.rate").get(0);
    assertThat(dashboard.secondaries().clearedAfterPrimaryTreatment()).isEqualTo(Integer.parseInt(overall[1]));
    assertThat(dashboard.secondaries().total()).isEqualTo(Integer.parseInt(overall[2]));
    assertCloseTo(dashboard.clearanceRateAfterPrimaryTreatmentCi(), overall[3], overall[4]);
    MODALITIES.forEach((code, modality) -> {
      String[] r = expected.get("dashboard.rate." + code).get(0);
      OutcomeDashboard.ByModality row = row(modality);
      assertThat(row.clearedAfterPrimaryTreatment()).isEqualTo(Integer.parseInt(r[1]));
      assertThat(row.secondaries()).isEqualTo(Integer.parseInt(r[2]));
      assertCloseTo(row.clearanceRateAfterPrimaryTreatmentCi(), r[3], r[4]);
    });
  }

  @Test
  void theComparisonsEqualSurvdiff() {
    assertLogRank(dashboard.modalityComparison(), expected.get("logrank.modality").get(0));
    assertLogRank(dashboard.clinicianComparison(), expected.get("logrank.clinician").get(0));
    assertThat(dashboard.modalityComparison().groups()).containsExactly("EDUCATION", "LOADING_PROGRAMME", "SHOCKWAVE");
  }

  @Test
  void theCompetingOutcomesEqualCuminc() {
    List<String[]> reference = expected.get("cuminc");
    assertThat(dashboard.cumulativeIncidence()).hasSize(reference.size());
    for (int i = 0; i < reference.size(); i++) {
      OutcomeDashboard.IncidencePoint point = dashboard.cumulativeIncidence().get(i);
      String[] r = reference.get(i);
      assertThat(point.day()).isEqualTo(Integer.parseInt(r[1]));
      assertThat(point.clearedWithoutOwnTreatment()).isCloseTo(Double.parseDouble(r[2]), within(TOLERANCE));
      assertThat(point.ownTreatment()).isCloseTo(Double.parseDouble(r[3]), within(TOLERANCE));
    }
  }

  private static OutcomeDashboard.ByModality row(TreatmentModality modality) {
    return dashboard.byModality().stream().filter(m -> modality.name().equals(m.modality())).findFirst().orElseThrow();
  }

  private static ConfidenceInterval interval(String lower, String upper) {
    return new ConfidenceInterval(lower.equals("NA") ? null : Double.parseDouble(lower),
        upper.equals("NA") ? null : Double.parseDouble(upper));
  }

  private static void assertCloseTo(ConfidenceInterval interval, String lower, String upper) {
    assertThat(interval.lower()).isCloseTo(Double.parseDouble(lower), within(TOLERANCE));
    assertThat(interval.upper()).isCloseTo(Double.parseDouble(upper), within(TOLERANCE));
  }

  private static void assertLogRank(OutcomeDashboard.Comparison comparison, String[] r) {
    assertThat(comparison.chiSquare()).isCloseTo(Double.parseDouble(r[1]), within(1e-8));
    assertThat(comparison.degreesOfFreedom()).isEqualTo(Integer.parseInt(r[2]));
    assertThat(comparison.pValue()).isCloseTo(Double.parseDouble(r[3]), within(1e-10));
  }

  private static List<String> lines(String name) throws IOException {
    try (InputStream in = DashboardReferenceTest.class.getResourceAsStream("/outcomes/reference/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    }
  }
}
