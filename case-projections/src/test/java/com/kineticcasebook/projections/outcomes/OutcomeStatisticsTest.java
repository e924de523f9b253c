package com.kineticcasebook.projections.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.outcomes.Classification;
import com.kineticcasebook.outcomes.OutcomeDashboard;
import com.kineticcasebook.outcomes.SecondaryOutcome;
import com.kineticcasebook.reference.OutcomeInstrument;
import com.kineticcasebook.reference.TreatmentModality;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The dashboard figures on a fixed set of secondaries, computed by hand in the comments. */
class OutcomeStatisticsTest {

  static final LocalDate T0 = LocalDate.of(2026, 1, 1);
  static final LocalDate TODAY = T0.plusDays(100);
  static final UUID CLINIC = UUID.randomUUID();
  static final UUID CLINICIAN = UUID.randomUUID();

  @Test
  void figuresMatchTheHandComputation() {
    List<SecondaryOutcome> secondaries = List.of(
        // AFTER: tP = T0+10, resolved T0+40 -> event at 30 days.
        row("CALF_STRAIN", "PATELLOFEMORAL_PAIN", 10, TreatmentModality.LOADING_PROGRAMME, false, 40, null,
            Classification.CLEARED_AFTER_PRIMARY_TREATMENT),
        // DIRECT: resolved T0+50 -> event at 40 days (any resolution after tP is an event).
        row("CALF_STRAIN", "HIP_FLEXOR_STRAIN", 10, TreatmentModality.LOADING_PROGRAMME, true, 50, null,
            Classification.CLEARED_WITH_DIRECT_TREATMENT),
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

    OutcomeDashboard d = OutcomeStatistics.dashboard(CLINIC, null, null, secondaries, List.of(), TODAY);

    assertThat(d.secondaries()).isEqualTo(new OutcomeDashboard.Counts(7, 2, 1, 1, 3));
    assertThat(d.clearanceRateAfterPrimaryTreatment()).isEqualTo(2.0 / 7);
    // Curve over 20e, 30e, 40e, 55c, 88c: 0.8, 0.6, 0.4 -> median 40.
    assertThat(d.medianDaysToClearance()).isEqualTo(40);
    assertThat(d.timeToClearance()).extracting(OutcomeDashboard.SurvivalPoint::day).containsExactly(20, 30, 40, 55, 88);

    assertThat(d.byPrimaryCondition()).containsExactlyInAnyOrder(
        // 30e, 40e, 55c -> 2/3, 1/3 -> 40.
        new OutcomeDashboard.ByPrimaryCondition("CALF_STRAIN", 4, 1, 40),
        new OutcomeDashboard.ByPrimaryCondition("ACHILLES_TENDINOPATHY", 2, 0, null),
        new OutcomeDashboard.ByPrimaryCondition("PLANTAR_FASCIITIS", 1, 1, 20));
    assertThat(d.byChain()).first().isEqualTo(
        new OutcomeDashboard.ByChain("CALF_STRAIN", "PATELLOFEMORAL_PAIN", 3, 1));
    assertThat(d.byChain()).hasSize(5);
    assertThat(d.byModality()).contains(
        new OutcomeDashboard.ByModality("LOADING_PROGRAMME", 3, 1, 40),
        new OutcomeDashboard.ByModality("SHOCKWAVE", 2, 0, null),
        new OutcomeDashboard.ByModality("GAIT_RETRAINING", 1, 1, 20),
        new OutcomeDashboard.ByModality(null, 1, 0, null));
    assertThat(d.byClinician()).containsExactly(new OutcomeDashboard.ByClinician(CLINICIAN, 7, 2, 2.0 / 7, 40));
  }

  @Test
  void anEmptyClinicHasNoRateAndNoMedian() {
    OutcomeDashboard d = OutcomeStatistics.dashboard(CLINIC, null, null, List.of(), List.of(), TODAY);
    assertThat(d.clearanceRateAfterPrimaryTreatment()).isNull();
    assertThat(d.medianDaysToClearance()).isNull();
    assertThat(d.secondaries().total()).isZero();
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
        TreatmentModality.SHOCKWAVE, false, T0.plusDays(4), null, Classification.CLEARED_AFTER_PRIMARY_TREATMENT, true);
    SecondaryOutcome hindsightBefore = new SecondaryOutcome(UUID.randomUUID(), CLINIC, CLINICIAN, UUID.randomUUID(),
        "HIP_FLEXOR_STRAIN", T0.plusDays(3), UUID.randomUUID(), "CALF_STRAIN", null, null, false, T0.plusDays(6),
        null, Classification.CLEARED_BEFORE_PRIMARY_TREATMENT, true);
    List<SecondaryOutcome> all = List.of(counted.get(0), hindsightAfter, counted.get(1), hindsightBefore);

    OutcomeDashboard withHindsight = OutcomeStatistics.dashboard(CLINIC, null, null, all, List.of(), TODAY);
    OutcomeDashboard without = OutcomeStatistics.dashboard(CLINIC, null, null, counted, List.of(), TODAY);

    assertThat(withHindsight.linkedAfterClearance()).isEqualTo(2);
    assertThat(without.linkedAfterClearance()).isZero();
    assertThat(withHindsight.secondaries()).isEqualTo(new OutcomeDashboard.Counts(2, 1, 0, 0, 1));
    assertThat(withHindsight.clearanceRateAfterPrimaryTreatment()).isEqualTo(0.5);
    assertThat(withHindsight).usingRecursiveComparison().ignoringFields("linkedAfterClearance").isEqualTo(without);
  }

  private static SecondaryOutcome row(String primary, String secondary, Integer treatedDay, TreatmentModality modality,
      boolean direct, Integer resolvedDay, Integer closedDay, Classification classification) {
    return new SecondaryOutcome(UUID.randomUUID(), CLINIC, CLINICIAN, UUID.randomUUID(), secondary, T0.plusDays(3),
        UUID.randomUUID(), primary, treatedDay == null ? null : T0.plusDays(treatedDay), modality, direct,
        resolvedDay == null ? null : T0.plusDays(resolvedDay), closedDay == null ? null : T0.plusDays(closedDay),
        classification, false);
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
        new OutcomeDashboard.ByInstrument("NPRS", 2, 3, 1, (4.0 + 1 + 1) / 3),
        new OutcomeDashboard.ByInstrument("LEFS", 9, 2, 1, (12.0 - 5) / 2));
  }
}
