package com.kineticcasebook.dashboards;

import com.kineticcasebook.outcomes.ConfidenceInterval;
import com.kineticcasebook.outcomes.OutcomeDashboard;
import com.kineticcasebook.outcomes.OutcomeDashboard.Comparison;
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
import java.util.function.Function;

/**
 * The outcome dashboard as the page shows it: the API's figures with people, conditions and
 * treatments named, and each figure formatted once, here. {@code key} identifies a row as the API
 * does (condition code, clinician id, modality, month), so a figure on the page can be traced to
 * the API's. Every share carries its 95 % interval and every median its own; {@code insufficient}
 * marks a figure over fewer than 20 secondaries, shown muted as too few to judge. {@code asOf}
 * is the instant of an as-of report, null for the current figures.
 */
record DashboardView(Overall overall, List<Row> byPrimaryCondition, List<Chain> chains, List<Row> byClinician,
    List<Row> byModality, List<Row> byMonth, List<Measure> outcomeMeasures, List<CurveStep> curve,
    List<OutcomeDashboard.AtRisk> numbersAtRisk, List<Incidence> cumulativeIncidence, Reading modalityComparison,
    Reading clinicianComparison, java.time.Instant asOf) {

  static final String NOT_REACHED = "Not reached";
  static final String TOO_FEW = "too few to judge";
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

  /**
   * @param linkedAfterClearance secondaries in no figure, because they were linked to their primary
   *     only after they had cleared; {@code linkedAfterClearanceSentence} says so, after the count
   */
  record Overall(int total, int clearedAfterPrimaryTreatment, int clearedWithDirectTreatment,
      int clearedBeforePrimaryTreatment, int unresolved, String clearanceRate, String medianDays,
      String clearanceRateInterval, String medianDaysInterval, boolean insufficient, int linkedAfterClearance,
      String linkedAfterClearanceSentence) {}

  record Row(String key, String label, int secondaries, int clearedAfterPrimaryTreatment, String clearanceRate,
      String medianDays, String clearanceRateInterval, String medianDaysInterval, boolean insufficient) {}

  record Chain(String key, String primary, String secondary, int count, int clearedAfterPrimaryTreatment,
      String clearanceRate, String clearanceRateInterval, boolean insufficient) {}

  record Measure(String instrument, int mcid, int injuries, int improvedByMcid, String meanImprovement,
      String improvedShare, String improvedInterval, boolean insufficient) {}

  /** One step of the time-to-clearance curve, for the chart and for its table, with its band. */
  record CurveStep(int day, double survival, String stillOpen, int atRisk, int cleared, int censored, Double lower,
      Double upper, String band) {}

  /** The competing outcomes by {@code day}, as shares of the curve's secondaries. */
  record Incidence(int day, double clearedWithoutOwnTreatment, double ownTreatment, String cleared,
      String treated) {}

  /** A comparison read in plain words; {@code pValue} is null when there was nothing to compare. */
  record Reading(String sentence, String pValue) {}

  static DashboardView of(OutcomeDashboard d, Map<UUID, String> usernames) {
    var counts = d.secondaries();
    Overall overall = new Overall(counts.total(), counts.clearedAfterPrimaryTreatment(),
        counts.clearedWithDirectTreatment(), counts.clearedBeforePrimaryTreatment(), counts.unresolved(),
        percent(d.clearanceRateAfterPrimaryTreatment()), days(d.medianDaysToClearance()),
        percentInterval(d.clearanceRateAfterPrimaryTreatmentCi()), daysInterval(d.medianDaysToClearanceCi()),
        d.insufficientData(), d.linkedAfterClearance(),
        d.linkedAfterClearance() == 1
            ? "secondary was linked to its primary only after it had cleared; it is left out of every figure."
            : "secondaries were linked to their primary only after they had cleared; they are left out of every figure.");
    Function<UUID, String> username = id -> usernames.getOrDefault(id, "Unknown user");
    return new DashboardView(overall,
        d.byPrimaryCondition().stream().map(r -> new Row(String.valueOf(r.conditionCode()), condition(r.conditionCode()),
            r.secondaries(), r.clearedAfterPrimaryTreatment(), percent(r.clearanceRateAfterPrimaryTreatment()),
            days(r.medianDaysToClearance()), percentInterval(r.clearanceRateAfterPrimaryTreatmentCi()),
            daysInterval(r.medianDaysToClearanceCi()), r.insufficientData())).toList(),
        d.byChain().stream().map(r -> new Chain(r.primaryConditionCode() + ">" + r.secondaryConditionCode(),
            condition(r.primaryConditionCode()), condition(r.secondaryConditionCode()), r.count(),
            r.clearedAfterPrimaryTreatment(), percent(r.clearanceRateAfterPrimaryTreatment()),
            percentInterval(r.clearanceRateAfterPrimaryTreatmentCi()), r.insufficientData())).toList(),
        d.byClinician().stream().map(r -> new Row(String.valueOf(r.clinicianId()), username.apply(r.clinicianId()),
            r.secondaries(), r.clearedAfterPrimaryTreatment(), percent(r.clearanceRateAfterPrimaryTreatment()),
            days(r.medianDaysToClearance()), percentInterval(r.clearanceRateAfterPrimaryTreatmentCi()),
            daysInterval(r.medianDaysToClearanceCi()), r.insufficientData())).toList(),
        d.byModality().stream().map(r -> new Row(String.valueOf(r.modality()), modality(r.modality()), r.secondaries(),
            r.clearedAfterPrimaryTreatment(), percent(r.clearanceRateAfterPrimaryTreatment()),
            days(r.medianDaysToClearance()), percentInterval(r.clearanceRateAfterPrimaryTreatmentCi()),
            daysInterval(r.medianDaysToClearanceCi()), r.insufficientData())).toList(),
        d.byMonth().stream().map(r -> new Row(r.month(), YearMonth.parse(r.month()).format(MONTH), r.secondaries(),
            r.clearedAfterPrimaryTreatment(), percent(r.clearanceRateAfterPrimaryTreatment()), null,
            percentInterval(r.clearanceRateAfterPrimaryTreatmentCi()), null, r.insufficientData())).toList(),
        d.outcomeMeasures().stream().map(m -> new Measure(m.instrument(), m.mcid(), m.injuries(), m.improvedByMcid(),
            m.meanImprovement() == null ? "—" : String.format(Locale.ROOT, "%.1f", m.meanImprovement()),
            share(m.improvedByMcid(), m.injuries()), percentInterval(m.improvedByMcidCi()), m.insufficientData()))
            .toList(),
        d.timeToClearance().stream().map(DashboardView::step).toList(),
        d.numbersAtRisk(),
        d.cumulativeIncidence().stream().map(p -> new Incidence(p.day(), p.clearedWithoutOwnTreatment(),
            p.ownTreatment(), percent(p.clearedWithoutOwnTreatment()), percent(p.ownTreatment()))).toList(),
        reading(d.modalityComparison(), "first treatments of the primary", modality -> modality(modality)),
        reading(d.clinicianComparison(), "clinicians", id -> username.apply(UUID.fromString(id))), d.asOf());
  }

  /** A share as a whole percentage, the way every rate on the page reads. */
  static String percent(Double rate) {
    return rate == null ? "—" : Math.round(rate * 100) + "%";
  }

  /** A share's interval in whole percentages, "8–64%"; a dash when there is none. */
  static String percentInterval(ConfidenceInterval interval) {
    if (interval == null || interval.lower() == null || interval.upper() == null) {
      return "—";
    }
    return Math.round(interval.lower() * 100) + "–" + Math.round(interval.upper() * 100) + "%";
  }

  /** A median's interval in days, "29–41"; a bound the data cannot give reads "not reached". */
  static String daysInterval(ConfidenceInterval interval) {
    if (interval == null || interval.lower() == null) {
      return "not reached";
    }
    String lower = String.valueOf(Math.round(interval.lower()));
    return interval.upper() == null ? lower + " to not reached" : lower + "–" + Math.round(interval.upper());
  }

  static String days(Integer days) {
    return days == null ? NOT_REACHED : String.valueOf(days);
  }

  /** A p-value as a reader takes it in: two significant places, and no false precision below 0.001. */
  static String pValue(double p) {
    if (p < 0.001) {
      return "< 0.001";
    }
    return String.format(Locale.ROOT, p < 0.01 ? "%.3f" : "%.2f", p);
  }

  private static Reading reading(Comparison comparison, String what, Function<String, String> name) {
    if (comparison == null) {
      return new Reading("Too few secondaries to compare " + what + ": a comparison needs at least two of them with "
          + OutcomeDashboard.ENOUGH_SECONDARIES + " secondaries each on the curve.", null);
    }
    String groups = list(comparison.groups().stream().map(name).toList());
    String p = pValue(comparison.pValue());
    String shown = p.startsWith("<") ? "p " + p : "p = " + p;
    if (comparison.pValue() < 0.05) {
      return new Reading("Time to clearance differed between " + what + " (" + groups + ") more than chance alone "
          + "would often produce (" + shown + "); this does not say why.", p);
    }
    return new Reading("Time to clearance did not differ between " + what + " (" + groups + ") more than chance "
        + "alone would often produce (" + shown + "); a real difference may still be too small for these numbers "
        + "to show.", p);
  }

  private static String list(List<String> names) {
    if (names.size() <= 1) {
      return String.join("", names);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
  }

  private static String share(int part, int whole) {
    return whole == 0 ? "—" : percent((double) part / whole);
  }

  private static CurveStep step(SurvivalPoint p) {
    String band = p.lower() == null || p.upper() == null ? "—"
        : percentInterval(new ConfidenceInterval(p.lower(), p.upper()));
    return new CurveStep(p.day(), p.survival(), percent(p.survival()), p.atRisk(), p.cleared(), p.censored(),
        p.lower(), p.upper(), band);
  }

  private static String condition(String code) {
    return Wording.condition(code);
  }

  /** The label of a modality code; a null code is a primary never treated. */
  static String modality(String modality) {
    if (modality == null) {
      return "Primary not treated";
    }
    return Arrays.stream(TreatmentModality.values()).filter(m -> m.name().equals(modality)).findFirst()
        .map(TreatmentModality::label).orElse(modality);
  }
}
