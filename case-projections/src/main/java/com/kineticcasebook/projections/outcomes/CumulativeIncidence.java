package com.kineticcasebook.projections.outcomes;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Aalen-Johansen cumulative incidence of two competing outcomes of a secondary, days after its
 * primary's treatment started: it cleared without a treatment of its own, or it was given one.
 * Treating the second as censoring would overstate how many clear untreated; here each outcome's
 * share is the probability of reaching it first, and the two add up to one minus the share still
 * waiting for either. The convention of R's {@code cmprsk::cuminc}: a follow-up censored on a day
 * counts as at risk for that day's outcomes.
 */
final class CumulativeIncidence {

  enum Outcome { CENSORED, CLEARED_WITHOUT_OWN_TREATMENT, OWN_TREATMENT }

  record Observation(int days, Outcome outcome) {}

  /** Both cumulative incidences as they stand at the end of {@code day}. */
  record Point(int day, double clearedWithoutOwnTreatment, double ownTreatment) {}

  private final List<Point> steps;

  CumulativeIncidence(List<Observation> observations) {
    this(byDay(observations), observations.size());
  }

  private static TreeMap<Integer, int[]> byDay(List<Observation> observations) {
    TreeMap<Integer, int[]> byDay = new TreeMap<>();
    for (Observation o : observations) {
      byDay.computeIfAbsent(o.days(), d -> new int[3])[o.outcome().ordinal()]++;
    }
    return byDay;
  }

  /** From the outcomes already counted per day (indexed by {@link Outcome}), over {@code observations} in all. */
  CumulativeIncidence(TreeMap<Integer, int[]> byDay, int observations) {
    List<Point> built = new ArrayList<>();
    int atRisk = observations;
    double waiting = 1.0;
    double cleared = 0.0;
    double treated = 0.0;
    for (var day : byDay.entrySet()) {
      int[] counts = day.getValue();
      int clearedToday = counts[Outcome.CLEARED_WITHOUT_OWN_TREATMENT.ordinal()];
      int treatedToday = counts[Outcome.OWN_TREATMENT.ordinal()];
      cleared += waiting * clearedToday / atRisk;
      treated += waiting * treatedToday / atRisk;
      waiting *= 1.0 - (double) (clearedToday + treatedToday) / atRisk;
      built.add(new Point(day.getKey(), cleared, treated));
      atRisk -= counts[0] + clearedToday + treatedToday;
    }
    this.steps = List.copyOf(built);
  }

  /** The estimate at the end of {@code day}: the last step on or before it (0 and 0 before any). */
  Point at(int day) {
    Point found = new Point(day, 0.0, 0.0);
    for (Point step : steps) {
      if (step.day() > day) {
        break;
      }
      found = new Point(day, step.clearedWithoutOwnTreatment(), step.ownTreatment());
    }
    return found;
  }
}
