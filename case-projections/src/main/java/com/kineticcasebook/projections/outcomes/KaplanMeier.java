package com.kineticcasebook.projections.outcomes;

import com.kineticcasebook.outcomes.ConfidenceInterval;
import com.kineticcasebook.outcomes.OutcomeDashboard.SurvivalPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Kaplan-Meier estimate of the share of secondaries not yet cleared, t days after the primary's
 * treatment started. A secondary still open is censored: it counts as at risk up to its censoring
 * day, including an event on that same day, and is then removed without an event.
 *
 * <p>Each step carries its pointwise 95 % band on the log-log scale with Greenwood's variance, and
 * the median its Brookmeyer-Crowley interval read off that band: the conventions of R's
 * {@code survfit(..., conf.type = "log-log")} and {@code quantile()}, so that the figures can be
 * checked against it. The log-log band stays inside 0..1 and behaves well in the tails, where a
 * clinic's curve has few secondaries left.
 */
final class KaplanMeier {

  /** One secondary's follow-up: days from tP, and whether it ended in clearance (else censored). */
  record Observation(int days, boolean cleared) {}

  /**
   * One day of the curve on which something happened. The band is null before the first
   * clearance (the estimate is 1 with no variance) and once the estimate reaches 0.
   */
  record Step(int day, double survival, Double lower, Double upper, int atRisk, int cleared, int censored) {

    SurvivalPoint point() {
      return new SurvivalPoint(day, survival, atRisk, cleared, censored, lower, upper);
    }
  }

  private final List<Step> steps;

  KaplanMeier(List<Observation> observations) {
    this(byDay(observations), observations.size());
  }

  private static TreeMap<Integer, int[]> byDay(List<Observation> observations) {
    TreeMap<Integer, int[]> byDay = new TreeMap<>();
    for (Observation o : observations) {
      int[] counts = byDay.computeIfAbsent(o.days(), d -> new int[2]);
      counts[o.cleared() ? 0 : 1]++;
    }
    return byDay;
  }

  /**
   * From the follow-up already counted per day: for each day (in order) how many cleared and how
   * many were censored that day, over {@code observations} secondaries in all.
   */
  KaplanMeier(TreeMap<Integer, int[]> byDay, int observations) {
    List<Step> built = new ArrayList<>();
    int atRisk = observations;
    double survival = 1.0;
    double greenwood = 0.0;
    for (var day : byDay.entrySet()) {
      int cleared = day.getValue()[0];
      int censored = day.getValue()[1];
      if (cleared > 0) {
        survival *= 1.0 - (double) cleared / atRisk;
        greenwood += cleared < atRisk ? (double) cleared / ((double) atRisk * (atRisk - cleared)) : 0.0;
      }
      ConfidenceInterval band = logLogBand(survival, greenwood);
      built.add(new Step(day.getKey(), survival, band == null ? null : band.lower(),
          band == null ? null : band.upper(), atRisk, cleared, censored));
      atRisk -= cleared + censored;
    }
    this.steps = List.copyOf(built);
  }

  /**
   * exp(-exp(log(-log S) ± z·se/log S)), where se² is Greenwood's variance of log S. Undefined
   * where log(-log S) is: at S = 1 and S = 0.
   */
  private static ConfidenceInterval logLogBand(double survival, double greenwood) {
    if (survival >= 1.0 || survival <= 0.0) {
      return null;
    }
    double logS = Math.log(survival);
    double spread = Confidence.Z * Math.sqrt(greenwood) / logS;
    double centre = Math.log(-logS);
    return new ConfidenceInterval(Math.exp(-Math.exp(centre - spread)), Math.exp(-Math.exp(centre + spread)));
  }

  List<Step> steps() {
    return steps;
  }

  List<SurvivalPoint> curve() {
    return steps.stream().map(Step::point).toList();
  }

  /** How many secondaries are still at risk at the start of {@code day}, for the table under the chart. */
  int atRisk(int day) {
    for (Step step : steps) {
      if (step.day() >= day) {
        return step.atRisk();
      }
    }
    return 0;
  }

  /** The smallest day at which the estimate falls to 0.5 or below; null if it never does. */
  Integer median() {
    return firstDayAtOrBelowHalf(Step::survival);
  }

  /**
   * Brookmeyer-Crowley: the days whose band still contains one half. The lower bound is the first
   * day the band's lower edge falls to 0.5 or below, the upper bound the first day its upper edge
   * does; each is null when that never happens while the band is defined (as R, a curve that
   * drops to 0 has no band there).
   */
  ConfidenceInterval medianInterval() {
    Integer lower = firstDayAtOrBelowHalf(Step::lower);
    Integer upper = firstDayAtOrBelowHalf(Step::upper);
    return new ConfidenceInterval(lower == null ? null : lower.doubleValue(), upper == null ? null : upper.doubleValue());
  }

  private Integer firstDayAtOrBelowHalf(Function<Step, Double> value) {
    for (Step step : steps) {
      Double v = value.apply(step);
      if (step.cleared() > 0 && v != null && v <= 0.5 + 1e-12) {
        return step.day();
      }
    }
    return null;
  }
}
