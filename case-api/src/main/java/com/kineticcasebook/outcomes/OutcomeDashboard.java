package com.kineticcasebook.outcomes;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The figures of the outcomes dashboard, named as the JSON API names them.
 *
 * @param linkedAfterClearance secondaries linked to their primary only after they had cleared
 *     ({@link Hindsight}): counted here and in no other figure
 */
public record OutcomeDashboard(
    UUID clinicId, LocalDate from, LocalDate to, Counts secondaries, Double clearanceRateAfterPrimaryTreatment,
    Integer medianDaysToClearance, List<ByPrimaryCondition> byPrimaryCondition, List<ByChain> byChain,
    List<ByClinician> byClinician, List<ByModality> byModality, List<ByMonth> byMonth,
    List<ByInstrument> outcomeMeasures, List<SurvivalPoint> timeToClearance, int linkedAfterClearance) {

  public record Counts(int total, int clearedAfterPrimaryTreatment, int clearedWithDirectTreatment,
      int clearedBeforePrimaryTreatment, int unresolved) {}

  public record ByPrimaryCondition(String conditionCode, int secondaries, int clearedAfterPrimaryTreatment,
      Integer medianDaysToClearance) {}

  public record ByChain(String primaryConditionCode, String secondaryConditionCode, int count,
      int clearedAfterPrimaryTreatment) {}

  public record ByClinician(UUID clinicianId, int secondaries, int clearedAfterPrimaryTreatment,
      Double clearanceRateAfterPrimaryTreatment, Integer medianDaysToClearance) {}

  public record ByModality(String modality, int secondaries, int clearedAfterPrimaryTreatment,
      Integer medianDaysToClearance) {}

  /** By the month of the secondary injury's onset (yyyy-MM). */
  public record ByMonth(String month, int secondaries, int clearedAfterPrimaryTreatment) {}

  /** Injuries measured at least twice on an instrument, and how many improved by at least its MCID. */
  public record ByInstrument(String instrument, int mcid, int injuries, int improvedByMcid, Double meanImprovement) {}

  /** One step of the Kaplan-Meier curve: the share still not cleared after {@code day} days, with censoring. */
  public record SurvivalPoint(int day, double survival, int atRisk, int cleared, int censored) {}
}
