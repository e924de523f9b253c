package com.kineticcasebook.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The steps of one case, planned in any order and sent in calendar order. Planning by date and
 * sorting once keeps the generator simple: a secondary that clears before the primary's treatment
 * is planned after that treatment but sent before it.
 */
final class Timeline {

  static final int OPEN = 0;
  static final int REPORT = 10;
  static final int FILM = 20;
  static final int HYPOTHESIS = 30;
  static final int TREATMENT = 40;
  static final int MEASURE = 50;
  static final int RESOLUTION = 60;
  static final int CLOSE = 90;

  private static final Comparator<Step> CALENDAR =
      Comparator.comparing(Step::date).thenComparingInt(Step::phase).thenComparingInt(Step::seq);

  private final List<Step> steps = new ArrayList<>();
  private int nextSeq;

  Step add(LocalDate date, int phase, Object command) {
    Step step = new Step(date, phase, nextSeq++, command, -1, null);
    steps.add(step);
    return step;
  }

  /** A mark is sent at {@code date} and {@code phase}, which the caller places after the marked step. */
  Step markInError(LocalDate date, int phase, Step marked, String reason) {
    Step step = new Step(date, phase, nextSeq++, null, marked.seq(), reason);
    steps.add(step);
    return step;
  }

  /** Forgets every step after {@code limit}: what would happen after today, or after the case closed. */
  void dropAfter(LocalDate limit) {
    steps.removeIf(step -> step.date().isAfter(limit));
  }

  List<Step> inPhase(int phase) {
    return steps.stream().filter(step -> step.phase() == phase).toList();
  }

  /** The latest date among steps of these phases, or null when there is none. */
  LocalDate lastDate(int... phases) {
    LocalDate last = null;
    for (Step step : steps) {
      for (int phase : phases) {
        if (step.phase() == phase && (last == null || step.date().isAfter(last))) {
          last = step.date();
        }
      }
    }
    return last;
  }

  /** The commands in the order they are sent, marks turned into {@link CaseGenerator.MarkInError}. */
  List<Object> commands() {
    List<Step> sorted = steps.stream().sorted(CALENDAR).toList();
    Map<Integer, Integer> indexBySeq = new HashMap<>();
    List<Object> commands = new ArrayList<>(sorted.size());
    for (Step step : sorted) {
      if (step.isMark()) {
        Integer marked = indexBySeq.get(step.markedSeq());
        if (marked == null) {
          throw new IllegalStateException("A mark in error was planned before the entry it marks");
        }
        commands.add(new CaseGenerator.MarkInError(marked, step.reason()));
      } else {
        commands.add(step.command());
      }
      indexBySeq.put(step.seq(), commands.size() - 1);
    }
    return commands;
  }
}
