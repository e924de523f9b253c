package com.kineticcasebook.projections.outcomes;

import com.kineticcasebook.outcomes.Classification;
import com.kineticcasebook.outcomes.MeasureChange;
import com.kineticcasebook.outcomes.OutcomeDashboard;
import com.kineticcasebook.outcomes.OutcomeDashboard.ByChain;
import com.kineticcasebook.outcomes.OutcomeDashboard.ByClinician;
import com.kineticcasebook.outcomes.OutcomeDashboard.ByInstrument;
import com.kineticcasebook.outcomes.OutcomeDashboard.ByModality;
import com.kineticcasebook.outcomes.OutcomeDashboard.ByMonth;
import com.kineticcasebook.outcomes.OutcomeDashboard.ByPrimaryCondition;
import com.kineticcasebook.outcomes.OutcomeDashboard.Counts;
import com.kineticcasebook.outcomes.SecondaryOutcome;
import com.kineticcasebook.reference.OutcomeInstrument;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * Computes the outcomes dashboard from classified secondaries, by the outcome rules (docs/domain.md): the
 * clearance rate is cleared-after-primary-treatment over all secondaries; the median days to
 * clearance is a Kaplan-Meier median over the secondaries still open when the primary's
 * treatment started, with unresolved ones censored at the case's closure, else today. A secondary
 * linked to its primary only after it had cleared is in no figure; it is only counted.
 */
final class OutcomeStatistics {

  private OutcomeStatistics() {}

  /**
   * How many injuries of a clinic went from one first score to one latest score on an instrument,
   * measured at least twice: the database counts them, so the dashboard reads a few hundred rows
   * instead of one per injury.
   */
  record MeasureTally(OutcomeInstrument instrument, double firstScore, double latestScore, int injuries) {

    /** The change as {@link MeasureChange} defines it, for an injury measured at least twice. */
    MeasureChange change() {
      return new MeasureChange(null, null, null, null, instrument, firstScore, latestScore, 2);
    }
  }

  static OutcomeDashboard dashboard(UUID clinicId, LocalDate from, LocalDate to, List<SecondaryOutcome> rows,
      List<MeasureTally> measures, LocalDate today) {
    // Filtered once, here, so that no figure below can count a link stated in hindsight.
    List<SecondaryOutcome> secondaries = rows.stream().filter(s -> !s.linkedAfterClearance()).toList();
    KaplanMeier overall = survival(secondaries, today);
    return new OutcomeDashboard(clinicId, from, to, counts(secondaries), rate(secondaries), overall.median(),
        byPrimaryCondition(secondaries, today), byChain(secondaries), byClinician(secondaries, today),
        byModality(secondaries, today), byMonth(secondaries), byInstrument(measures), overall.curve(),
        rows.size() - secondaries.size());
  }

  static Counts counts(List<SecondaryOutcome> secondaries) {
    return new Counts(secondaries.size(), count(secondaries, Classification.CLEARED_AFTER_PRIMARY_TREATMENT),
        count(secondaries, Classification.CLEARED_WITH_DIRECT_TREATMENT),
        count(secondaries, Classification.CLEARED_BEFORE_PRIMARY_TREATMENT),
        count(secondaries, Classification.UNRESOLVED));
  }

  /** Null when there are no secondaries: a rate of nothing is not zero. */
  static Double rate(List<SecondaryOutcome> secondaries) {
    return secondaries.isEmpty() ? null
        : (double) count(secondaries, Classification.CLEARED_AFTER_PRIMARY_TREATMENT) / secondaries.size();
  }

  static KaplanMeier survival(List<SecondaryOutcome> secondaries, LocalDate today) {
    List<KaplanMeier.Observation> observations = new ArrayList<>();
    for (SecondaryOutcome s : secondaries) {
      LocalDate treatedOn = s.primaryTreatedOn();
      if (treatedOn == null) {
        continue;
      }
      if (s.resolvedOn() != null) {
        if (!s.resolvedOn().isBefore(treatedOn)) {
          observations.add(new KaplanMeier.Observation(days(treatedOn, s.resolvedOn()), true));
        }
      } else {
        LocalDate censoredOn = s.caseClosedOn() != null ? s.caseClosedOn() : today;
        observations.add(new KaplanMeier.Observation(Math.max(0, days(treatedOn, censoredOn)), false));
      }
    }
    return new KaplanMeier(observations);
  }

  private static List<ByPrimaryCondition> byPrimaryCondition(List<SecondaryOutcome> secondaries, LocalDate today) {
    return groups(secondaries, SecondaryOutcome::primaryConditionCode).entrySet().stream()
        .map(g -> new ByPrimaryCondition(g.getKey(), g.getValue().size(), clearedAfter(g.getValue()),
            survival(g.getValue(), today).median()))
        .sorted(Comparator.comparingInt(ByPrimaryCondition::secondaries).reversed())
        .toList();
  }

  private static List<ByChain> byChain(List<SecondaryOutcome> secondaries) {
    return groups(secondaries, s -> s.primaryConditionCode() + "\u0000" + s.secondaryConditionCode())
        .values().stream()
        .map(g -> new ByChain(g.get(0).primaryConditionCode(), g.get(0).secondaryConditionCode(), g.size(),
            clearedAfter(g)))
        .sorted(Comparator.comparingInt(ByChain::count).reversed())
        .toList();
  }

  private static List<ByClinician> byClinician(List<SecondaryOutcome> secondaries, LocalDate today) {
    return groups(secondaries, SecondaryOutcome::clinicianId).entrySet().stream()
        .map(g -> new ByClinician(g.getKey(), g.getValue().size(), clearedAfter(g.getValue()), rate(g.getValue()),
            survival(g.getValue(), today).median()))
        .sorted(Comparator.comparingInt(ByClinician::secondaries).reversed())
        .toList();
  }

  private static List<ByModality> byModality(List<SecondaryOutcome> secondaries, LocalDate today) {
    return groups(secondaries, s -> s.primaryModality() == null ? null : s.primaryModality().name()).entrySet()
        .stream()
        .map(g -> new ByModality(g.getKey(), g.getValue().size(), clearedAfter(g.getValue()),
            survival(g.getValue(), today).median()))
        .sorted(Comparator.comparingInt(ByModality::secondaries).reversed())
        .toList();
  }

  private static List<ByMonth> byMonth(List<SecondaryOutcome> secondaries) {
    return groups(secondaries, s -> s.secondaryOnsetOn().toString().substring(0, 7)).entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(g -> new ByMonth(g.getKey(), g.getValue().size(), clearedAfter(g.getValue())))
        .toList();
  }

  static List<ByInstrument> byInstrument(List<MeasureTally> tallies) {
    List<ByInstrument> rows = new ArrayList<>();
    for (OutcomeInstrument instrument : OutcomeInstrument.values()) {
      int injuries = 0;
      int improved = 0;
      double improvement = 0;
      for (MeasureTally tally : tallies) {
        if (tally.instrument() == instrument) {
          MeasureChange change = tally.change();
          injuries += tally.injuries();
          improved += change.improvedByMcid() ? tally.injuries() : 0;
          improvement += change.improvement() * tally.injuries();
        }
      }
      if (injuries > 0) {
        rows.add(new ByInstrument(instrument.name(), instrument.mcid(), injuries, improved, improvement / injuries));
      }
    }
    return rows;
  }

  private static <K> Map<K, List<SecondaryOutcome>> groups(List<SecondaryOutcome> secondaries,
      Function<SecondaryOutcome, K> key) {
    Map<K, List<SecondaryOutcome>> groups = new LinkedHashMap<>();
    for (SecondaryOutcome s : secondaries) {
      groups.computeIfAbsent(key.apply(s), k -> new ArrayList<>()).add(s);
    }
    return groups;
  }

  private static int clearedAfter(List<SecondaryOutcome> secondaries) {
    return count(secondaries, Classification.CLEARED_AFTER_PRIMARY_TREATMENT);
  }

  private static int count(List<SecondaryOutcome> secondaries, Classification classification) {
    return (int) secondaries.stream().filter(s -> Objects.equals(s.classification(), classification)).count();
  }

  private static int days(LocalDate from, LocalDate to) {
    return (int) ChronoUnit.DAYS.between(from, to);
  }
}
