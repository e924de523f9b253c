package com.kineticcasebook.patientcase;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A patient's case: the consistency boundary for everything recorded about it. Command handlers
 * check the rules and only then apply events; fields change only in event-sourcing handlers, so
 * replaying the stream always rebuilds the same state. The clock is injected into each handler:
 * "today" for clinical dates is the clinic's date, and tests fix it.
 */
public class PatientCase {

  private static final Set<String> NEVER_IN_ERROR =
      Set.of("CaseOpened", "CaseClosed", "CaseReopened", "EntryMarkedInError");

  @AggregateIdentifier
  private CaseId caseId;

  private LocalDate openedOn;
  private LocalDate closedOn;
  private boolean closed;

  /** Injuries that belong to the case (not marked in error), with their onset and whether resolved. */
  private final Map<InjuryId, InjuryState> injuries = new HashMap<>();

  private final Map<String, RecordingId> recordingsByEvent = new HashMap<>();
  private final Map<String, TreatmentState> treatmentsByEvent = new HashMap<>();
  private final Map<String, InjuryId> injuriesByEvent = new HashMap<>();
  private final Map<String, InjuryId> resolutionsByEvent = new HashMap<>();

  /** Hypotheses not marked in error, oldest first: the last one is current. */
  private final List<HypothesisState> hypotheses = new ArrayList<>();

  /** Every event of the case by id, with its type, to check what may be marked in error. */
  private final Map<String, String> eventTypes = new HashMap<>();
  private final Set<String> markedInError = new HashSet<>();

  private record InjuryState(LocalDate onsetOn, boolean resolved) {}

  private record TreatmentState(TreatmentId treatmentId, InjuryId target) {}

  private record HypothesisState(String eventId, InjuryId primary, List<InjuryId> secondaries) {}

  protected PatientCase() {
    // For Axon, which rebuilds the case from its events.
  }

  @CommandHandler
  public PatientCase(OpenCase command, Clock clock) {
    notInFuture("openedOn", command.openedOn(), clock);
    apply(new CaseOpened(command.caseId(), command.clinicId(), command.patientRef(), command.assignedClinicianId(),
        command.openedOn()));
  }

  @CommandHandler
  void handle(ReportInjury command, Clock clock) {
    requireOpen();
    notInFuture("onsetOn", command.onsetOn(), clock);
    if (injuries.containsKey(command.injuryId()) || injuriesByEvent.containsValue(command.injuryId())) {
      throw InvalidCommandException.of("injuryId", "is already an injury of this case");
    }
    apply(new InjuryReported(caseId, command.injuryId(), command.bodyRegion(), command.side(),
        command.conditionCode(), command.description().strip(), command.onsetOn(), command.painScore()));
  }

  @CommandHandler
  void handle(RecordGaitFilming command, Clock clock) {
    requireOpen();
    notInFuture("filmedOn", command.filmedOn(), clock);
    apply(new GaitFilmed(caseId, command.recordingId(), command.filmedOn(), command.view(), command.surface(),
        command.findings()));
  }

  @CommandHandler
  void handle(AttachGaitVideo command) {
    requireOpen();
    if (!recordingsByEvent.containsValue(command.recordingId())) {
      throw InvalidCommandException.of("recordingId", "is not a gait recording of this case");
    }
    apply(new GaitVideoAttached(caseId, command.recordingId(), command.video()));
  }

  @CommandHandler
  void handle(HypothesisePrimary command) {
    requireOpen();
    Violations check = Violations.check();
    belongs(check, "primaryInjuryId", command.primaryInjuryId());
    for (int i = 0; i < command.secondaryInjuryIds().size(); i++) {
      belongs(check, "secondaryInjuryIds[" + i + "]", command.secondaryInjuryIds().get(i));
    }
    for (int i = 0; i < command.evidenceRecordingIds().size(); i++) {
      if (!recordingsByEvent.containsValue(command.evidenceRecordingIds().get(i))) {
        check.add("evidenceRecordingIds[" + i + "]", "is not a gait recording of this case");
      }
    }
    check.throwIfAny();
    List<InjuryId> named = new ArrayList<>(command.secondaryInjuryIds());
    named.add(command.primaryInjuryId());
    if (named.stream().anyMatch(id -> injuries.get(id).resolved())) {
      throw new CaseRuleViolation("A hypothesis can only name unresolved injuries.");
    }
    apply(new PrimaryHypothesised(caseId, command.primaryInjuryId(), command.secondaryInjuryIds(),
        command.rationale().strip(), command.evidenceRecordingIds()));
  }

  @CommandHandler
  void handle(StartTreatment command, Clock clock) {
    requireOpen();
    Violations check = Violations.check();
    belongs(check, "targetInjuryId", command.targetInjuryId());
    check.throwIfAny();
    notInFuture("startedOn", command.startedOn(), clock);
    InjuryState target = injuries.get(command.targetInjuryId());
    if (command.startedOn().isBefore(target.onsetOn())) {
      throw InvalidCommandException.of("startedOn", "must not be before the injury's onset");
    }
    if (target.resolved()) {
      throw new CaseRuleViolation("The injury is resolved; a treatment cannot start on it.");
    }
    apply(new TreatmentStarted(caseId, command.treatmentId(), command.targetInjuryId(), command.modality(),
        command.plan().strip(), command.startedOn()));
  }

  @CommandHandler
  void handle(RecordOutcomeMeasure command, Clock clock) {
    requireOpen();
    Violations check = Violations.check();
    belongs(check, "injuryId", command.injuryId());
    check.throwIfAny();
    notInFuture("measuredOn", command.measuredOn(), clock);
    apply(new OutcomeMeasured(caseId, command.injuryId(), command.instrument(), command.score(),
        command.measuredOn()));
  }

  @CommandHandler
  void handle(ResolveInjury command, Clock clock) {
    requireOpen();
    Violations check = Violations.check();
    belongs(check, "injuryId", command.injuryId());
    check.throwIfAny();
    notInFuture("resolvedOn", command.resolvedOn(), clock);
    InjuryState injury = injuries.get(command.injuryId());
    if (command.resolvedOn().isBefore(injury.onsetOn())) {
      throw InvalidCommandException.of("resolvedOn", "must not be before the injury's onset");
    }
    if (injury.resolved()) {
      throw new CaseRuleViolation("The injury is already resolved.");
    }
    String note = command.note() == null || command.note().isBlank() ? null : command.note().strip();
    if (isSecondaryOfCurrentHypothesis(command.injuryId())) {
      apply(new SecondaryResolved(caseId, command.injuryId(), command.resolvedOn(), note));
    } else {
      apply(new InjuryResolved(caseId, command.injuryId(), command.resolvedOn(), note));
    }
  }

  @CommandHandler
  void handle(MarkEnteredInError command) {
    requireOpen();
    String type = eventTypes.get(command.eventId());
    if (type == null) {
      throw InvalidCommandException.of("eventId", "is not an event of this case");
    }
    if (NEVER_IN_ERROR.contains(type)) {
      throw InvalidCommandException.of("eventId", "is a " + type + " event, which cannot be marked in error");
    }
    if (markedInError.contains(command.eventId())) {
      throw new CaseRuleViolation("That entry is already marked in error.");
    }
    InjuryId injury = injuriesByEvent.get(command.eventId());
    if (injury != null && isUsed(injury)) {
      throw new CaseRuleViolation(
          "The injury is used by the current hypothesis or by a treatment; mark those in error first.");
    }
    apply(new EntryMarkedInError(caseId, command.eventId(), type, command.reason().strip()));
  }

  @CommandHandler
  void handle(CloseCase command, Clock clock) {
    requireOpen();
    notInFuture("closedOn", command.closedOn(), clock);
    if (command.closedOn().isBefore(openedOn)) {
      throw InvalidCommandException.of("closedOn", "must not be before the case was opened");
    }
    apply(new CaseClosed(caseId, command.closedOn(), command.reason().strip()));
  }

  @CommandHandler
  void handle(ReopenCase command, Clock clock) {
    if (!closed) {
      throw new CaseRuleViolation("The case is open; only a closed case can be reopened.");
    }
    notInFuture("reopenedOn", command.reopenedOn(), clock);
    if (command.reopenedOn().isBefore(closedOn)) {
      throw InvalidCommandException.of("reopenedOn", "must not be before the case was closed");
    }
    apply(new CaseReopened(caseId, command.reopenedOn(), command.reason().strip()));
  }

  private void requireOpen() {
    if (closed) {
      throw new CaseRuleViolation("The case is closed; reopen it first.");
    }
  }

  private static void notInFuture(String field, LocalDate date, Clock clock) {
    if (date.isAfter(LocalDate.now(clock))) {
      throw InvalidCommandException.of(field, "must not be in the future");
    }
  }

  private void belongs(Violations check, String field, InjuryId injuryId) {
    if (!injuries.containsKey(injuryId)) {
      check.add(field, "is not an injury of this case");
    }
  }

  private boolean isSecondaryOfCurrentHypothesis(InjuryId injuryId) {
    return !hypotheses.isEmpty() && hypotheses.get(hypotheses.size() - 1).secondaries().contains(injuryId);
  }

  private boolean isUsed(InjuryId injuryId) {
    boolean inHypothesis = !hypotheses.isEmpty() && (hypotheses.get(hypotheses.size() - 1).primary().equals(injuryId)
        || isSecondaryOfCurrentHypothesis(injuryId));
    return inHypothesis || treatmentsByEvent.values().stream().anyMatch(t -> t.target().equals(injuryId));
  }

  @EventSourcingHandler
  void on(CaseOpened event, @MessageIdentifier String eventId) {
    caseId = event.caseId();
    openedOn = event.openedOn();
    eventTypes.put(eventId, "CaseOpened");
  }

  @EventSourcingHandler
  void on(InjuryReported event, @MessageIdentifier String eventId) {
    injuries.put(event.injuryId(), new InjuryState(event.onsetOn(), false));
    injuriesByEvent.put(eventId, event.injuryId());
    eventTypes.put(eventId, "InjuryReported");
  }

  @EventSourcingHandler
  void on(GaitFilmed event, @MessageIdentifier String eventId) {
    recordingsByEvent.put(eventId, event.recordingId());
    eventTypes.put(eventId, "GaitFilmed");
  }

  @EventSourcingHandler
  void on(GaitVideoAttached event, @MessageIdentifier String eventId) {
    eventTypes.put(eventId, "GaitVideoAttached");
  }

  @EventSourcingHandler
  void on(PrimaryHypothesised event, @MessageIdentifier String eventId) {
    hypotheses.add(new HypothesisState(eventId, event.primaryInjuryId(), List.copyOf(event.secondaryInjuryIds())));
    eventTypes.put(eventId, "PrimaryHypothesised");
  }

  @EventSourcingHandler
  void on(TreatmentStarted event, @MessageIdentifier String eventId) {
    treatmentsByEvent.put(eventId, new TreatmentState(event.treatmentId(), event.targetInjuryId()));
    eventTypes.put(eventId, "TreatmentStarted");
  }

  @EventSourcingHandler
  void on(OutcomeMeasured event, @MessageIdentifier String eventId) {
    eventTypes.put(eventId, "OutcomeMeasured");
  }

  @EventSourcingHandler
  void on(SecondaryResolved event, @MessageIdentifier String eventId) {
    resolve(event.injuryId(), eventId, "SecondaryResolved");
  }

  @EventSourcingHandler
  void on(InjuryResolved event, @MessageIdentifier String eventId) {
    resolve(event.injuryId(), eventId, "InjuryResolved");
  }

  private void resolve(InjuryId injuryId, String eventId, String type) {
    injuries.computeIfPresent(injuryId, (id, injury) -> new InjuryState(injury.onsetOn(), true));
    resolutionsByEvent.put(eventId, injuryId);
    eventTypes.put(eventId, type);
  }

  @EventSourcingHandler
  void on(EntryMarkedInError event, @MessageIdentifier String eventId) {
    String marked = event.eventId();
    markedInError.add(marked);
    eventTypes.put(eventId, "EntryMarkedInError");
    InjuryId reported = injuriesByEvent.remove(marked);
    if (reported != null) {
      injuries.remove(reported);
    }
    recordingsByEvent.remove(marked);
    treatmentsByEvent.remove(marked);
    hypotheses.removeIf(hypothesis -> hypothesis.eventId().equals(marked));
    InjuryId resolved = resolutionsByEvent.remove(marked);
    if (resolved != null) {
      injuries.computeIfPresent(resolved, (id, injury) -> new InjuryState(injury.onsetOn(), false));
    }
  }

  @EventSourcingHandler
  void on(CaseClosed event, @MessageIdentifier String eventId) {
    closed = true;
    closedOn = event.closedOn();
    eventTypes.put(eventId, "CaseClosed");
  }

  @EventSourcingHandler
  void on(CaseReopened event, @MessageIdentifier String eventId) {
    closed = false;
    eventTypes.put(eventId, "CaseReopened");
  }
}
