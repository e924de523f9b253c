package com.kineticcasebook.outcomes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The figures of the outcomes dashboard, named as the JSON API names them. Every share comes with
 * its 95 % interval ({@code ...Ci}) and every median with its own; a headline or row resting on
 * fewer than {@link #ENOUGH_SECONDARIES} secondaries says so ({@code insufficientData}).
 * {@code computedAt} is when these figures were computed: a dashboard is served again unchanged
 * while the clinic's outcomes stand. {@code asOf} is the recording instant a report as of an
 * instant was asked for (its figures are those of the events recorded up to then), null for the
 * current dashboard.
 *
 * @param linkedAfterClearance secondaries linked to their primary only after they had cleared
 *     ({@link Hindsight}): counted here and in no other figure
 */
public record OutcomeDashboard(
    UUID clinicId, LocalDate from, LocalDate to, Counts secondaries, Double clearanceRateAfterPrimaryTreatment,
    Integer medianDaysToClearance, List<ByPrimaryCondition> byPrimaryCondition, List<ByChain> byChain,
    List<ByClinician> byClinician, List<ByModality> byModality, List<ByMonth> byMonth,
    List<ByInstrument> outcomeMeasures, List<SurvivalPoint> timeToClearance, int linkedAfterClearance,
    ConfidenceInterval clearanceRateAfterPrimaryTreatmentCi, ConfidenceInterval medianDaysToClearanceCi,
    boolean insufficientData, List<AtRisk> numbersAtRisk, List<IncidencePoint> cumulativeIncidence,
    Comparison modalityComparison, Comparison clinicianComparison, Instant computedAt, Instant asOf) {

  /** The current dashboard (not as of an instant). */
  public OutcomeDashboard(UUID clinicId, LocalDate from, LocalDate to, Counts secondaries,
      Double clearanceRateAfterPrimaryTreatment, Integer medianDaysToClearance,
      List<ByPrimaryCondition> byPrimaryCondition, List<ByChain> byChain, List<ByClinician> byClinician,
      List<ByModality> byModality, List<ByMonth> byMonth, List<ByInstrument> outcomeMeasures,
      List<SurvivalPoint> timeToClearance, int linkedAfterClearance,
      ConfidenceInterval clearanceRateAfterPrimaryTreatmentCi, ConfidenceInterval medianDaysToClearanceCi,
      boolean insufficientData, List<AtRisk> numbersAtRisk, List<IncidencePoint> cumulativeIncidence,
      Comparison modalityComparison, Comparison clinicianComparison, Instant computedAt) {
    this(clinicId, from, to, secondaries, clearanceRateAfterPrimaryTreatment, medianDaysToClearance,
        byPrimaryCondition, byChain, byClinician, byModality, byMonth, outcomeMeasures, timeToClearance,
        linkedAfterClearance, clearanceRateAfterPrimaryTreatmentCi, medianDaysToClearanceCi, insufficientData,
        numbersAtRisk, cumulativeIncidence, modalityComparison, clinicianComparison, computedAt, null);
  }

  /** Below this many secondaries a figure is shown, with its interval, but not to be judged by. */
  public static final int ENOUGH_SECONDARIES = 20;

  /** Whether a figure over {@code secondaries} secondaries is too few to judge. */
  public static boolean insufficient(int secondaries) {
    return secondaries < ENOUGH_SECONDARIES;
  }

  public record Counts(int total, int clearedAfterPrimaryTreatment, int clearedWithDirectTreatment,
      int clearedBeforePrimaryTreatment, int unresolved) {}

  public record ByPrimaryCondition(String conditionCode, int secondaries, int clearedAfterPrimaryTreatment,
      Integer medianDaysToClearance, Double clearanceRateAfterPrimaryTreatment,
      ConfidenceInterval clearanceRateAfterPrimaryTreatmentCi, ConfidenceInterval medianDaysToClearanceCi,
      boolean insufficientData) {}

  public record ByChain(String primaryConditionCode, String secondaryConditionCode, int count,
      int clearedAfterPrimaryTreatment, Double clearanceRateAfterPrimaryTreatment,
      ConfidenceInterval clearanceRateAfterPrimaryTreatmentCi, boolean insufficientData) {}

  public record ByClinician(UUID clinicianId, int secondaries, int clearedAfterPrimaryTreatment,
      Double clearanceRateAfterPrimaryTreatment, Integer medianDaysToClearance,
      ConfidenceInterval clearanceRateAfterPrimaryTreatmentCi, ConfidenceInterval medianDaysToClearanceCi,
      boolean insufficientData) {}

  public record ByModality(String modality, int secondaries, int clearedAfterPrimaryTreatment,
      Integer medianDaysToClearance, Double clearanceRateAfterPrimaryTreatment,
      ConfidenceInterval clearanceRateAfterPrimaryTreatmentCi, ConfidenceInterval medianDaysToClearanceCi,
      boolean insufficientData) {}

  /** By the month of the secondary injury's onset (yyyy-MM). */
  public record ByMonth(String month, int secondaries, int clearedAfterPrimaryTreatment,
      Double clearanceRateAfterPrimaryTreatment, ConfidenceInterval clearanceRateAfterPrimaryTreatmentCi,
      boolean insufficientData) {}

  /**
   * Injuries measured at least twice on an instrument, and how many improved by at least its MCID;
   * {@code insufficientData} when fewer than {@link #ENOUGH_SECONDARIES} injuries were measured.
   */
  public record ByInstrument(String instrument, int mcid, int injuries, int improvedByMcid, Double meanImprovement,
      ConfidenceInterval improvedByMcidCi, boolean insufficientData) {}

  /**
   * One step of the Kaplan-Meier curve: the share still not cleared after {@code day} days, with
   * censoring, and its pointwise 95 % band ({@code lower}, {@code upper}; null where the estimate
   * is 1 or 0 and has no band).
   */
  public record SurvivalPoint(int day, double survival, int atRisk, int cleared, int censored, Double lower,
      Double upper) {}

  /** How many secondaries of the curve were still open and followed at the start of {@code day}. */
  public record AtRisk(int day, int atRisk) {}

  /**
   * The share of the curve's secondaries that, by {@code day}, had cleared without a treatment of
   * their own, and the share that had been given one first (Aalen-Johansen).
   */
  public record IncidencePoint(int day, double clearedWithoutOwnTreatment, double ownTreatment) {}

  /**
   * A log-rank test of time to clearance across {@code groups} (modality codes or clinician ids),
   * each with at least {@link #ENOUGH_SECONDARIES} secondaries on the curve.
   */
  public record Comparison(List<String> groups, double chiSquare, int degreesOfFreedom, double pValue) {}
}
