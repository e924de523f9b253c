package com.kineticcasebook.support;

import com.kineticcasebook.patientcase.AttachGaitVideo;
import com.kineticcasebook.patientcase.CaseClosed;
import com.kineticcasebook.patientcase.CaseId;
import com.kineticcasebook.patientcase.CaseOpened;
import com.kineticcasebook.patientcase.CaseReopened;
import com.kineticcasebook.patientcase.ClinicId;
import com.kineticcasebook.patientcase.CloseCase;
import com.kineticcasebook.patientcase.EntryMarkedInError;
import com.kineticcasebook.patientcase.GaitFilmed;
import com.kineticcasebook.patientcase.GaitFindings;
import com.kineticcasebook.patientcase.GaitVideo;
import com.kineticcasebook.patientcase.GaitVideoAttached;
import com.kineticcasebook.patientcase.HypothesisePrimary;
import com.kineticcasebook.patientcase.InjuryId;
import com.kineticcasebook.patientcase.InjuryReported;
import com.kineticcasebook.patientcase.InjuryResolved;
import com.kineticcasebook.patientcase.MarkEnteredInError;
import com.kineticcasebook.patientcase.OpenCase;
import com.kineticcasebook.patientcase.OutcomeMeasured;
import com.kineticcasebook.patientcase.PrimaryHypothesised;
import com.kineticcasebook.patientcase.RecordGaitFilming;
import com.kineticcasebook.patientcase.RecordOutcomeMeasure;
import com.kineticcasebook.patientcase.RecordingId;
import com.kineticcasebook.patientcase.ReopenCase;
import com.kineticcasebook.patientcase.ReportInjury;
import com.kineticcasebook.patientcase.ResolveInjury;
import com.kineticcasebook.patientcase.SecondaryResolved;
import com.kineticcasebook.patientcase.StartTreatment;
import com.kineticcasebook.patientcase.TreatmentId;
import com.kineticcasebook.patientcase.TreatmentStarted;
import com.kineticcasebook.patientcase.UserId;
import com.kineticcasebook.reference.BodyRegion;
import com.kineticcasebook.reference.Condition;
import com.kineticcasebook.reference.ConditionCatalogue;
import com.kineticcasebook.reference.GaitView;
import com.kineticcasebook.reference.OutcomeInstrument;
import com.kineticcasebook.reference.RunningSurface;
import com.kineticcasebook.reference.Side;
import com.kineticcasebook.reference.TreatmentModality;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

/**
 * Random valid command sequences for one case, for property-based tests of the read side. Every
 * command is one the case accepts at that point (the generator keeps the rules of the case:
 * injuries of the case, unresolved where it matters, dates after onset, corrections only of
 * entries that may be corrected, nothing on a closed case but reopening), and every optional
 * field is sometimes left out: condition codes, gait findings, evidence, notes.
 *
 * <p>Each action draws its choices from its own seed, so shrinking a failing sequence drops or
 * simplifies actions one at a time.
 */
public final class CaseSequences {

  /** Clinical dates lie within these days, all in the past. */
  private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
  private static final int DAYS = 700;
  private static final Set<Class<?>> NEVER_IN_ERROR =
      Set.of(CaseOpened.class, CaseClosed.class, CaseReopened.class, EntryMarkedInError.class);

  /**
   * One step of a case: its command and the event it records, each given the ids of the events
   * recorded by the steps before it (a correction names one of them by its step).
   */
  public record Step(Function<List<String>, Object> command, Function<List<String>, Object> event) {}

  /**
   * A generated case and what its events must show.
   *
   * @param liveInjuries injuries whose report is not marked in error
   * @param openInjuries those of them not resolved
   */
  public record GeneratedCase(CaseId caseId, List<Step> steps, boolean closed, int liveInjuries, int openInjuries) {

    /** The case's events as the event store would hand them to the read side, one minute apart. */
    public List<DomainEventMessage<?>> events(UserId recordedBy) {
      List<String> ids = new ArrayList<>();
      List<DomainEventMessage<?>> events = new ArrayList<>();
      Instant recordedAt = Instant.parse("2026-01-05T09:00:00Z");
      for (int i = 0; i < steps.size(); i++) {
        String id = UUID.randomUUID().toString();
        events.add(new GenericDomainEventMessage<>("PatientCase", caseId.toString(), i, steps.get(i).event().apply(ids),
            Map.of("userId", recordedBy.toString()), id, recordedAt.plusSeconds(60L * i)));
        ids.add(id);
      }
      return events;
    }

    @Override
    public String toString() {
      return steps.size() + " steps: " + String.join(", ", describe());
    }

    private List<String> describe() {
      List<String> ids = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (int i = 0; i < steps.size(); i++) {
        names.add(steps.get(i).event().apply(ids).toString());
        ids.add("step-" + i);
      }
      return names;
    }
  }

  private CaseSequences() {}

  /** Cases of the clinic assigned to the clinician, of {@code minActions..maxActions} actions after opening. */
  public static Arbitrary<GeneratedCase> cases(ClinicId clinic, UserId clinician, int minActions, int maxActions) {
    return Arbitraries.longs().list().ofMinSize(minActions).ofMaxSize(maxActions)
        .map(seeds -> generate(clinic, clinician, seeds));
  }

  private static GeneratedCase generate(ClinicId clinic, UserId clinician, List<Long> seeds) {
    Model model = new Model(new CaseId(UUID.randomUUID()));
    OpenCase open = new OpenCase(model.caseId, clinic, "N-" + (10000 + Math.floorMod(seeds.hashCode(), 90000)),
        clinician, FIRST_DAY);
    model.add(CaseOpened.class, ids -> open, ids -> new CaseOpened(open.caseId(), open.clinicId(), open.patientRef(),
        open.assignedClinicianId(), open.openedOn()));
    for (long seed : seeds) {
      model.act(new Random(seed));
    }
    int unresolved = (int) model.injuries.values().stream().filter(injury -> !injury.resolved()).count();
    return new GeneratedCase(model.caseId, List.copyOf(model.steps), model.closedOn != null, model.injuries.size(),
        unresolved);
  }

  /** What the case's rules need to know of it so far, kept the way the case keeps it. */
  private static final class Model {

    private record Injury(LocalDate onsetOn, boolean resolved) {}

    private record Hypothesis(int step, InjuryId primary, List<InjuryId> secondaries) {}

    final CaseId caseId;
    final List<Step> steps = new ArrayList<>();
    final List<Class<?>> types = new ArrayList<>();
    final Set<Integer> marked = new HashSet<>();
    final Map<InjuryId, Injury> injuries = new LinkedHashMap<>();
    final Map<Integer, InjuryId> reports = new HashMap<>();
    final Map<Integer, RecordingId> recordings = new LinkedHashMap<>();
    final Map<Integer, InjuryId> treatments = new HashMap<>();
    final Map<Integer, InjuryId> resolutions = new HashMap<>();
    final List<Hypothesis> hypotheses = new ArrayList<>();
    LocalDate closedOn;

    Model(CaseId caseId) {
      this.caseId = caseId;
    }

    int add(Class<?> type, Function<List<String>, Object> command, Function<List<String>, Object> event) {
      steps.add(new Step(command, event));
      types.add(type);
      return steps.size() - 1;
    }

    void act(Random r) {
      if (closedOn != null) {
        if (r.nextInt(3) > 0) {
          reopen(r);
        }
        return;
      }
      int action = r.nextInt(20);
      boolean done = switch (action) {
        case 0, 1, 2, 3 -> false;
        case 4, 5 -> filmGait(r);
        case 6 -> attachVideo(r);
        case 7, 8, 9 -> hypothesise(r);
        case 10, 11 -> treat(r);
        case 12, 13 -> measure(r);
        case 14, 15 -> resolve(r);
        case 16, 17 -> markInError(r);
        default -> close(r);
      };
      if (!done) {
        reportInjury(r);
      }
    }

    void reportInjury(Random r) {
      BodyRegion region = pick(r, List.of(BodyRegion.values()));
      List<Condition> conditions = ConditionCatalogue.all().stream().filter(c -> c.bodyRegion() == region).toList();
      String code = conditions.isEmpty() || r.nextBoolean() ? null : pick(r, conditions).code();
      ReportInjury command = new ReportInjury(caseId, new InjuryId(UUID.randomUUID()), region,
          pick(r, List.of(Side.values())), code, pick(r, List.of("Pain when running", "  Aches after long runs  ")),
          day(r, FIRST_DAY), r.nextInt(11));
      int step = add(InjuryReported.class, ids -> command, ids -> new InjuryReported(caseId, command.injuryId(),
          command.bodyRegion(), command.side(), command.conditionCode(), command.description(), command.onsetOn(),
          command.painScore()));
      injuries.put(command.injuryId(), new Injury(command.onsetOn(), false));
      reports.put(step, command.injuryId());
    }

    boolean filmGait(Random r) {
      GaitFindings findings = new GaitFindings(r.nextBoolean(),
          r.nextBoolean() ? null : r.nextInt(1001) / 10.0,
          r.nextBoolean() ? null : r.nextInt(2001),
          r.nextBoolean() ? null : pick(r, List.of(Side.LEFT, Side.RIGHT)),
          r.nextBoolean() ? null : r.nextInt(501) / 10.0,
          r.nextBoolean() ? null : 60 + r.nextInt(201));
      RecordGaitFilming command = new RecordGaitFilming(caseId, new RecordingId(UUID.randomUUID()), day(r, FIRST_DAY),
          pick(r, List.of(GaitView.values())), pick(r, List.of(RunningSurface.values())), findings);
      int step = add(GaitFilmed.class, ids -> command, ids -> new GaitFilmed(caseId, command.recordingId(),
          command.filmedOn(), command.view(), command.surface(), command.findings()));
      recordings.put(step, command.recordingId());
      return true;
    }

    boolean attachVideo(Random r) {
      if (recordings.isEmpty()) {
        return false;
      }
      byte[] hash = new byte[32];
      r.nextBytes(hash);
      AttachGaitVideo command = new AttachGaitVideo(caseId, pick(r, List.copyOf(recordings.values())),
          new GaitVideo(HexFormat.of().formatHex(hash), pick(r, List.of("video/mp4", "video/webm")),
              1 + r.nextInt(200_000_000)));
      add(GaitVideoAttached.class, ids -> command,
          ids -> new GaitVideoAttached(caseId, command.recordingId(), command.video()));
      return true;
    }

    boolean hypothesise(Random r) {
      List<InjuryId> unresolved = new ArrayList<>(injuries.entrySet().stream()
          .filter(e -> !e.getValue().resolved()).map(Map.Entry::getKey).toList());
      if (unresolved.size() < 2) {
        return false;
      }
      Collections.shuffle(unresolved, r);
      InjuryId primary = unresolved.get(0);
      List<InjuryId> secondaries = List.copyOf(unresolved.subList(1, 2 + r.nextInt(unresolved.size() - 1)));
      List<RecordingId> evidence = null;
      if (r.nextBoolean()) {
        evidence = new ArrayList<>(recordings.values());
        Collections.shuffle(evidence, r);
        evidence = List.copyOf(evidence.subList(0, r.nextInt(evidence.size() + 1)));
      }
      HypothesisePrimary command = new HypothesisePrimary(caseId, primary, secondaries,
          "Guarding the primary injury", evidence, day(r, FIRST_DAY));
      int step = add(PrimaryHypothesised.class, ids -> command, ids -> new PrimaryHypothesised(caseId,
          command.primaryInjuryId(), command.secondaryInjuryIds(), command.rationale(),
          command.evidenceRecordingIds(), command.hypothesisedOn()));
      hypotheses.add(new Hypothesis(step, primary, secondaries));
      return true;
    }

    boolean treat(Random r) {
      InjuryId target = unresolvedInjury(r);
      if (target == null) {
        return false;
      }
      StartTreatment command = new StartTreatment(caseId, new TreatmentId(UUID.randomUUID()), target,
          pick(r, List.of(TreatmentModality.values())), "Per protocol", day(r, injuries.get(target).onsetOn()));
      int step = add(TreatmentStarted.class, ids -> command, ids -> new TreatmentStarted(caseId,
          command.treatmentId(), command.targetInjuryId(), command.modality(), command.plan(), command.startedOn()));
      treatments.put(step, target);
      return true;
    }

    boolean measure(Random r) {
      if (injuries.isEmpty()) {
        return false;
      }
      OutcomeInstrument instrument = pick(r, List.of(OutcomeInstrument.values()));
      double score = instrument.integerScores() ? instrument.min() + r.nextInt(instrument.max() - instrument.min() + 1)
          : r.nextInt(instrument.max() * 10 + 1) / 10.0;
      InjuryId injury = pick(r, List.copyOf(injuries.keySet()));
      RecordOutcomeMeasure command = new RecordOutcomeMeasure(caseId, injury, instrument, score,
          day(r, injuries.get(injury).onsetOn()));
      add(OutcomeMeasured.class, ids -> command, ids -> new OutcomeMeasured(caseId, command.injuryId(),
          command.instrument(), command.score(), command.measuredOn()));
      return true;
    }

    boolean resolve(Random r) {
      InjuryId injury = unresolvedInjury(r);
      if (injury == null) {
        return false;
      }
      ResolveInjury command = new ResolveInjury(caseId, injury, day(r, injuries.get(injury).onsetOn()),
          pick(r, Arrays.asList(null, "", "   ", "Pain-free on a 10 km run")));
      boolean secondary = !hypotheses.isEmpty()
          && hypotheses.get(hypotheses.size() - 1).secondaries().contains(injury);
      int step = secondary
          ? add(SecondaryResolved.class, ids -> command, ids -> new SecondaryResolved(caseId, command.injuryId(),
              command.resolvedOn(), command.note()))
          : add(InjuryResolved.class, ids -> command, ids -> new InjuryResolved(caseId, command.injuryId(),
              command.resolvedOn(), command.note()));
      injuries.computeIfPresent(injury, (id, i) -> new Injury(i.onsetOn(), true));
      resolutions.put(step, injury);
      return true;
    }

    boolean markInError(Random r) {
      List<Integer> markable = new ArrayList<>();
      for (int step = 0; step < steps.size(); step++) {
        if (!NEVER_IN_ERROR.contains(types.get(step)) && !marked.contains(step)
            && !(reports.containsKey(step) && inUse(reports.get(step)))) {
          markable.add(step);
        }
      }
      if (markable.isEmpty()) {
        return false;
      }
      int target = pick(r, markable);
      String type = types.get(target).getSimpleName();
      add(EntryMarkedInError.class, ids -> new MarkEnteredInError(caseId, ids.get(target), "Recorded on the wrong case"),
          ids -> new EntryMarkedInError(caseId, ids.get(target), type, "Recorded on the wrong case"));
      marked.add(target);
      InjuryId reported = reports.remove(target);
      if (reported != null) {
        injuries.remove(reported);
      }
      recordings.remove(target);
      treatments.remove(target);
      hypotheses.removeIf(hypothesis -> hypothesis.step() == target);
      InjuryId resolved = resolutions.remove(target);
      if (resolved != null) {
        injuries.computeIfPresent(resolved, (id, injury) -> new Injury(injury.onsetOn(), false));
      }
      return true;
    }

    boolean close(Random r) {
      CloseCase command = new CloseCase(caseId, day(r, FIRST_DAY), "Discharged", true);
      add(CaseClosed.class, ids -> command,
          ids -> new CaseClosed(caseId, command.closedOn(), command.reason()));
      closedOn = command.closedOn();
      return true;
    }

    void reopen(Random r) {
      ReopenCase command = new ReopenCase(caseId, day(r, closedOn), "Pain returned");
      add(CaseReopened.class, ids -> command,
          ids -> new CaseReopened(caseId, command.reopenedOn(), command.reason()));
      closedOn = null;
    }

    private boolean inUse(InjuryId injury) {
      boolean named = !hypotheses.isEmpty() && (hypotheses.get(hypotheses.size() - 1).primary().equals(injury)
          || hypotheses.get(hypotheses.size() - 1).secondaries().contains(injury));
      return named || treatments.containsValue(injury);
    }

    private InjuryId unresolvedInjury(Random r) {
      List<InjuryId> unresolved = injuries.entrySet().stream()
          .filter(e -> !e.getValue().resolved()).map(Map.Entry::getKey).toList();
      return unresolved.isEmpty() ? null : pick(r, unresolved);
    }
  }

  /** A day from {@code from} to the last day of the range. */
  private static LocalDate day(Random r, LocalDate from) {
    LocalDate last = FIRST_DAY.plusDays(DAYS);
    long span = ChronoUnit.DAYS.between(from, last);
    return from.plusDays(span <= 0 ? 0 : r.nextInt((int) span + 1));
  }

  private static <T> T pick(Random r, List<T> options) {
    return options.get(r.nextInt(options.size()));
  }
}
