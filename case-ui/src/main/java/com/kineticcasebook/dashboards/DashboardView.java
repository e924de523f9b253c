package com.kineticcasebook.dashboards;

import com.kineticcasebook.outcomes.OutcomeDashboard;
import com.kineticcasebook.outcomes.OutcomeDashboard.SurvivalPoint;
import com.kineticcasebook.reference.TreatmentModality;
import com.kineticcasebook.reference.Wording;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The outcome dashboard as the page shows it: the API's figures with people, conditions and
 * treatments named, and each figure formatted once, here. {@code key} identifies a row as the API
 * does (condition code, clinician id, modality, month), so a figure on the page can be traced to
 * the API's.
 */
record DashboardView(Overall overall, List<Row> byPrimaryCondition, List<Chain> chains, List<Row> byClinician,
    List<Row> byModality, List<Row> byMonth, List<Measure> outcomeMeasures, List<CurveStep> curve) {

  static final String NOT_REACHED = "Not reached";
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

  /**
   * @param linkedAfterClearance secondaries in no figure, because they were linked to their primary
   *     only after they had cleared; {@code linkedAfterClearanceSentence} says so, after the count
   */
  record Overall(int total, int clearedAfterPrimaryTreatment, int clearedWithDirectTreatment,
      int clearedBeforePrimaryTreatment, int unresolved, String clearanceRate, String medianDays,
      int linkedAfterClearance, String linkedAfterClearanceSentence) {}

  record Row(String key, String label, int secondaries, int clearedAfterPrimaryTreatment, String clearanceRate,
      String medianDays) {}

  record Chain(String key, String primary, String secondary, int count, int clearedAfterPrimaryTreatment,
      String clearanceRate) {}

  record Measure(String instrument, int mcid, int injuries, int improvedByMcid, String meanImprovement) {}

  /** One step of the time-to-clearance curve, for the chart and for its table. */
  record CurveStep(int day, double survival, String stillOpen, int atRisk, int cleared, int censored) {}

  static DashboardView of(OutcomeDashboard d, Map<UUID, String> usernames) {
    var counts = d.secondaries();
    Overall overall = new Overall(counts.total(), counts.clearedAfterPrimaryTreatment(),
        counts.clearedWithDirectTreatment(), counts.clearedBeforePrimaryTreatment(), counts.unresolved(),
        percent(d.clearanceRateAfterPrimaryTreatment()), days(d.medianDaysToClearance()), d.linkedAfterClearance(),
        d.linkedAfterClearance() == 1
            ? "secondary was linked to its primary only after it had cleared; it is left out of every figure."
            : "secondaries were linked to their primary only after they had cleared; they are left out of every figure.");
    return new DashboardView(overall,
        d.byPrimaryCondition().stream().map(r -> new Row(String.valueOf(r.conditionCode()), condition(r.conditionCode()),
            r.secondaries(), r.clearedAfterPrimaryTreatment(), share(r.clearedAfterPrimaryTreatment(), r.secondaries()),
            days(r.medianDaysToClearance()))).toList(),
        d.byChain().stream().map(r -> new Chain(r.primaryConditionCode() + ">" + r.secondaryConditionCode(),
            condition(r.primaryConditionCode()), condition(r.secondaryConditionCode()), r.count(),
            r.clearedAfterPrimaryTreatment(), share(r.clearedAfterPrimaryTreatment(), r.count()))).toList(),
        d.byClinician().stream().map(r -> new Row(String.valueOf(r.clinicianId()),
            usernames.getOrDefault(r.clinicianId(), "Unknown user"), r.secondaries(),
            r.clearedAfterPrimaryTreatment(), percent(r.clearanceRateAfterPrimaryTreatment()),
            days(r.medianDaysToClearance()))).toList(),
        d.byModality().stream().map(r -> new Row(String.valueOf(r.modality()), modality(r.modality()), r.secondaries(),
            r.clearedAfterPrimaryTreatment(), share(r.clearedAfterPrimaryTreatment(), r.secondaries()),
            days(r.medianDaysToClearance()))).toList(),
        d.byMonth().stream().map(r -> new Row(r.month(), YearMonth.parse(r.month()).format(MONTH), r.secondaries(),
            r.clearedAfterPrimaryTreatment(), share(r.clearedAfterPrimaryTreatment(), r.secondaries()), null)).toList(),
        d.outcomeMeasures().stream().map(m -> new Measure(m.instrument(), m.mcid(), m.injuries(), m.improvedByMcid(),
            m.meanImprovement() == null ? "—" : String.format(Locale.ROOT, "%.1f", m.meanImprovement()))).toList(),
        d.timeToClearance().stream().map(DashboardView::step).toList());
  }

  /** A share as a whole percentage, the way every rate on the page reads. */
  static String percent(Double rate) {
    return rate == null ? "—" : Math.round(rate * 100) + "%";
  }

  static String days(Integer days) {
    return days == null ? NOT_REACHED : String.valueOf(days);
  }

  private static String share(int part, int whole) {
    return whole == 0 ? "—" : percent((double) part / whole);
  }

  private static CurveStep step(SurvivalPoint p) {
    return new CurveStep(p.day(), p.survival(), percent(p.survival()), p.atRisk(), p.cleared(), p.censored());
  }

  private static String condition(String code) {
    return Wording.condition(code);
  }


  private static String modality(String modality) {
    if (modality == null) {
      return "Primary not treated";
    }
    return Arrays.stream(TreatmentModality.values()).filter(m -> m.name().equals(modality)).findFirst()
        .map(TreatmentModality::label).orElse(modality);
  }
}
