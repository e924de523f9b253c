package com.kineticcasebook.projections.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import com.kineticcasebook.outcomes.Classification;
import com.kineticcasebook.outcomes.ConfidenceInterval;
import com.kineticcasebook.outcomes.OutcomeDashboard;
import com.kineticcasebook.outcomes.SecondaryOutcome;
import com.kineticcasebook.reference.OutcomeInstrument;
import com.kineticcasebook.reference.TreatmentModality;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The dashboard figures on a fixed set of secondaries, computed by hand in the comments. */
class OutcomeStatisticsTest {

  static final LocalDate T0 = LocalDate.of(2026, 1, 1);
  static final LocalDate TODAY = T0.plusDays(100);
  static final Instant NOW = TODAY.atStartOfDay(ZoneOffset.UTC).toInstant();
  static final UUID CLINIC = UUID.randomUUID();
  static final UUID CLINICIAN = UUID.randomUUID();

  /** The fixed set of the hand computation below. */
  static List<SecondaryOutcome> handWorked() {
    return List.of(
        // AFTER: tP = T0+10, resolved T0+40 -> event at 30 days.
        row("CALF_STRAIN", "PATELLOFEMORAL_PAIN", 10, TreatmentModality.LOADING_PROGRAMME, false, 40, null,
            Classification.CLEARED_AFTER_PRIMARY_TREATMENT),
        // DIRECT: resolved T0+50 -> event at 40 days (any resolution after tP is an event).
        // Its own treatment started T0+30, 20 days after tP, before it resolved.
        row("CALF_STRAIN", "HIP_FLEXOR_STRAIN", 10, TreatmentModality.LOADING_PROGRAMME, true, 50, null,
            Classification.CLEARED_WITH_DIRECT_TREATMENT, 30),
        // BEFORE: resolved T0+8 < tP T0+12 -> outside the curve.
        row("ACHILLES_TENDINOPATHY", "LOW_BACK_PAIN", 12, TreatmentModality.SHOCKWAVE, false, 8, null,
            Classification.CLEARED_BEFORE_PRIMARY_TREATMENT),
        // UNRESOLVED, open case: censored at today - tP = 100 - 12 = 88.
        row("ACHILLES_TENDINOPATHY", "PATELLOFEMORAL_PAIN", 12, TreatmentModality.SHOCKWAVE, false, null, null,
            Classification.UNRESOLVED),
        // AFTER: tP T0+15, resolved T0+35 -> event at 20 days.
        row("PLANTAR_FASCIITIS", "ILIOTIBIAL_BAND_SYNDROME", 15, TreatmentModality.GAIT_RETRAINING, false, 35, null,
            Classification.CLEARED_AFTER_PRIMARY_TREATMENT),
        // UNRESOLVED on a case closed at T0+60: censored at 60 - 5 = 55.
        row("CALF_STRAIN", "PATELLOFEMORAL_PAIN", 5, TreatmentModality.LOADING_PROGRAMME, false, null, 60,
            Classification.UNRESOLVED),
        // UNRESOLVED, primary never treated: outside the curve.
        row("CALF_STRAIN", "PATELLOFEMORAL_PAIN", null, null, false, null, null, Classification.UNRESOLVED));
  }

  @Test
  void figuresMatchTheHandComputation() {
    List<SecondaryOutcome> secondaries = handWorked();

    OutcomeDashboard d = OutcomeStatistics.dashboard(CLINIC, null, null, secondaries, List.of(), TODAY, NOW);

    assertThat(d.secondaries()).isEqualTo(new OutcomeDashboard.Counts(7, 2, 1, 1, 3));
    assertThat(d.clearanceRateAfterPrimaryTreatment()).isEqualTo(2.0 / 7);
    // Curve over 20e, 30e, 40e, 55c, 88c: 0.8, 0.6, 0.4 -> median 40.
    assertThat(d.medianDaysToClearance()).isEqualTo(40);
    assertThat(d.timeToClearance()).extracting(OutcomeDashboard.SurvivalPoint::day).containsExactly(20, 30, 40, 55, 88);

    assertThat(d.byPrimaryCondition()).extracting(OutcomeDashboard.ByPrimaryCondition::conditionCode,
            OutcomeDashboard.ByPrimaryCondition::secondaries,
            OutcomeDashboard.ByPrimaryCondition::clearedAfterPrimaryTreatment,
            OutcomeDashboard.ByPrimaryCondition::medianDaysToClearance)
        .containsExactlyInAnyOrder(
            // 30e, 40e, 55c -> 2/3, 1/3 -> 40.
            tuple("CALF_STRAIN", 4, 1, 40),
            tuple("ACHILLES_TENDINOPATHY", 2, 0, null),
            tuple("PLANTAR_FASCIITIS", 1, 1, 20));
    assertThat(d.byChain()).first()
        .extracting(OutcomeDashboard.ByChain::primaryConditionCode, OutcomeDashboard.ByChain::secondaryConditionCode,
            OutcomeDashboard.ByChain::count, OutcomeDashboard.ByChain::clearedAfterPrimaryTreatment)
        .containsExactly("CALF_STRAIN", "PATELLOFEMORAL_PAIN", 3, 1);
    assertThat(d.byChain()).hasSize(5);
    assertThat(d.byModality()).extracting(OutcomeDashboard.ByModality::modality, OutcomeDashboard.ByModality::secondaries,
            OutcomeDashboard.ByModality::clearedAfterPrimaryTreatment, OutcomeDashboard.ByModality::medianDaysToClearance)
        .contains(
            tuple("LOADING_PROGRAMME", 3, 1, 40),
            tuple("SHOCKWAVE", 2, 0, null),
            tuple("GAIT_RETRAINING", 1, 1, 20),
            tuple(null, 1, 0, null));
    assertThat(d.byClinician()).extracting(OutcomeDashboard.ByClinician::clinicianId,
            OutcomeDashboard.ByClinician::secondaries, OutcomeDashboard.ByClinician::clearedAfterPrimaryTreatment,
            OutcomeDashboard.ByClinician::clearanceRateAfterPrimaryTreatment,
            OutcomeDashboard.ByClinician::medianDaysToClearance)
        .containsExactly(tuple(CLINICIAN, 7, 2, 2.0 / 7, 40));
  }

  @Test
  void everyShareHasItsWilsonIntervalAndSmallRowsAreMarked() {
    OutcomeDashboard d = OutcomeStatistics.dashboard(CLINIC, null, null, handWorked(), List.of(), TODAY, NOW);

    // 2 of 7, z = 1.959964, z^2 = 3.841459: centre (2/7 + z^2/14) / (1 + z^2/7) = 0.361645,
    // half-width z / (1 + z^2/7) * sqrt((2/7)(5/7)/7 + z^2/196) = 0.279424 -> 0.082219 .. 0.641066.
    assertInterval(d.clearanceRateAfterPrimaryTreatmentCi(), 0.0822189240041, 0.6410655481674);
    assertThat(d.insufficientData()).isTrue();
    OutcomeDashboard.ByClinician clinician = d.byClinician().get(0);
    assertInterval(clinician.clearanceRateAfterPrimaryTreatmentCi(), 0.0822189240041, 0.6410655481674);
    assertThat(clinician.insufficientData()).isTrue();
    // CALF_STRAIN > PATELLOFEMORAL_PAIN: 1 of 3 -> centre (1/3 + z^2/6) / (1 + z^2/3) = 0.427081,
    // half-width 0.365371 -> 0.061492 .. 0.792340.
    OutcomeDashboard.ByChain chain = d.byChain().get(0);
    assertThat(chain.clearanceRateAfterPrimaryTreatment()).isEqualTo(1.0 / 3);
    assertInterval(chain.clearanceRateAfterPrimaryTreatmentCi(), 0.0614919447204, 0.7923403991980);
    assertThat(chain.insufficientData()).isTrue();
    assertThat(d.byMonth()).singleElement().satisfies(month -> {
      assertThat(month.clearanceRateAfterPrimaryTreatment()).isEqualTo(2.0 / 7);
      assertInterval(month.clearanceRateAfterPrimaryTreatmentCi(), 0.0822189240041, 0.6410655481674);
    });
    assertThat(d.byModality()).filteredOn(m -> "GAIT_RETRAINING".equals(m.modality())).singleElement()
        .satisfies(m -> assertThat(m.clearanceRateAfterPrimaryTreatment()).isEqualTo(1.0));
  }

  @Test
  void theCurveHasItsLogLogBandTheMedianItsIntervalAndTheChartItsNumbersAtRisk() {
    OutcomeDashboard d = OutcomeStatistics.dashboard(CLINIC, null, null, handWorked(), List.of(), TODAY, NOW);

    // Day 20: S = 0.8, Greenwood sum 1/(5*4) = 0.05, log S = -0.223144;
    // exp(-exp(log(-log S) -/+ z*sqrt(0.05)/log S)) -> 0.203809 .. 0.969180.
    // Day 30: S = 0.6, sum 0.05 + 1/(4*3) = 0.133333 -> 0.125730 .. 0.881756.
    // Day 40: S = 0.4, sum 0.133333 + 1/(3*2) = 0.3 -> 0.051976 .. 0.752816, kept through the censorings.
    assertThat(d.timeToClearance()).extracting(OutcomeDashboard.SurvivalPoint::day).containsExactly(20, 30, 40, 55, 88);
    double[][] band = {{0.2038092632676, 0.969179788867}, {0.1257301829944, 0.881756407394},
        {0.0519757503775, 0.752815791359}, {0.0519757503775, 0.752815791359}, {0.0519757503775, 0.752815791359}};
    for (int i = 0; i < band.length; i++) {
      OutcomeDashboard.SurvivalPoint point = d.timeToClearance().get(i);
      assertInterval(new ConfidenceInterval(point.lower(), point.upper()), band[i][0], band[i][1]);
    }
    // The lower edge is at or below one half from day 20; the upper edge never falls to one half.
    assertThat(d.medianDaysToClearanceCi()).isEqualTo(new ConfidenceInterval(20.0, null));
    // 5 on the curve at day 0; the step of day 30 starts with 4; on day 60 only the one censored at 88.
    assertThat(d.numbersAtRisk()).containsExactly(new OutcomeDashboard.AtRisk(0, 5), new OutcomeDashboard.AtRisk(30, 4),
        new OutcomeDashboard.AtRisk(60, 1), new OutcomeDashboard.AtRisk(90, 0), new OutcomeDashboard.AtRisk(180, 0));
  }

  @Test
  void theCompetingOutcomesAreAalenJohansenOverTheCurvesSecondaries() {
    OutcomeDashboard d = OutcomeStatistics.dashboard(CLINIC, null, null, handWorked(), List.of(), TODAY, NOW);

    // On the curve: 20 cleared, 20 own treatment (started T0+30, resolved later), 30 cleared, 55 and 88 censored.
    // Day 20: 5 at risk, 1 each -> 0.2 and 0.2, still waiting 0.6; day 30: 3 at risk -> 0.2 + 0.6/3 = 0.4.
    assertThat(d.cumulativeIncidence()).containsExactly(
        new OutcomeDashboard.IncidencePoint(30, 0.4, 0.2), new OutcomeDashboard.IncidencePoint(60, 0.4, 0.2),
        new OutcomeDashboard.IncidencePoint(90, 0.4, 0.2), new OutcomeDashboard.IncidencePoint(180, 0.4, 0.2));
  }

  @Test
  void anOwnTreatmentBeforeTheResolutionOrWhileOpenIsTheOutcomeOnItsDayAndNeverBeforeTheCurveStarts() {
    List<SecondaryOutcome> secondaries = List.of(
        // tP T0+10; own treatment T0+5, still open: own treatment at day 0.
        row("CALF_STRAIN", "PATELLOFEMORAL_PAIN", 10, TreatmentModality.LOADING_PROGRAMME, true, null, null,
            Classification.UNRESOLVED, 5),
        // Own treatment T0+15, resolved T0+20: own treatment at day 5.
        row("CALF_STRAIN", "PATELLOFEMORAL_PAIN", 10, TreatmentModality.LOADING_PROGRAMME, true, 20, null,
            Classification.CLEARED_WITH_DIRECT_TREATMENT, 15),
        // Resolved T0+30, its own treatment only after, T0+40: cleared without own treatment at day 20.
        row("CALF_STRAIN", "PATELLOFEMORAL_PAIN", 10, TreatmentModality.LOADING_PROGRAMME, true, 30, null,
            Classification.CLEARED_WITH_DIRECT_TREATMENT, 40),
        // Open, no treatment of its own: censored at today - tP = 90.
        row("CALF_STRAIN", "PATELLOFEMORAL_PAIN", 10, TreatmentModality.LOADING_PROGRAMME, false, null, null,
            Classification.UNRESOLVED));

    OutcomeDashboard d = OutcomeStatistics.dashboard(CLINIC, null, null, secondaries, List.of(), TODAY, NOW);

    // Day 0: 4 at risk, 1 own -> 0.25, waiting 0.75; day 5: 3 at risk -> own 0.25 + 0.75/3 = 0.5,
    // waiting 0.5; day 20: 2 at risk -> cleared 0.5/2 = 0.25.
    assertThat(d.cumulativeIncidence()).first().isEqualTo(new OutcomeDashboard.IncidencePoint(30, 0.25, 0.5));
    assertThat(d.cumulativeIncidence()).last().isEqualTo(new OutcomeDashboard.IncidencePoint(180, 0.25, 0.5));
  }

  @Test
  void theLogRankComparisonTakesOnlyGroupsOfAtLeastTwentyOnTheCurve() {
    List<SecondaryOutcome> secondaries = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      // 20 with loading cleared on day 10 after tP, 20 with shockwave on day 20.
      secondaries.add(row("CALF_STRAIN", "PATELLOFEMORAL_PAIN", 0, TreatmentModality.LOADING_PROGRAMME, false, 10,
          null, Classification.CLEARED_AFTER_PRIMARY_TREATMENT));
      secondaries.add(row("CALF_STRAIN", "PATELLOFEMORAL_PAIN", 0, TreatmentModality.SHOCKWAVE, false, 20,
          null, Classification.CLEARED_AFTER_PRIMARY_TREATMENT));
    }
    for (int i = 0; i < 19; i++) {
      // 19 with gait retraining: too few to compare, and left out of the test.
      secondaries.add(row("CALF_STRAIN", "PATELLOFEMORAL_PAIN", 0, TreatmentModality.GAIT_RETRAINING, false, 1,
          null, Classification.CLEARED_AFTER_PRIMARY_TREATMENT));
    }

    OutcomeDashboard d = OutcomeStatistics.dashboard(CLINIC, null, null, secondaries, List.of(), TODAY, NOW);

    // Day 10: 40 at risk, 20 cleared, all loading: O - E = 20 - 20 * 20/40 = 10,
    // V = 20 * 20 / 39 * (1/2) * (1/2) = 100/39. Day 20: only shockwave at risk, V = 0.
    // Chi-square 10^2 / (100/39) = 39 on 1 degree of freedom, p = 4.238e-10.
    OutcomeDashboard.Comparison modality = d.modalityComparison();
    assertThat(modality.groups()).containsExactly("LOADING_PROGRAMME", "SHOCKWAVE");
    assertThat(modality.chiSquare()).isCloseTo(39.0, within(1e-9));
    assertThat(modality.degreesOfFreedom()).isEqualTo(1);
    assertThat(modality.pValue()).isCloseTo(4.23805542608e-10, within(1e-15));
    // One clinician: nothing to compare.
    assertThat(d.clinicianComparison()).isNull();
    assertThat(d.insufficientData()).isFalse();
    assertThat(d.byModality()).filteredOn(m -> "GAIT_RETRAINING".equals(m.modality())).singleElement()
        .satisfies(m -> assertThat(m.insufficientData()).isTrue());
    assertThat(d.byModality()).filteredOn(m -> "SHOCKWAVE".equals(m.modality())).singleElement()
        .satisfies(m -> assertThat(m.insufficientData()).isFalse());
  }

  @Test
  void anEmptyClinicHasNoRateAndNoMedian() {
    OutcomeDashboard d = OutcomeStatistics.dashboard(CLINIC, null, null, List.of(), List.of(), TODAY, NOW);
    assertThat(d.clearanceRateAfterPrimaryTreatment()).isNull();
    assertThat(d.medianDaysToClearance()).isNull();
    assertThat(d.secondaries().total()).isZero();
    assertThat(d.clearanceRateAfterPrimaryTreatmentCi()).isNull();
    assertThat(d.medianDaysToClearanceCi()).isEqualTo(new ConfidenceInterval(null, null));
    assertThat(d.cumulativeIncidence()).isEmpty();
    assertThat(d.modalityComparison()).isNull();
    assertThat(d.insufficientData()).isTrue();
  }

  private static void assertInterval(ConfidenceInterval interval, double lower, double upper) {
    assertThat(interval.lower()).isCloseTo(lower, within(1e-9));
    assertThat(interval.upper()).isCloseTo(upper, within(1e-9));
  }

  @Test
  void secondariesLinkedAfterClearanceAreInNoFigure_onlyCounted() {
    List<SecondaryOutcome> counted = List.of(
        row("CALF_STRAIN", "PATELLOFEMORAL_PAIN", 10, TreatmentModality.LOADING_PROGRAMME, false, 40, null,
            Classification.CLEARED_AFTER_PRIMARY_TREATMENT),
        row("CALF_STRAIN", "PATELLOFEMORAL_PAIN", 5, TreatmentModality.LOADING_PROGRAMME, false, null, 60,
            Classification.UNRESOLVED));
    // Each would move the counts, the rate, the curve and a breakdown of its own, were it counted.
    SecondaryOutcome hindsightAfter = new SecondaryOutcome(UUID.randomUUID(), CLINIC, UUID.randomUUID(),
        UUID.randomUUID(), "LOW_BACK_PAIN", T0.plusDays(70), UUID.randomUUID(), "PLANTAR_FASCIITIS", T0.plusDays(2),
        TreatmentModality.SHOCKWAVE, false, T0.plusDays(4), null, Classification.CLEARED_AFTER_PRIMARY_TREATMENT, true,
        null);
    SecondaryOutcome hindsightBefore = new SecondaryOutcome(UUID.randomUUID(), CLINIC, CLINICIAN, UUID.randomUUID(),
        "HIP_FLEXOR_STRAIN", T0.plusDays(3), UUID.randomUUID(), "CALF_STRAIN", null, null, false, T0.plusDays(6),
        null, Classification.CLEARED_BEFORE_PRIMARY_TREATMENT, true, null);
    List<SecondaryOutcome> all = List.of(counted.get(0), hindsightAfter, counted.get(1), hindsightBefore);

    OutcomeDashboard withHindsight = OutcomeStatistics.dashboard(CLINIC, null, null, all, List.of(), TODAY, NOW);
    OutcomeDashboard without = OutcomeStatistics.dashboard(CLINIC, null, null, counted, List.of(), TODAY, NOW);

    assertThat(withHindsight.linkedAfterClearance()).isEqualTo(2);
    assertThat(without.linkedAfterClearance()).isZero();
    assertThat(withHindsight.secondaries()).isEqualTo(new OutcomeDashboard.Counts(2, 1, 0, 0, 1));
    assertThat(withHindsight.clearanceRateAfterPrimaryTreatment()).isEqualTo(0.5);
    assertThat(withHindsight).usingRecursiveComparison().ignoringFields("linkedAfterClearance").isEqualTo(without);
  }

  private static SecondaryOutcome row(String primary, String secondary, Integer treatedDay, TreatmentModality modality,
      boolean direct, Integer resolvedDay, Integer closedDay, Classification classification) {
    return row(primary, secondary, treatedDay, modality, direct, resolvedDay, closedDay, classification, null);
  }

  private static SecondaryOutcome row(String primary, String secondary, Integer treatedDay, TreatmentModality modality,
      boolean direct, Integer resolvedDay, Integer closedDay, Classification classification, Integer ownTreatmentDay) {
    return new SecondaryOutcome(UUID.randomUUID(), CLINIC, CLINICIAN, UUID.randomUUID(), secondary, T0.plusDays(3),
        UUID.randomUUID(), primary, treatedDay == null ? null : T0.plusDays(treatedDay), modality, direct,
        resolvedDay == null ? null : T0.plusDays(resolvedDay), closedDay == null ? null : T0.plusDays(closedDay),
        classification, false, ownTreatmentDay == null ? null : T0.plusDays(ownTreatmentDay));
  }

  @Test
  void givenTalliesOfScoreChanges_whenSummedPerInstrument_thenImprovementIsCountedAgainstTheMcidInTheBetterDirection() {
    // NPRS (lower is better, MCID 2): 6->2 once (+4, improved), 5->4 twice (+1 each, not improved).
    // LEFS (higher is better, MCID 9): 40->52 once (+12, improved), 50->45 once (-5).
    List<OutcomeStatistics.MeasureTally> tallies = List.of(
        new OutcomeStatistics.MeasureTally(OutcomeInstrument.NPRS, 6, 2, 1),
        new OutcomeStatistics.MeasureTally(OutcomeInstrument.NPRS, 5, 4, 2),
        new OutcomeStatistics.MeasureTally(OutcomeInstrument.LEFS, 40, 52, 1),
        new OutcomeStatistics.MeasureTally(OutcomeInstrument.LEFS, 50, 45, 1));

    List<OutcomeDashboard.ByInstrument> rows = OutcomeStatistics.byInstrument(tallies);

    assertThat(rows).containsExactly(
        new OutcomeDashboard.ByInstrument("NPRS", 2, 3, 1, (4.0 + 1 + 1) / 3, Wilson.interval(1, 3), true),
        new OutcomeDashboard.ByInstrument("LEFS", 9, 2, 1, (12.0 - 5) / 2, Wilson.interval(1, 2), true));
  }
}
