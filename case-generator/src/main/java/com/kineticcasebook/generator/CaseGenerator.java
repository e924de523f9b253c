package com.kineticcasebook.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;

/**
 * Generates realistic synthetic patient cases as the commands a clinician would send, for demo
 * mode, tests and benchmarks. It is pure: no I/O, no clock, no Spring; the same seed, today,
 * case count and clinicians give the same cases, ids included.
 *
 * <p>About 70 % of cases are compensation chains (a lower-leg or foot primary with one or two
 * secondaries higher up, a hypothesis, treatment of the primary and the secondaries' outcomes);
 * the rest are single injuries. About 40 % end closed, about 5 % contain one entry marked in
 * error. The mix of regions, conditions and recovery times follows published running-injury
 * figures (see {@link ClinicalPatterns}).
 */
public final class CaseGenerator {

  /** A clinician who records cases, and the clinic they work in. */
  public record Clinician(UUID userId, UUID clinicId) {

    public Clinician {
      Objects.requireNonNull(userId, "userId");
      Objects.requireNonNull(clinicId, "clinicId");
    }
  }

  /** Marks, as entered in error, the last event caused by the command at commandIndex of the same case. */
  public record MarkInError(int commandIndex, String reason) {

    public MarkInError {
      if (commandIndex < 0) {
        throw new IllegalArgumentException("commandIndex must not be negative: " + commandIndex);
      }
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * One case: who records it, and its commands in the order they are sent (each a case-api command, or a
   * MarkInError placeholder).
   */
  public record GeneratedCase(Clinician clinician, List<Object> commands) {

    public GeneratedCase {
      Objects.requireNonNull(clinician, "clinician");
      commands = List.copyOf(commands);
    }
  }

  private final long seed;
  private final LocalDate today;

  /** @param today the clinic's date: no generated date is after it */
  public CaseGenerator(long seed, LocalDate today) {
    this.seed = seed;
    this.today = Objects.requireNonNull(today, "today");
  }

  /**
   * Generates {@code cases} cases, dealt to the clinicians in turn; deterministic for (seed, today, cases,
   * clinicians).
   */
  public List<GeneratedCase> generate(int cases, List<Clinician> clinicians) {
    if (cases < 0) {
      throw new IllegalArgumentException("cases must not be negative: " + cases);
    }
    if (cases > 0 && (clinicians == null || clinicians.isEmpty())) {
      throw new IllegalArgumentException("Cases need at least one clinician");
    }
    Draws draws = new Draws(new Random(seed));
    Map<UUID, Integer> nextPatientNumber = new HashMap<>();
    List<GeneratedCase> generated = new ArrayList<>(cases);
    for (int i = 0; i < cases; i++) {
      Clinician clinician = clinicians.get(i % clinicians.size());
      generated.add(new CaseScript(draws, today, clinician, patientRef(clinician, nextPatientNumber, draws)).write());
    }
    return List.copyOf(generated);
  }

  /**
   * Record numbers run on within a clinic from a clinic-specific start, as a clinic's own
   * numbering would; they are pseudonymous, never names.
   */
  private static String patientRef(Clinician clinician, Map<UUID, Integer> nextPatientNumber, Draws draws) {
    Integer number = nextPatientNumber.get(clinician.clinicId());
    if (number == null) {
      number = draws.between(100, 60_000);
    }
    nextPatientNumber.put(clinician.clinicId(), number + 1);
    return String.format(Locale.ROOT, "N-%05d", number);
  }
}
