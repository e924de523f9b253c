package com.kineticcasebook.projections.outcomes;

import com.kineticcasebook.outcomes.Classification;
import com.kineticcasebook.outcomes.MeasureChange;
import com.kineticcasebook.outcomes.OutcomeDashboard;
import com.kineticcasebook.outcomes.ConfidenceInterval;
import com.kineticcasebook.outcomes.OutcomeDashboard.AtRisk;
import com.kineticcasebook.outcomes.OutcomeDashboard.ByChain;
import com.kineticcasebook.outcomes.OutcomeDashboard.ByClinician;
import com.kineticcasebook.outcomes.OutcomeDashboard.ByInstrument;
import com.kineticcasebook.outcomes.OutcomeDashboard.ByModality;
import com.kineticcasebook.outcomes.OutcomeDashboard.ByMonth;
import com.kineticcasebook.outcomes.OutcomeDashboard.ByPrimaryCondition;
import com.kineticcasebook.outcomes.OutcomeDashboard.Comparison;
import com.kineticcasebook.outcomes.OutcomeDashboard.Counts;
import com.kineticcasebook.outcomes.OutcomeDashboard.IncidencePoint;
import com.kineticcasebook.outcomes.SecondaryOutcome;
import com.kineticcasebook.reference.OutcomeInstrument;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * Computes the outcomes dashboard from classified secondaries, by the outcome rules (docs/domain.md): the
 * clearance rate is cleared-after-primary-treatment over all secondaries; the median days to
 * clearance is a Kaplan-Meier median over the secondaries still open when the primary's
 * treatment started, with unresolved ones censored at the case's closure, else today. Every share
 * has its Wilson interval, every median its Brookmeyer-Crowley interval, and the curve its log-log
 * band; the competing outcomes and the log-rank comparisons are over the same secondaries as the
 * curve. A secondary linked to its primary only after it had cleared is in no figure; it is only
 * counted.
 */
final class OutcomeStatistics {

  /** The days of the numbers at risk under the chart. */
  static final List<Integer> AT_RISK_DAYS = List.of(0, 30, 60, 90, 180);

  /** The days at which the cumulative incidence of the competing outcomes is read. */
  static final List<Integer> INCIDENCE_DAYS = List.of(30, 60, 90, 180);

  /**
   * Rows with as many secondaries are in the order of their keys (null last), so the figures
   * never depend on the order the secondaries were read in.
   */
  static final Comparator<String> KEYS = Comparator.nullsLast(Comparator.naturalOrder());

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
      List<MeasureTally> measures, LocalDate today, Instant computedAt) {
    return dashboard(clinicId, from, to, rows, measures, today, computedAt, null);
  }

  static OutcomeDashboard dashboard(UUID clinicId, LocalDate from, LocalDate to, List<SecondaryOutcome> rows,
      List<MeasureTally> measures, LocalDate today, Instant computedAt, Instant asOf) {
    // Filtered once, here, so that no figure below can count a link stated in hindsight.
    List<SecondaryOutcome> secondaries = rows.stream().filter(s -> !s.linkedAfterClearance()).toList();
    KaplanMeier overall = survival(secondaries, today);
    return new OutcomeDashboard(clinicId, from, to, counts(secondaries), rate(secondaries), overall.median(),
        byPrimaryCondition(secondaries, today), byChain(secondaries), byClinician(secondaries, today),
        byModality(secondaries, today), byMonth(secondaries), byInstrument(measures), overall.curve(),
        rows.size() - secondaries.size(),
        rateInterval(secondaries), overall.medianInterval(), OutcomeDashboard.insufficient(secondaries.size()),
        AT_RISK_DAYS.stream().map(day -> new AtRisk(day, overall.atRisk(day))).toList(),
        cumulativeIncidence(secondaries, today),
        comparison(secondaries, s -> s.primaryModality() == null ? null : s.primaryModality().name(), today),
        comparison(secondaries, s -> s.clinicianId().toString(), today), computedAt, asOf);
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

  /** The Wilson interval of the clearance rate; null when there are no secondaries. */
  static ConfidenceInterval rateInterval(List<SecondaryOutcome> secondaries) {
    return Wilson.interval(clearedAfter(secondaries), secondaries.size());
  }

  static KaplanMeier survival(List<SecondaryOutcome> secondaries, LocalDate today) {
    List<KaplanMeier.Observation> observations = new ArrayList<>();
    for (SecondaryOutcome s : secondaries) {
      KaplanMeier.Observation observation = observation(s, today);
      if (observation != null) {
        observations.add(observation);
      }
    }
    return new KaplanMeier(observations);
  }

  /**
   * The secondary's follow-up on the time-to-clearance curve: a resolution on or after tP is an
   * event, an open secondary is censored at the case's closure, else today. Null when it is
   * outside the curve (the primary never treated, or it cleared before tP).
   */
  private static KaplanMeier.Observation observation(SecondaryOutcome s, LocalDate today) {
    LocalDate treatedOn = s.primaryTreatedOn();
    if (treatedOn == null) {
      return null;
    }
    if (s.resolvedOn() != null) {
      return s.resolvedOn().isBefore(treatedOn) ? null
          : new KaplanMeier.Observation(days(treatedOn, s.resolvedOn()), true);
    }
    return new KaplanMeier.Observation(Math.max(0, days(treatedOn, censoredOn(s, today))), false);
  }

  private static LocalDate censoredOn(SecondaryOutcome s, LocalDate today) {
    return s.caseClosedOn() != null ? s.caseClosedOn() : today;
  }

  /**
   * The competing outcomes over the curve's secondaries, days from tP: a treatment of its own that
   * started on or before its resolution (or while it is open) is the outcome "own treatment" at
   * that start (day 0 if it started before tP); else a resolution is "cleared without own
   * treatment"; else it is censored as on the curve.
   */
  static List<IncidencePoint> cumulativeIncidence(List<SecondaryOutcome> secondaries, LocalDate today) {
    List<CumulativeIncidence.Observation> observations = new ArrayList<>();
    for (SecondaryOutcome s : secondaries) {
      KaplanMeier.Observation onCurve = observation(s, today);
      if (onCurve == null) {
        continue;
      }
      LocalDate own = s.ownTreatmentStartedOn();
      LocalDate endOfFollowUp = s.resolvedOn() != null ? s.resolvedOn() : censoredOn(s, today);
      if (own != null && !own.isAfter(endOfFollowUp)) {
        observations.add(new CumulativeIncidence.Observation(Math.max(0, days(s.primaryTreatedOn(), own)),
            CumulativeIncidence.Outcome.OWN_TREATMENT));
      } else {
        observations.add(new CumulativeIncidence.Observation(onCurve.days(), onCurve.cleared()
            ? CumulativeIncidence.Outcome.CLEARED_WITHOUT_OWN_TREATMENT : CumulativeIncidence.Outcome.CENSORED));
      }
    }
    if (observations.isEmpty()) {
      return List.of();
    }
    CumulativeIncidence incidence = new CumulativeIncidence(observations);
    return INCIDENCE_DAYS.stream().map(incidence::at)
        .map(p -> new IncidencePoint(p.day(), p.clearedWithoutOwnTreatment(), p.ownTreatment())).toList();
  }

  /**
   * The log-rank test across the groups with at least {@link OutcomeDashboard#ENOUGH_SECONDARIES}
   * secondaries on the curve, in the order of their keys; null when fewer than two such groups.
   * Secondaries without a group (a primary never treated has no modality) are left out.
   */
  static Comparison comparison(List<SecondaryOutcome> secondaries, Function<SecondaryOutcome, String> group,
      LocalDate today) {
    Map<String, List<KaplanMeier.Observation>> byGroup = new TreeMap<>();
    for (SecondaryOutcome s : secondaries) {
      KaplanMeier.Observation observation = observation(s, today);
      String key = group.apply(s);
      if (observation != null && key != null) {
        byGroup.computeIfAbsent(key, k -> new ArrayList<>()).add(observation);
      }
    }
    byGroup.values().removeIf(observations -> OutcomeDashboard.insufficient(observations.size()));
    LogRank.Result result = LogRank.test(byGroup);
    return result == null ? null
        : new Comparison(result.groups(), result.chiSquare(), result.degreesOfFreedom(), result.pValue());
  }

  private static List<ByPrimaryCondition> byPrimaryCondition(List<SecondaryOutcome> secondaries, LocalDate today) {
    return groups(secondaries, SecondaryOutcome::primaryConditionCode).entrySet().stream()
        .map(g -> {
          KaplanMeier curve = survival(g.getValue(), today);
          return new ByPrimaryCondition(g.getKey(), g.getValue().size(), clearedAfter(g.getValue()), curve.median(),
              rate(g.getValue()), rateInterval(g.getValue()), curve.medianInterval(),
              OutcomeDashboard.insufficient(g.getValue().size()));
        })
        .sorted(Comparator.comparingInt(ByPrimaryCondition::secondaries).reversed()
            .thenComparing(ByPrimaryCondition::conditionCode, KEYS))
        .toList();
  }

  private static List<ByChain> byChain(List<SecondaryOutcome> secondaries) {
    return groups(secondaries, s -> s.primaryConditionCode() + "\u0000" + s.secondaryConditionCode())
        .values().stream()
        .map(g -> new ByChain(g.get(0).primaryConditionCode(), g.get(0).secondaryConditionCode(), g.size(),
            clearedAfter(g), rate(g), rateInterval(g), OutcomeDashboard.insufficient(g.size())))
        .sorted(Comparator.comparingInt(ByChain::count).reversed()
            .thenComparing(ByChain::primaryConditionCode, KEYS).thenComparing(ByChain::secondaryConditionCode, KEYS))
        .toList();
  }

  private static List<ByClinician> byClinician(List<SecondaryOutcome> secondaries, LocalDate today) {
    return groups(secondaries, SecondaryOutcome::clinicianId).entrySet().stream()
        .map(g -> {
          KaplanMeier curve = survival(g.getValue(), today);
          return new ByClinician(g.getKey(), g.getValue().size(), clearedAfter(g.getValue()), rate(g.getValue()),
              curve.median(), rateInterval(g.getValue()), curve.medianInterval(),
              OutcomeDashboard.insufficient(g.getValue().size()));
        })
        .sorted(Comparator.comparingInt(ByClinician::secondaries).reversed()
            .thenComparing(ByClinician::clinicianId, Comparator.nullsLast(Comparator.<UUID>naturalOrder())))
        .toList();
  }

  private static List<ByModality> byModality(List<SecondaryOutcome> secondaries, LocalDate today) {
    return groups(secondaries, s -> s.primaryModality() == null ? null : s.primaryModality().name()).entrySet()
        .stream()
        .map(g -> {
          KaplanMeier curve = survival(g.getValue(), today);
          return new ByModality(g.getKey(), g.getValue().size(), clearedAfter(g.getValue()), curve.median(),
              rate(g.getValue()), rateInterval(g.getValue()), curve.medianInterval(),
              OutcomeDashboard.insufficient(g.getValue().size()));
        })
        .sorted(Comparator.comparingInt(ByModality::secondaries).reversed()
            .thenComparing(ByModality::modality, KEYS))
        .toList();
  }

  private static List<ByMonth> byMonth(List<SecondaryOutcome> secondaries) {
    return groups(secondaries, s -> s.secondaryOnsetOn().toString().substring(0, 7)).entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(g -> new ByMonth(g.getKey(), g.getValue().size(), clearedAfter(g.getValue()), rate(g.getValue()),
            rateInterval(g.getValue()), OutcomeDashboard.insufficient(g.getValue().size())))
        .toList();
  }

  static List<ByInstrument> byInstrument(List<MeasureTally> unordered) {
    // Summed in one order, so that the mean is the same to the last bit however the tallies were read.
    List<MeasureTally> tallies = unordered.stream()
        .sorted(Comparator.comparing(MeasureTally::instrument).thenComparingDouble(MeasureTally::firstScore)
            .thenComparingDouble(MeasureTally::latestScore))
        .toList();
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
        rows.add(new ByInstrument(instrument.name(), instrument.mcid(), injuries, improved, improvement / injuries,
            Wilson.interval(improved, injuries), OutcomeDashboard.insufficient(injuries)));
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
