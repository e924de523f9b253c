package com.kineticcasebook.patientcase;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A patient's case: the consistency boundary for everything recorded about it.
 *
 * <p>Command handlers check the rules and only then apply events; fields change only in the
 * event-sourcing handlers, so replaying the stream always rebuilds the same state, including the
 * effect of entries marked in error. The state is only what the rules need. The {@link Clock} is
 * a handler parameter that Axon resolves as a resource: "today" for clinical dates is the
 * clinic's date, and tests fix it.
 *
 * <p>The application registers this class with Axon itself, which keeps this module free of Spring.
 */
public class PatientCase {

  private static final String CLOSED = "The case is closed; reopen it first.";

  @AggregateIdentifier
  private CaseId caseId;

  private LocalDate openedOn;

  /** Null while the case is open. */
  private LocalDate closedOn;

  /** Injuries that belong to the case, that is whose report is not marked in error. */
  private final Map<InjuryId, Injury> injuries = new HashMap<>();

  /** The following are keyed by event id, so that marking that event in error undoes exactly its effect. */
  private final Map<String, InjuryId> injuryReports = new HashMap<>();

  private final Map<String, RecordingId> recordings = new HashMap<>();
  private final Map<String, Treatment> treatments = new HashMap<>();
  private final Map<String, InjuryId> resolutions = new HashMap<>();

  /** Hypotheses not marked in error, oldest first: the last one is current. */
  private final List<Hypothesis> hypotheses = new ArrayList<>();

  /** Every event of the case by its id, with what marking it in error needs to know. */
  private final Map<String, Entry> entries = new HashMap<>();
  private final Set<String> markedInError = new HashSet<>();

  private record Entry(String type, boolean canBeMarkedInError) {}

  private record Injury(LocalDate onsetOn, boolean resolved) {}

  private record Treatment(TreatmentId treatmentId, InjuryId targetInjuryId) {}

  private record Hypothesis(String eventId, InjuryId primaryInjuryId, List<InjuryId> secondaryInjuryIds) {

    boolean names(InjuryId injuryId) {
      return primaryInjuryId.equals(injuryId) || secondaryInjuryIds.contains(injuryId);
    }
  }

  /** For Axon, which rebuilds the case from its events. */
  protected PatientCase() {}

  @CommandHandler
  public PatientCase(OpenCase command, Clock clock) {
    Violations.of(command).notInFuture("openedOn", command.openedOn(), clock).throwIfAny();
    apply(new CaseOpened(command.caseId(), command.clinicId(), command.patientRef(), command.assignedClinicianId(),
        command.openedOn()));
  }

  @CommandHandler
  void handle(ReportInjury command, Clock clock) {
    requireOpen();
    Violations.of(command)
        .that("injuryId", command.injuryId(), id -> !injuries.containsKey(id), "is already an injury of this case")
        .notInFuture("onsetOn", command.onsetOn(), clock)
        .throwIfAny();
    apply(new InjuryReported(caseId, command.injuryId(), command.bodyRegion(), command.side(),
        command.conditionCode(), command.description(), command.onsetOn(), command.painScore()));
  }

  @CommandHandler
  void handle(RecordGaitFilming command, Clock clock) {
    requireOpen();
    Violations.of(command)
        .that("recordingId", command.recordingId(), id -> !recordings.containsValue(id),
            "is already a gait recording of this case")
        .notInFuture("filmedOn", command.filmedOn(), clock)
        .throwIfAny();
    apply(new GaitFilmed(caseId, command.recordingId(), command.filmedOn(), command.view(), command.surface(),
        command.findings()));
  }

  @CommandHandler
  void handle(AttachGaitVideo command) {
    requireOpen();
    Violations check = Violations.of(command);
    recordingOf(check, "recordingId", command.recordingId());
    check.throwIfAny();
    apply(new GaitVideoAttached(caseId, command.recordingId(), command.video()));
  }

  @CommandHandler
  void handle(HypothesisePrimary command, Clock clock) {
    requireOpen();
    Violations check = Violations.of(command)
        .notInFuture("hypothesisedOn", command.hypothesisedOn(), clock)
        .that("hypothesisedOn", command.hypothesisedOn(), date -> !date.isBefore(openedOn),
            "must not be before the case was opened");
    List<Injury> named = new ArrayList<>();
    named.add(injuryOf(check, "primaryInjuryId", command.primaryInjuryId()));
    List<InjuryId> secondaries = command.secondaryInjuryIds() == null ? List.of() : command.secondaryInjuryIds();
    for (int i = 0; i < secondaries.size(); i++) {
      named.add(injuryOf(check, "secondaryInjuryIds[" + i + "]", secondaries.get(i)));
    }
    for (int i = 0; i < command.evidenceRecordingIds().size(); i++) {
      recordingOf(check, "evidenceRecordingIds[" + i + "]", command.evidenceRecordingIds().get(i));
    }
    check.throwIfAny();
    if (named.stream().anyMatch(Injury::resolved)) {
      throw new CaseRuleViolation("A hypothesis can only name unresolved injuries, and one of these is resolved.");
    }
    apply(new PrimaryHypothesised(caseId, command.primaryInjuryId(), command.secondaryInjuryIds(),
        command.rationale(), command.evidenceRecordingIds(), command.hypothesisedOn()));
  }

  @CommandHandler
  void handle(StartTreatment command, Clock clock) {
    requireOpen();
    Violations check = Violations.of(command)
        .that("treatmentId", command.treatmentId(), id -> !isTreatment(id), "is already a treatment of this case")
        .notInFuture("startedOn", command.startedOn(), clock);
    Injury target = injuryOf(check, "targetInjuryId", command.targetInjuryId());
    if (target != null) {
      check.that("startedOn", command.startedOn(), date -> !date.isBefore(target.onsetOn()),
          "must not be before the injury's onset");
    }
    check.throwIfAny();
    if (target.resolved()) {
      throw new CaseRuleViolation("The injury is resolved, so a treatment cannot start on it.");
    }
    apply(new TreatmentStarted(caseId, command.treatmentId(), command.targetInjuryId(), command.modality(),
        command.plan(), command.startedOn()));
  }

  /**
   * Allowed on resolved injuries too: follow-up scores after resolution are what show the outcome
   * held. Never before the injury's onset nor before the case opened: such a score would measure
   * something other than this case's injury.
   */
  @CommandHandler
  void handle(RecordOutcomeMeasure command, Clock clock) {
    requireOpen();
    Violations check = Violations.of(command)
        .notInFuture("measuredOn", command.measuredOn(), clock)
        .that("measuredOn", command.measuredOn(), date -> !date.isBefore(openedOn),
            "must not be before the case was opened");
    Injury injury = injuryOf(check, "injuryId", command.injuryId());
    if (injury != null) {
      check.that("measuredOn", command.measuredOn(), date -> !date.isBefore(injury.onsetOn()),
          "must not be before the injury's onset");
    }
    check.throwIfAny();
    apply(new OutcomeMeasured(caseId, command.injuryId(), command.instrument(), command.score(),
        command.measuredOn()));
  }

  @CommandHandler
  void handle(ResolveInjury command, Clock clock) {
    requireOpen();
    Violations check = Violations.of(command).notInFuture("resolvedOn", command.resolvedOn(), clock);
    Injury injury = injuryOf(check, "injuryId", command.injuryId());
    if (injury != null) {
      check.that("resolvedOn", command.resolvedOn(), date -> !date.isBefore(injury.onsetOn()),
          "must not be before the injury's onset");
    }
    check.throwIfAny();
    if (injury.resolved()) {
      throw new CaseRuleViolation("The injury is already resolved.");
    }
    applyResolution(command.injuryId(), command.resolvedOn(), command.note());
  }

  /** A secondary of the current hypothesis resolves as a SecondaryResolved, any other injury as an InjuryResolved. */
  private void applyResolution(InjuryId injuryId, LocalDate resolvedOn, String note) {
    boolean secondary = currentHypothesis()
        .map(hypothesis -> hypothesis.secondaryInjuryIds().contains(injuryId))
        .orElse(false);
    if (secondary) {
      apply(new SecondaryResolved(caseId, injuryId, resolvedOn, note));
    } else {
      apply(new InjuryResolved(caseId, injuryId, resolvedOn, note));
    }
  }

  /**
   * Checks every part of the visit against the case before applying anything, so that a visit is
   * refused as a whole with all its errors; then applies the same events the single-purpose
   * commands would, each dated the visit's date, in the one unit of work of this command. Rules
   * that refuse a single command with a conflict (treating or resolving a resolved injury) are
   * field errors here, named by the part's path, so that every one is shown beside its field.
   */
  @CommandHandler
  void handle(RecordVisit command, Clock clock) {
    requireOpen();
    LocalDate visitedOn = command.visitedOn();
    // The visit's own problems first: a field keeps its first problem, so a missing injury is
    // "required" rather than "not an injury of this case".
    Violations check = Violations.of(command)
        .notInFuture("visitedOn", visitedOn, clock)
        .that("visitedOn", visitedOn, date -> !date.isBefore(openedOn), "must not be before the case was opened");
    Set<String> measured = new HashSet<>();
    for (int i = 0; i < command.outcomeMeasures().size(); i++) {
      RecordVisit.Measure measure = command.outcomeMeasures().get(i);
      if (measure == null) {
        continue;
      }
      String field = "outcomeMeasures[" + i + "].injuryId";
      onsetNotAfterVisit(check, field, injuryOf(check, field, measure.injuryId()), visitedOn);
      if (!measured.add(measure.injuryId() + " " + measure.instrument())) {
        check.add("outcomeMeasures[" + i + "].instrument", "is already scored for this injury in this visit");
      }
    }
    Set<InjuryId> resolving = new HashSet<>();
    for (int i = 0; i < command.resolutions().size(); i++) {
      RecordVisit.Resolution resolution = command.resolutions().get(i);
      if (resolution == null) {
        continue;
      }
      InjuryId injuryId = resolution.injuryId();
      String field = "resolutions[" + i + "].injuryId";
      Injury injury = injuryOf(check, field, injuryId);
      onsetNotAfterVisit(check, field, injury, visitedOn);
      if (injury != null && injury.resolved()) {
        check.add(field, "is already resolved");
      }
      if (!resolving.add(injuryId)) {
        check.add(field, "is already resolved in this visit");
      }
    }
    Set<TreatmentId> starting = new HashSet<>();
    for (int i = 0; i < command.treatments().size(); i++) {
      RecordVisit.Treatment treatment = command.treatments().get(i);
      if (treatment == null) {
        continue;
      }
      String field = "treatments[" + i + "].targetInjuryId";
      Injury target = injuryOf(check, field, treatment.targetInjuryId());
      onsetNotAfterVisit(check, field, target, visitedOn);
      if ((target != null && target.resolved()) || resolving.contains(treatment.targetInjuryId())) {
        check.add(field, "is resolved, so a treatment cannot start on it");
      }
      if (!starting.add(treatment.treatmentId()) || isTreatment(treatment.treatmentId())) {
        check.add("treatments[" + i + "].treatmentId", "is already a treatment of this case");
      }
    }
    check.throwIfAny();
    for (RecordVisit.Measure measure : command.outcomeMeasures()) {
      apply(new OutcomeMeasured(caseId, measure.injuryId(), measure.instrument(), measure.score(), visitedOn));
    }
    for (RecordVisit.Treatment treatment : command.treatments()) {
      apply(new TreatmentStarted(caseId, treatment.treatmentId(), treatment.targetInjuryId(), treatment.modality(),
          treatment.plan(), visitedOn));
    }
    for (RecordVisit.Resolution resolution : command.resolutions()) {
      applyResolution(resolution.injuryId(), visitedOn, resolution.note());
    }
    if (command.note() != null) {
      apply(new VisitNoted(caseId, visitedOn, command.note()));
    }
  }

  @CommandHandler
  void handle(MarkEnteredInError command) {
    requireOpen();
    Violations check = Violations.of(command);
    Entry marked = command.eventId() == null ? null : entries.get(command.eventId());
    if (marked == null) {
      check.add("eventId", "is not an event of this case");
    } else if (!marked.canBeMarkedInError()) {
      check.add("eventId", "is a " + marked.type() + ", which cannot be marked in error");
    }
    check.throwIfAny();
    if (markedInError.contains(command.eventId())) {
      throw new CaseRuleViolation("That entry is already marked in error.");
    }
    InjuryId reported = injuryReports.get(command.eventId());
    if (reported != null && isInUse(reported)) {
      throw new CaseRuleViolation("The injury is named by the current hypothesis or targeted by a treatment; "
          + "mark those entries in error first.");
    }
    apply(new EntryMarkedInError(caseId, command.eventId(), marked.type(), command.reason()));
  }

  @CommandHandler
  void handle(CloseCase command, Clock clock) {
    requireOpen();
    Violations.of(command)
        .notInFuture("closedOn", command.closedOn(), clock)
        .that("closedOn", command.closedOn(), date -> !date.isBefore(openedOn),
            "must not be before the case was opened")
        .throwIfAny();
    List<InjuryId> open = injuries.entrySet().stream()
        .filter(injury -> !injury.getValue().resolved())
        .map(Map.Entry::getKey)
        .sorted(Comparator.comparing(InjuryId::value))
        .toList();
    if (!open.isEmpty() && !command.closeOpenInjuriesAsUnresolved()) {
      throw new OpenInjuriesAtClosure(open);
    }
    apply(new CaseClosed(caseId, command.closedOn(), command.reason()));
  }

  @CommandHandler
  void handle(ReopenCase command, Clock clock) {
    if (closedOn == null) {
      throw new CaseRuleViolation("The case is open; only a closed case can be reopened.");
    }
    Violations.of(command)
        .notInFuture("reopenedOn", command.reopenedOn(), clock)
        .that("reopenedOn", command.reopenedOn(), date -> !date.isBefore(closedOn),
            "must not be before the case was closed")
        .throwIfAny();
    apply(new CaseReopened(caseId, command.reopenedOn(), command.reason()));
  }

  private void requireOpen() {
    if (closedOn != null) {
      throw new CaseRuleViolation(CLOSED);
    }
  }

  /** The injury, or null after adding a violation on {@code field} when it does not belong to the case. */
  private Injury injuryOf(Violations check, String field, InjuryId injuryId) {
    Injury injury = injuries.get(injuryId);
    if (injury == null) {
      check.add(field, "is not an injury of this case");
    }
    return injury;
  }

  private static void onsetNotAfterVisit(Violations check, String field, Injury injury, LocalDate visitedOn) {
    if (injury != null && visitedOn != null && visitedOn.isBefore(injury.onsetOn())) {
      check.add(field, "had its onset after the visit's date");
    }
  }

  private boolean isTreatment(TreatmentId treatmentId) {
    return treatments.values().stream().anyMatch(treatment -> treatment.treatmentId().equals(treatmentId));
  }

  private void recordingOf(Violations check, String field, RecordingId recordingId) {
    if (!recordings.containsValue(recordingId)) {
      check.add(field, "is not a gait recording of this case");
    }
  }

  private Optional<Hypothesis> currentHypothesis() {
    return hypotheses.isEmpty() ? Optional.empty() : Optional.of(hypotheses.get(hypotheses.size() - 1));
  }

  /** Whether removing the injury would leave the current hypothesis or a live treatment pointing at nothing. */
  private boolean isInUse(InjuryId injuryId) {
    return currentHypothesis().map(hypothesis -> hypothesis.names(injuryId)).orElse(false)
        || treatments.values().stream().anyMatch(treatment -> treatment.targetInjuryId().equals(injuryId));
  }

  @EventSourcingHandler
  void on(CaseOpened event, @MessageIdentifier String eventId) {
    remember(eventId, event);
    caseId = event.caseId();
    openedOn = event.openedOn();
  }

  @EventSourcingHandler
  void on(InjuryReported event, @MessageIdentifier String eventId) {
    remember(eventId, event);
    injuries.put(event.injuryId(), new Injury(event.onsetOn(), false));
    injuryReports.put(eventId, event.injuryId());
  }

  @EventSourcingHandler
  void on(GaitFilmed event, @MessageIdentifier String eventId) {
    remember(eventId, event);
    recordings.put(eventId, event.recordingId());
  }

  @EventSourcingHandler
  void on(GaitVideoAttached event, @MessageIdentifier String eventId) {
    remember(eventId, event);
  }

  @EventSourcingHandler
  void on(PrimaryHypothesised event, @MessageIdentifier String eventId) {
    remember(eventId, event);
    hypotheses.add(new Hypothesis(eventId, event.primaryInjuryId(), List.copyOf(event.secondaryInjuryIds())));
  }

  @EventSourcingHandler
  void on(TreatmentStarted event, @MessageIdentifier String eventId) {
    remember(eventId, event);
    treatments.put(eventId, new Treatment(event.treatmentId(), event.targetInjuryId()));
  }

  @EventSourcingHandler
  void on(OutcomeMeasured event, @MessageIdentifier String eventId) {
    remember(eventId, event);
  }

  @EventSourcingHandler
  void on(SecondaryResolved event, @MessageIdentifier String eventId) {
    remember(eventId, event);
    resolve(eventId, event.injuryId());
  }

  @EventSourcingHandler
  void on(InjuryResolved event, @MessageIdentifier String eventId) {
    remember(eventId, event);
    resolve(eventId, event.injuryId());
  }

  @EventSourcingHandler
  void on(EntryMarkedInError event, @MessageIdentifier String eventId) {
    remember(eventId, event);
    String marked = event.eventId();
    markedInError.add(marked);
    InjuryId reported = injuryReports.remove(marked);
    if (reported != null) {
      injuries.remove(reported);
    }
    recordings.remove(marked);
    treatments.remove(marked);
    hypotheses.removeIf(hypothesis -> hypothesis.eventId().equals(marked));
    InjuryId resolved = resolutions.remove(marked);
    if (resolved != null) {
      injuries.computeIfPresent(resolved, (id, injury) -> new Injury(injury.onsetOn(), false));
    }
  }

  @EventSourcingHandler
  void on(VisitNoted event, @MessageIdentifier String eventId) {
    remember(eventId, event);
  }

  @EventSourcingHandler
  void on(CaseClosed event, @MessageIdentifier String eventId) {
    remember(eventId, event);
    closedOn = event.closedOn();
  }

  @EventSourcingHandler
  void on(CaseReopened event, @MessageIdentifier String eventId) {
    remember(eventId, event);
    closedOn = null;
  }

  private void remember(String eventId, CaseEvent event) {
    entries.put(eventId, new Entry(event.getClass().getSimpleName(), event.canBeMarkedInError()));
  }

  private void resolve(String eventId, InjuryId injuryId) {
    injuries.computeIfPresent(injuryId, (id, injury) -> new Injury(injury.onsetOn(), true));
    resolutions.put(eventId, injuryId);
  }
}
