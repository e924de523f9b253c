package com.kineticcasebook.projections.outcomes;

import com.kineticcasebook.outcomes.OutcomeDashboard.SurvivalPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Kaplan-Meier estimate of the share of secondaries not yet cleared, t days after the primary's
 * treatment started. A secondary still open is censored: it counts as at risk up to its censoring
 * day, including an event on that same day, and is then removed without an event.
 */
final class KaplanMeier {

  /** One secondary's follow-up: days from tP, and whether it ended in clearance (else censored). */
  record Observation(int days, boolean cleared) {}

  private final List<SurvivalPoint> curve;

  KaplanMeier(List<Observation> observations) {
    TreeMap<Integer, int[]> byDay = new TreeMap<>();
    for (Observation o : observations) {
      int[] counts = byDay.computeIfAbsent(o.days(), d -> new int[2]);
      counts[o.cleared() ? 0 : 1]++;
    }
    List<SurvivalPoint> points = new ArrayList<>();
    int atRisk = observations.size();
    double survival = 1.0;
    for (var day : byDay.entrySet()) {
      int cleared = day.getValue()[0];
      int censored = day.getValue()[1];
      if (cleared > 0) {
        survival *= 1.0 - (double) cleared / atRisk;
      }
      points.add(new SurvivalPoint(day.getKey(), survival, atRisk, cleared, censored));
      atRisk -= cleared + censored;
    }
    this.curve = List.copyOf(points);
  }

  List<SurvivalPoint> curve() {
    return curve;
  }

  /** The smallest day at which the estimate falls to 0.5 or below; null if it never does. */
  Integer median() {
    for (SurvivalPoint point : curve) {
      if (point.cleared() > 0 && point.survival() <= 0.5 + 1e-12) {
        return point.day();
      }
    }
    return null;
  }
}
