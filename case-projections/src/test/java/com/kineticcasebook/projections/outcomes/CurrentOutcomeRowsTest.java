package com.kineticcasebook.projections.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.outcomes.Classification;
import com.kineticcasebook.outcomes.MeasureChange;
import com.kineticcasebook.outcomes.OutcomeDashboard;
import com.kineticcasebook.outcomes.SecondaryOutcome;
import com.kineticcasebook.reference.OutcomeInstrument;
import com.kineticcasebook.reference.TreatmentModality;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The dashboard computed from a clinic's narrow rows in memory, for any date range, equals the
 * dashboard computed from the full rows as the tables give them (in whatever order), on generated
 * secondaries and measured injuries.
 */
class CurrentOutcomeRowsTest {

  private static final LocalDate T0 = LocalDate.of(2025, 1, 1);
  private static final LocalDate TODAY = T0.plusDays(500);
  private static final Instant NOW = Instant.parse("2026-05-16T12:00:00Z");
  private static final UUID CLINIC = UUID.randomUUID();
  private static final String[] CONDITIONS = {"CALF_STRAIN", "PATELLOFEMORAL_PAIN", "ACHILLES_TENDINOPATHY",
      "PLANTAR_FASCIITIS", "ILIOTIBIAL_BAND_SYNDROME", null};

  @Test
  void theFastPathEqualsTheComputationFromTheTablesForAnyRange() {
    for (long seed = 1; seed <= 40; seed++) {
      Random random = new Random(seed);
      List<UUID> clinicians = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
      int size = random.nextInt(seed % 5 == 0 ? 3000 : 200) + (int) (seed % 3);
      List<SecondaryOutcome> rows = new ArrayList<>();
      List<MeasureChange> measures = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        rows.add(secondary(random, clinicians));
        if (random.nextInt(3) == 0) {
          OutcomeInstrument instrument = OutcomeInstrument.values()[random.nextInt(OutcomeInstrument.values().length)];
          double first = instrument.min() + random.nextInt(5);
          measures.add(new MeasureChange(UUID.randomUUID(), CLINIC, UUID.randomUUID(), T0.plusDays(random.nextInt(400)),
              instrument, first, Math.min(instrument.max(), first + random.nextInt(12)), 1 + random.nextInt(3)));
        }
      }
      CurrentOutcomeRows.Snapshot snapshot = CurrentOutcomeRows.Snapshot.of(seed,
          rows.stream().map(CurrentOutcomeRowsTest::narrow).toArray(SecondaryOutcome[]::new),
          measures.stream().filter(m -> m.measures() >= 2)
              .map(m -> new CurrentOutcomeRows.Measure(m.injuryOnsetOn(), m.instrument(), m.firstScore(), m.latestScore()))
              .toArray(CurrentOutcomeRows.Measure[]::new));
      for (int range = 0; range < 6; range++) {
        LocalDate from = range == 0 || random.nextBoolean() ? null : T0.plusDays(random.nextInt(400));
        LocalDate to = range == 0 || random.nextBoolean() ? null : T0.plusDays(random.nextInt(400));
        if (from != null && to != null && from.isAfter(to)) {
          LocalDate swap = from;
          from = to;
          to = swap;
        }
        List<SecondaryOutcome> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, random);
        OutcomeDashboard fromTables = OutcomeStatistics.dashboard(CLINIC, from, to,
            within(shuffled, from, to), tallies(measures, from, to, random), TODAY, NOW);
        OutcomeDashboard fast = snapshot.dashboard(CLINIC, from, to, TODAY, NOW);
        assertThat(fast).as("seed %d, %s..%s", seed, from, to).isEqualTo(fromTables);
      }
    }
  }

  private static SecondaryOutcome secondary(Random random, List<UUID> clinicians) {
    LocalDate onset = T0.plusDays(random.nextInt(400));
    LocalDate treated = random.nextInt(6) == 0 ? null : onset.plusDays(random.nextInt(30));
    LocalDate own = random.nextInt(4) == 0 ? onset.plusDays(random.nextInt(60)) : null;
    LocalDate resolved = random.nextInt(3) == 0 ? null : onset.plusDays(random.nextInt(120));
    LocalDate closed = resolved == null && random.nextBoolean() ? onset.plusDays(30 + random.nextInt(90)) : null;
    return new SecondaryOutcome(UUID.randomUUID(), CLINIC, clinicians.get(random.nextInt(clinicians.size())),
        UUID.randomUUID(), CONDITIONS[random.nextInt(CONDITIONS.length)], onset, UUID.randomUUID(),
        CONDITIONS[random.nextInt(CONDITIONS.length)], treated,
        treated == null ? null : TreatmentModality.values()[random.nextInt(TreatmentModality.values().length)],
        own != null, resolved, closed, Classification.of(resolved, own != null, treated), random.nextInt(15) == 0, own);
  }

  /** The row as the in-memory rows keep it: no ids but the clinician's. */
  private static SecondaryOutcome narrow(SecondaryOutcome s) {
    return new SecondaryOutcome(null, null, s.clinicianId(), null, s.secondaryConditionCode(), s.secondaryOnsetOn(),
        null, s.primaryConditionCode(), s.primaryTreatedOn(), s.primaryModality(), s.directlyTreated(), s.resolvedOn(),
        s.caseClosedOn(), s.classification(), s.linkedAfterClearance(), s.ownTreatmentStartedOn());
  }

  private static List<SecondaryOutcome> within(List<SecondaryOutcome> rows, LocalDate from, LocalDate to) {
    return rows.stream().filter(s -> (from == null || !s.secondaryOnsetOn().isBefore(from))
        && (to == null || !s.secondaryOnsetOn().isAfter(to))).toList();
  }

  /** What the tables' GROUP BY gives, in a random order. */
  private static List<OutcomeStatistics.MeasureTally> tallies(List<MeasureChange> measures, LocalDate from,
      LocalDate to, Random random) {
    Map<String, OutcomeStatistics.MeasureTally> tallies = new LinkedHashMap<>();
    for (MeasureChange m : measures) {
      if (m.measures() >= 2 && (from == null || !m.injuryOnsetOn().isBefore(from))
          && (to == null || !m.injuryOnsetOn().isAfter(to))) {
        tallies.merge(m.instrument() + "/" + m.firstScore() + "/" + m.latestScore(),
            new OutcomeStatistics.MeasureTally(m.instrument(), m.firstScore(), m.latestScore(), 1),
            (a, b) -> new OutcomeStatistics.MeasureTally(a.instrument(), a.firstScore(), a.latestScore(),
                a.injuries() + 1));
      }
    }
    List<OutcomeStatistics.MeasureTally> shuffled = new ArrayList<>(tallies.values());
    Collections.shuffle(shuffled, random);
    return shuffled;
  }
}
