package com.kineticcasebook.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.kineticcasebook.generator.CaseGenerator.Clinician;
import com.kineticcasebook.generator.CaseGenerator.GeneratedCase;
import com.kineticcasebook.generator.CaseGenerator.MarkInError;
import com.kineticcasebook.outcomes.Classification;
import com.kineticcasebook.patientcase.AttachGaitVideo;
import com.kineticcasebook.patientcase.CaseCommand;
import com.kineticcasebook.patientcase.CaseId;
import com.kineticcasebook.patientcase.CloseCase;
import com.kineticcasebook.patientcase.HypothesisePrimary;
import com.kineticcasebook.patientcase.InjuryId;
import com.kineticcasebook.patientcase.MarkEnteredInError;
import com.kineticcasebook.patientcase.OpenCase;
import com.kineticcasebook.patientcase.PatientCase;
import com.kineticcasebook.patientcase.RecordGaitFilming;
import com.kineticcasebook.patientcase.RecordOutcomeMeasure;
import com.kineticcasebook.patientcase.RecordVisit;
import com.kineticcasebook.patientcase.ReopenCase;
import com.kineticcasebook.patientcase.ReportInjury;
import com.kineticcasebook.patientcase.ResolveInjury;
import com.kineticcasebook.patientcase.StartTreatment;
import com.kineticcasebook.reference.BodyRegion;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;

/**
 * The generator's promises: determinism, commands the aggregate accepts as they are, dates within
 * the rules, and a case mix that follows the published running-injury figures.
 */
class CaseGeneratorTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 2);
  private static final long SEED = 20261102L;
  private static final UUID NORTH = UUID.fromString("0000000c-0000-4000-8000-00000000000a");
  private static final UUID SOUTH = UUID.fromString("0000000c-0000-4000-8000-00000000000b");
  private static final List<Clinician> CLINICIANS = List.of(
      new Clinician(UUID.fromString("0000000d-0000-4000-8000-000000000001"), NORTH),
      new Clinician(UUID.fromString("0000000d-0000-4000-8000-000000000002"), NORTH),
      new Clinician(UUID.fromString("0000000d-0000-4000-8000-000000000003"), SOUTH));

  /** Generated once: every test reads the same 2,000 cases. */
  private static final List<GeneratedCase> CASES = new CaseGenerator(SEED, TODAY).generate(2000, CLINICIANS);

  @Test
  void sameSeedAndToday_giveEqualCasesWithEqualIdsAndDates() {
    List<GeneratedCase> again = new CaseGenerator(SEED, TODAY).generate(2000, CLINICIANS);

    assertThat(again).isEqualTo(CASES);
  }

  @Test
  void differentSeed_givesDifferentCases() {
    List<GeneratedCase> other = new CaseGenerator(SEED + 1, TODAY).generate(2000, CLINICIANS);

    assertThat(other).isNotEqualTo(CASES);
    Set<CaseId> ids = CASES.stream().map(CaseGeneratorTest::caseIdOf).collect(Collectors.toSet());
    assertThat(other).map(CaseGeneratorTest::caseIdOf).doesNotContainAnyElementsOf(ids);
  }

  @Test
  void everyCase_opensWithItsClinicianAndAPseudonymousReference_andClinicsNumberTheirPatients() {
    Map<UUID, Set<String>> refsByClinic = new HashMap<>();
    for (int i = 0; i < CASES.size(); i++) {
      GeneratedCase generated = CASES.get(i);
      assertThat(generated.clinician()).isEqualTo(CLINICIANS.get(i % CLINICIANS.size()));
      assertThat(generated.commands().get(0)).isInstanceOf(OpenCase.class);
      OpenCase open = (OpenCase) generated.commands().get(0);
      assertThat(open.assignedClinicianId().value()).isEqualTo(generated.clinician().userId());
      assertThat(open.clinicId().value()).isEqualTo(generated.clinician().clinicId());
      assertThat(open.patientRef()).matches("N-\\d{5}");
      Set<String> refs = refsByClinic.computeIfAbsent(open.clinicId().value(), clinic -> new HashSet<>());
      assertThat(refs.add(open.patientRef())).as("patient ref %s is unique in its clinic", open.patientRef()).isTrue();
    }
  }

  @Test
  void everyCommand_isACommandOfItsCase_datedNoLaterThanToday_andWithinTheDateRules() {
    for (GeneratedCase generated : CASES) {
      List<Object> commands = generated.commands();
      CaseId caseId = caseIdOf(generated);
      Map<InjuryId, LocalDate> onsets = new HashMap<>();
      LocalDate openedOn = ((OpenCase) commands.get(0)).openedOn();
      LocalDate previous = openedOn;
      HypothesisePrimary hypothesis = null;
      for (int i = 0; i < commands.size(); i++) {
        Object command = commands.get(i);
        if (command instanceof MarkInError mark) {
          assertThat(mark.commandIndex()).isLessThan(i);
          assertThat(commands.get(mark.commandIndex()))
              .as("only outcome scores and resolutions are marked in error")
              .isInstanceOfAny(RecordOutcomeMeasure.class, ResolveInjury.class);
          continue;
        }
        assertThat(caseIdOf(command)).isEqualTo(caseId);
        LocalDate date = dateOf(command);
        if (date != null) {
          assertThat(date).as("%s", command).isBeforeOrEqualTo(TODAY).isAfterOrEqualTo(openedOn.minusYears(1));
        }
        if (command instanceof ReportInjury report) {
          assertThat(report.onsetOn()).isBeforeOrEqualTo(openedOn);
          onsets.put(report.injuryId(), report.onsetOn());
        } else if (command instanceof ResolveInjury resolution && hypothesis != null
            && resolution.resolvedOn().isBefore(hypothesis.hypothesisedOn())) {
          // A secondary that had cleared before the review that linked it, told there: dated before it.
          assertThat(hypothesis.secondaryInjuryIds()).as("%s", command).contains(resolution.injuryId());
          assertThat(resolution.resolvedOn()).isAfterOrEqualTo(openedOn);
        } else if (date != null) {
          // Apart from onsets, which lie before the visit, a case's dates never go back.
          assertThat(date).as("%s", command).isAfterOrEqualTo(previous);
          previous = date;
        }
        if (command instanceof HypothesisePrimary stated) {
          hypothesis = stated;
        }
        if (command instanceof StartTreatment treatment) {
          assertThat(treatment.startedOn()).isAfterOrEqualTo(onsets.get(treatment.targetInjuryId()));
        }
        if (command instanceof ResolveInjury resolution) {
          assertThat(resolution.resolvedOn()).isAfterOrEqualTo(onsets.get(resolution.injuryId()));
        }
        if (command instanceof CloseCase) {
          assertThat(i).as("nothing follows the closure").isEqualTo(commands.size() - 1);
        }
      }
    }
  }

  /**
   * The generator makes every kind of case command, but for two a demo has no use for: a video
   * (it would need a file on disk) and reopening a closed case. A command added to the case's set
   * fails here until the generator makes it or it joins this list with its reason.
   */
  @Test
  void theCasesUseEveryKindOfCaseCommand() {
    Set<Class<?>> made = CASES.stream().flatMap(generated -> generated.commands().stream())
        .map(command -> command instanceof MarkInError ? MarkEnteredInError.class : command.getClass())
        .collect(Collectors.toSet());
    made.add(AttachGaitVideo.class);
    made.add(ReopenCase.class);
    // A visit appends the same events as its parts' single-purpose commands, which the cases use one by one.
    made.add(RecordVisit.class);

    assertThat(made).containsExactlyInAnyOrder(CaseCommand.class.getPermittedSubclasses());
  }

  @Test
  void theAggregate_acceptsEveryGeneratedCommand_inOrder() {
    // The first 600 cases show every kind of course; every case with a mark in error is added, as marks are rare.
    List<GeneratedCase> sample = new ArrayList<>();
    for (int i = 0; i < CASES.size(); i++) {
      GeneratedCase generated = CASES.get(i);
      if (i < 600 || generated.commands().stream().anyMatch(MarkInError.class::isInstance)) {
        sample.add(generated);
      }
    }
    for (GeneratedCase generated : sample) {
      assertThatCode(() -> replay(generated)).as("case %s", caseIdOf(generated)).doesNotThrowAnyException();
    }
    assertThat(sample).hasSizeGreaterThan(660);
  }

  @Test
  void theMix_followsPublishedRunningInjuryFigures() {
    List<CaseFacts> facts = CASES.stream().map(CaseFacts::of).toList();

    List<ReportInjury> injuries = facts.stream().flatMap(fact -> fact.injuries().values().stream()).toList();
    double knee = share(injuries, report -> report.bodyRegion() == BodyRegion.KNEE);
    double achillesAndCalf = share(injuries,
        report -> report.bodyRegion() == BodyRegion.ACHILLES || report.bodyRegion() == BodyRegion.CALF);
    double chains = share(facts, fact -> fact.hypothesis() != null);
    double marked = share(facts, fact -> !fact.marked().isEmpty());
    double closed = share(facts, fact -> fact.closedOn() != null);
    Map<Classification, Long> outcomes = new EnumMap<>(Classification.class);
    List<Long> daysToClearance = new ArrayList<>();
    long linkedAfterClearance = 0;
    for (CaseFacts fact : facts) {
      linkedAfterClearance += fact.classifySecondaries(outcomes, daysToClearance);
    }
    long secondaries = outcomes.values().stream().mapToLong(Long::longValue).sum();
    double hindsight = (double) linkedAfterClearance / (secondaries + linkedAfterClearance);
    double median = median(daysToClearance);
    Map<String, Long> conditions = injuries.stream()
        .collect(Collectors.groupingBy(ReportInjury::conditionCode, TreeMap::new, Collectors.counting()));

    System.out.printf(Locale.ROOT, "CaseGenerator mix over %d cases: %d injuries, knee %.1f %%, Achilles+calf %.1f %%, "
            + "chains %.1f %%, closed %.1f %%, one entry in error %.1f %%%n",
        facts.size(), injuries.size(), knee * 100, achillesAndCalf * 100, chains * 100, closed * 100, marked * 100);
    outcomes.forEach((outcome, count) -> System.out.printf(Locale.ROOT, "  %s %d (%.1f %%)%n", outcome, count,
        100.0 * count / secondaries));
    System.out.printf(Locale.ROOT, "  linked after clearance %d (%.1f %%)%n", linkedAfterClearance, hindsight * 100);
    System.out.printf(Locale.ROOT, "  median days primary treatment -> secondary resolution %.1f (n=%d)%n", median,
        daysToClearance.size());
    conditions.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
        .forEach(entry -> System.out.printf(Locale.ROOT, "  %s %d%n", entry.getKey(), entry.getValue()));

    assertThat(knee).isBetween(0.20, 0.36);
    assertThat(achillesAndCalf).isBetween(0.18, 0.32);
    assertThat(chains).isBetween(0.60, 0.80);
    assertThat(closed).isBetween(0.34, 0.46);
    assertThat(marked).isBetween(0.03, 0.075);
    assertThat(outcomes.keySet()).containsExactlyInAnyOrder(Classification.values());
    // About 55 / 20 / 5 / 20 %, unresolved including those censored at today or at closure.
    assertThat(outcomeShare(outcomes, Classification.CLEARED_AFTER_PRIMARY_TREATMENT)).isBetween(0.45, 0.65);
    assertThat(outcomeShare(outcomes, Classification.CLEARED_WITH_DIRECT_TREATMENT)).isBetween(0.12, 0.28);
    assertThat(outcomeShare(outcomes, Classification.CLEARED_BEFORE_PRIMARY_TREATMENT)).isBetween(0.02, 0.09);
    assertThat(outcomeShare(outcomes, Classification.UNRESOLVED)).isBetween(0.12, 0.30);
    assertThat(median).isBetween(40.0, 90.0);
    // Some, but few, links are stated only after the secondary had cleared.
    assertThat(hindsight).isBetween(0.01, 0.05);
    assertThat(top(conditions, 6)).containsExactlyInAnyOrder("PATELLOFEMORAL_PAIN", "MEDIAL_TIBIAL_STRESS_SYNDROME",
        "ACHILLES_TENDINOPATHY", "PLANTAR_FASCIITIS", "ILIOTIBIAL_BAND_SYNDROME", "CALF_STRAIN");
  }

  /**
   * Sends the case's commands one by one through the aggregate, as the demo runner does: a
   * {@link MarkInError} becomes a {@link MarkEnteredInError} of the event its command caused.
   */
  private static void replay(GeneratedCase generated) {
    AggregateTestFixture<PatientCase> fixture = new AggregateTestFixture<>(PatientCase.class);
    fixture.registerInjectableResource(Clock.fixed(TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
    List<Object> commands = generated.commands();
    CaseId caseId = caseIdOf(generated);
    List<String> eventIds = new ArrayList<>();
    TestExecutor<PatientCase> executor = fixture.givenNoPriorActivity();
    for (int i = 0; i < commands.size() - 1; i++) {
      executor = executor.andGivenCommands(sendable(commands.get(i), caseId, eventIds));
      List<? extends EventMessage<?>> events =
          fixture.getEventStore().readEvents(caseId.toString()).asStream().toList();
      assertThat(events).as("one event per command").hasSize(i + 1);
      eventIds.add(events.get(i).getIdentifier());
    }
    executor.when(sendable(commands.get(commands.size() - 1), caseId, eventIds)).expectSuccessfulHandlerExecution();
  }

  private static Object sendable(Object command, CaseId caseId, List<String> eventIds) {
    if (command instanceof MarkInError mark) {
      return new MarkEnteredInError(caseId, eventIds.get(mark.commandIndex()), mark.reason());
    }
    return command;
  }

  /** What the dashboards would read from one case, entries marked in error left out. */
  private record CaseFacts(Map<InjuryId, ReportInjury> injuries, HypothesisePrimary hypothesis,
      List<StartTreatment> treatments, Map<InjuryId, LocalDate> resolvedOn, Set<Integer> marked, LocalDate closedOn) {

    static CaseFacts of(GeneratedCase generated) {
      List<Object> commands = generated.commands();
      Set<Integer> marked = commands.stream().filter(MarkInError.class::isInstance)
          .map(command -> ((MarkInError) command).commandIndex()).collect(Collectors.toSet());
      Map<InjuryId, ReportInjury> injuries = new HashMap<>();
      HypothesisePrimary hypothesis = null;
      List<StartTreatment> treatments = new ArrayList<>();
      Map<InjuryId, LocalDate> resolvedOn = new HashMap<>();
      LocalDate closedOn = null;
      for (int i = 0; i < commands.size(); i++) {
        Object command = commands.get(i);
        if (marked.contains(i)) {
          continue;
        }
        if (command instanceof ReportInjury report) {
          injuries.put(report.injuryId(), report);
        } else if (command instanceof HypothesisePrimary stated) {
          hypothesis = stated;
        } else if (command instanceof StartTreatment treatment) {
          treatments.add(treatment);
        } else if (command instanceof ResolveInjury resolution) {
          resolvedOn.put(resolution.injuryId(), resolution.resolvedOn());
        } else if (command instanceof CloseCase close) {
          closedOn = close.closedOn();
        }
      }
      return new CaseFacts(injuries, hypothesis, treatments, resolvedOn, marked, closedOn);
    }

    /**
     * Classifies each secondary by the product's rule, and collects days to clearance from the
     * primary's treatment; returns how many were linked after they cleared, which count in neither.
     */
    int classifySecondaries(Map<Classification, Long> outcomes, List<Long> daysToClearance) {
      if (hypothesis == null) {
        return 0;
      }
      int linkedAfterClearance = 0;
      LocalDate primaryTreated = treatments.stream()
          .filter(treatment -> treatment.targetInjuryId().equals(hypothesis.primaryInjuryId()))
          .map(StartTreatment::startedOn).min(LocalDate::compareTo).orElse(null);
      for (InjuryId secondary : hypothesis.secondaryInjuryIds()) {
        LocalDate resolved = resolvedOn.get(secondary);
        boolean treatedDirectly = treatments.stream().anyMatch(t -> t.targetInjuryId().equals(secondary));
        if (resolved != null && resolved.isBefore(hypothesis.hypothesisedOn())) {
          linkedAfterClearance++;
          continue;
        }
        outcomes.merge(Classification.of(resolved, treatedDirectly, primaryTreated), 1L, Long::sum);
        if (resolved != null && primaryTreated != null && !resolved.isBefore(primaryTreated)) {
          daysToClearance.add(ChronoUnit.DAYS.between(primaryTreated, resolved));
        }
      }
      return linkedAfterClearance;
    }
  }

  private static CaseId caseIdOf(GeneratedCase generated) {
    return ((OpenCase) generated.commands().get(0)).caseId();
  }

  private static CaseId caseIdOf(Object command) {
    if (command instanceof CaseCommand caseCommand) {
      return caseCommand.caseId();
    }
    throw new AssertionError("Not a command the generator should make: " + command);
  }

  /** The command's clinical date. */
  private static LocalDate dateOf(Object command) {
    if (command instanceof OpenCase open) {
      return open.openedOn();
    } else if (command instanceof HypothesisePrimary hypothesis) {
      return hypothesis.hypothesisedOn();
    } else if (command instanceof ReportInjury report) {
      return report.onsetOn();
    } else if (command instanceof RecordGaitFilming filming) {
      return filming.filmedOn();
    } else if (command instanceof StartTreatment treatment) {
      return treatment.startedOn();
    } else if (command instanceof RecordOutcomeMeasure measure) {
      return measure.measuredOn();
    } else if (command instanceof ResolveInjury resolution) {
      return resolution.resolvedOn();
    } else if (command instanceof CloseCase close) {
      return close.closedOn();
    }
    return null;
  }

  private static <T> double share(List<T> items, Function<T, Boolean> counted) {
    return (double) items.stream().filter(counted::apply).count() / items.size();
  }

  private static double outcomeShare(Map<Classification, Long> outcomes, Classification outcome) {
    long all = outcomes.values().stream().mapToLong(Long::longValue).sum();
    return (double) outcomes.getOrDefault(outcome, 0L) / all;
  }

  private static double median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
  }

  private static List<String> top(Map<String, Long> counts, int limit) {
    return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
        .map(Map.Entry::getKey).toList();
  }
}
