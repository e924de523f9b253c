package com.kineticcasebook.projections.caseview;

import com.kineticcasebook.caseload.CaseStatus;
import com.kineticcasebook.caseload.CaseView;
import com.kineticcasebook.caseload.CaseView.InjuryStatus;
import com.kineticcasebook.caseload.CaseView.Role;
import com.kineticcasebook.caseload.TimelineEntry;
import com.kineticcasebook.outcomes.Classification;
import com.kineticcasebook.outcomes.Hindsight;
import com.kineticcasebook.outcomes.MeasureChange;
import com.kineticcasebook.outcomes.SecondaryOutcome;
import com.kineticcasebook.patientcase.CaseClosed;
import com.kineticcasebook.patientcase.CaseEvent;
import com.kineticcasebook.patientcase.CaseOpened;
import com.kineticcasebook.patientcase.CaseReopened;
import com.kineticcasebook.patientcase.VisitNoted;
import com.kineticcasebook.patientcase.EntryMarkedInError;
import com.kineticcasebook.patientcase.GaitFilmed;
import com.kineticcasebook.patientcase.GaitVideoAttached;
import com.kineticcasebook.patientcase.InjuryId;
import com.kineticcasebook.patientcase.InjuryReported;
import com.kineticcasebook.patientcase.InjuryResolved;
import com.kineticcasebook.patientcase.OutcomeMeasured;
import com.kineticcasebook.patientcase.PrimaryHypothesised;
import com.kineticcasebook.patientcase.RecordingId;
import com.kineticcasebook.patientcase.SecondaryResolved;
import com.kineticcasebook.patientcase.TreatmentStarted;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * Folds the events of one case, in sequence order, into everything the read side shows of it:
 * the case view, the timeline and the outcome rows. The same fold serves the live projection and
 * the auditor's as-of replay, so both always agree. Events marked in error stay on the timeline,
 * flagged, and are left out of everything else.
 */
public final class CaseFold {

  /**
   * Everything derived from a case's events. {@code outcomeHistory} holds the outcome rows as each
   * recording instant left them, oldest first; its last version is {@code secondaries} and
   * {@code measures}.
   */
  public record Folded(CaseView view, StoredTimeline timeline, List<SecondaryOutcome> secondaries,
      List<MeasureChange> measures, Caseload caseload, List<OutcomeVersion> outcomeHistory) {

    /** The timeline worded, as the API and the pages show it. */
    public List<TimelineEntry> timelineEntries() {
      return timeline.worded();
    }
  }

  /**
   * What the caseload searches, filters and sorts a case by besides its view.
   *
   * @param searchCodes the search codes of the case's live injuries ({@link CaseloadSearch}), sorted
   * @param clinicianIds the assigned clinician and everyone who recorded an event on the case, sorted
   * @param lastActivityAt when the case's latest event was recorded
   */
  public record Caseload(List<String> searchCodes, List<UUID> clinicianIds, Instant lastActivityAt) {}

  /**
   * The outcome rows of a case as the events recorded up to {@code recordedFrom} give them, true
   * until the next version's instant. The instant is the latest recording timestamp among those
   * events, so versions are in order even if a clock stepped back.
   */
  public record OutcomeVersion(Instant recordedFrom, List<SecondaryOutcome> secondaries,
      List<MeasureChange> measures) {}

  private final ZoneId zone;

  public CaseFold(ZoneId zone) {
    this.zone = zone;
  }

  /** Returns null when the events do not open a case. */
  public Folded fold(List<? extends DomainEventMessage<?>> events) {
    Map<String, String> inError = new HashMap<>();
    for (DomainEventMessage<?> event : events) {
      if (event.getPayload() instanceof EntryMarkedInError marked) {
        inError.put(marked.eventId(), marked.reason());
      }
    }
    State state = new State();
    List<StoredTimeline.Entry> timeline = new ArrayList<>();
    for (DomainEventMessage<?> event : events) {
      boolean live = !inError.containsKey(event.getIdentifier());
      if (live) {
        state.apply(event);
      } else {
        state.remember(event);
      }
      timeline.add(timelineEntry(event, inError.get(event.getIdentifier())));
    }
    if (state.opened == null) {
      return null;
    }
    timeline.sort(Comparator.comparing(StoredTimeline.Entry::occurredOn)
        .thenComparingLong(StoredTimeline.Entry::sequenceNumber));
    long version = events.isEmpty() ? -1 : events.get(events.size() - 1).getSequenceNumber();
    List<SecondaryOutcome> secondaries = state.secondaries();
    List<MeasureChange> measures = state.measures();
    CaseView view = state.view(version);
    return new Folded(view, new StoredTimeline(List.copyOf(state.labels.values()), timeline),
        secondaries, measures, caseload(view, events), outcomeHistory(events, secondaries, measures));
  }

  private static Caseload caseload(CaseView view, List<? extends DomainEventMessage<?>> events) {
    Set<UUID> clinicians = new TreeSet<>();
    clinicians.add(view.assignedClinicianId());
    for (DomainEventMessage<?> event : events) {
      UUID recordedBy = uuidOrNull(event.getMetaData().get("userId"));
      if (recordedBy != null) {
        clinicians.add(recordedBy);
      }
    }
    return new Caseload(CaseloadSearch.searchCodes(view), List.copyOf(clinicians),
        events.get(events.size() - 1).getTimestamp());
  }

  private static UUID uuidOrNull(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return UUID.fromString(value.toString());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * The outcome rows after each recording instant of the case: what a fold of only the events
   * recorded up to that instant gives, so a correction or a revised hypothesis recorded later
   * never changes an earlier version. The live state is carried from one event to the next and
   * folded again from the start only when an event is marked in error; consecutive equal versions
   * are one.
   */
  static List<OutcomeVersion> outcomeHistory(List<? extends DomainEventMessage<?>> events,
      List<SecondaryOutcome> lastSecondaries, List<MeasureChange> lastMeasures) {
    List<OutcomeVersion> versions = new ArrayList<>();
    Set<String> inError = new HashSet<>();
    State state = new State();
    Instant recordedFrom = null;
    for (int i = 0; i < events.size(); i++) {
      DomainEventMessage<?> event = events.get(i);
      recordedFrom = recordedFrom == null || event.getTimestamp().isAfter(recordedFrom) ? event.getTimestamp()
          : recordedFrom;
      if (event.getPayload() instanceof EntryMarkedInError marked && inError.add(marked.eventId())) {
        state = new State();
        for (int j = 0; j < i; j++) {
          DomainEventMessage<?> earlier = events.get(j);
          if (inError.contains(earlier.getIdentifier())) {
            state.remember(earlier);
          } else {
            state.apply(earlier);
          }
        }
      }
      if (inError.contains(event.getIdentifier())) {
        state.remember(event);
      } else {
        state.apply(event);
      }
      boolean last = i == events.size() - 1;
      if (!last && !events.get(i + 1).getTimestamp().isAfter(recordedFrom)) {
        continue; // the next event is of the same instant: only the state after both is ever seen
      }
      if (state.opened == null) {
        continue;
      }
      List<SecondaryOutcome> secondaries = last ? lastSecondaries : state.secondaries();
      List<MeasureChange> measures = last ? lastMeasures : state.measures();
      OutcomeVersion previous = versions.isEmpty() ? null : versions.get(versions.size() - 1);
      if (previous != null && previous.secondaries().equals(secondaries) && previous.measures().equals(measures)) {
        continue;
      }
      versions.add(new OutcomeVersion(recordedFrom, secondaries, measures));
    }
    return List.copyOf(versions);
  }

  private StoredTimeline.Entry timelineEntry(DomainEventMessage<?> event, String errorReason) {
    CaseEvent payload = (CaseEvent) event.getPayload();
    LocalDate occurredOn = payload.clinicalDate().orElseGet(() -> LocalDate.ofInstant(event.getTimestamp(), zone));
    Object user = event.getMetaData().get("userId");
    return new StoredTimeline.Entry(event.getIdentifier(), event.getSequenceNumber(), EventNames.type(payload),
        occurredOn, event.getTimestamp(), user == null ? null : user.toString(), payload, errorReason != null,
        errorReason);
  }

  /** The live state of the case while folding: each live event applied in sequence order. */
  private static final class State implements CaseEvent.Visitor<Void> {
    private DomainEventMessage<?> current;
    CaseOpened opened;
    LocalDate closedOn;
    final Map<UUID, InjuryReported> injuries = new LinkedHashMap<>();
    final Map<UUID, LocalDate> resolvedOn = new LinkedHashMap<>();
    final Map<UUID, CaseView.GaitRecording> recordings = new LinkedHashMap<>();
    final List<TreatmentStarted> treatments = new ArrayList<>();
    final List<CaseView.Hypothesis> hypotheses = new ArrayList<>();
    final Map<String, PrimaryHypothesised> liveHypotheses = new LinkedHashMap<>();
    final List<CaseView.OutcomeMeasure> measures = new ArrayList<>();
    /** Every injury ever reported, live or not, to name it on the timeline. */
    final Map<UUID, InjuryReported> labels = new LinkedHashMap<>();

    void remember(DomainEventMessage<?> event) {
      if (event.getPayload() instanceof InjuryReported reported) {
        labels.put(reported.injuryId().value(), reported);
      } else if (event.getPayload() instanceof PrimaryHypothesised hypothesis) {
        hypotheses.add(hypothesis(event, hypothesis, true));
      }
    }

    void apply(DomainEventMessage<?> event) {
      current = event;
      ((CaseEvent) event.getPayload()).accept(this);
    }

    @Override
    public Void on(CaseOpened e) {
      opened = e;
      return null;
    }

    @Override
    public Void on(InjuryReported e) {
      injuries.put(e.injuryId().value(), e);
      labels.put(e.injuryId().value(), e);
      return null;
    }

    @Override
    public Void on(GaitFilmed e) {
      recordings.put(e.recordingId().value(), new CaseView.GaitRecording(e.recordingId().value(), e.filmedOn(),
          e.view(), e.surface(), e.findings(), null));
      return null;
    }

    @Override
    public Void on(GaitVideoAttached e) {
      recordings.computeIfPresent(e.recordingId().value(), (id, r) -> new CaseView.GaitRecording(
          r.recordingId(), r.filmedOn(), r.view(), r.surface(), r.findings(), e.video()));
      return null;
    }

    @Override
    public Void on(PrimaryHypothesised e) {
      liveHypotheses.put(current.getIdentifier(), e);
      hypotheses.add(hypothesis(current, e, false));
      return null;
    }

    @Override
    public Void on(TreatmentStarted e) {
      treatments.add(e);
      return null;
    }

    @Override
    public Void on(OutcomeMeasured e) {
      measures.add(new CaseView.OutcomeMeasure(current.getIdentifier(), e.injuryId().value(), e.instrument(),
          e.score(), e.measuredOn()));
      return null;
    }

    @Override
    public Void on(SecondaryResolved e) {
      resolvedOn.put(e.injuryId().value(), e.resolvedOn());
      return null;
    }

    @Override
    public Void on(InjuryResolved e) {
      resolvedOn.put(e.injuryId().value(), e.resolvedOn());
      return null;
    }

    /** Corrections were read before the fold began: the marked events are never applied. */
    @Override
    public Void on(EntryMarkedInError e) {
      return null;
    }

    @Override
    public Void on(CaseClosed e) {
      closedOn = e.closedOn();
      return null;
    }

    @Override
    public Void on(CaseReopened e) {
      closedOn = null;
      return null;
    }

    /** A note belongs to the timeline only; the view carries no free text of visits. */
    @Override
    public Void on(VisitNoted e) {
      return null;
    }

    private static CaseView.Hypothesis hypothesis(DomainEventMessage<?> event, PrimaryHypothesised e, boolean inError) {
      return new CaseView.Hypothesis(event.getIdentifier(), e.primaryInjuryId().value(),
          secondaries(e).stream().map(InjuryId::value).toList(), e.rationale(),
          listOrNone(e.evidenceRecordingIds()).stream().map(RecordingId::value).toList(), event.getTimestamp(), false,
          inError, e.hypothesisedOn());
    }

    private static List<InjuryId> secondaries(PrimaryHypothesised hypothesis) {
      return listOrNone(hypothesis.secondaryInjuryIds());
    }

    PrimaryHypothesised current() {
      PrimaryHypothesised current = null;
      for (PrimaryHypothesised hypothesis : liveHypotheses.values()) {
        current = hypothesis;
      }
      return current;
    }

    String currentEventId() {
      String current = null;
      for (String id : liveHypotheses.keySet()) {
        current = id;
      }
      return current;
    }

    CaseView view(long version) {
      PrimaryHypothesised current = current();
      String currentId = currentEventId();
      List<CaseView.Injury> injuryViews = new ArrayList<>();
      int open = 0;
      for (InjuryReported injury : injuries.values()) {
        UUID id = injury.injuryId().value();
        LocalDate resolved = resolvedOn.get(id);
        if (resolved == null) {
          open++;
        }
        injuryViews.add(new CaseView.Injury(id, injury.bodyRegion(), injury.side(), injury.conditionCode(),
            injury.description(), injury.painScore(), role(current, injury.injuryId()),
            resolved == null ? InjuryStatus.OPEN : InjuryStatus.RESOLVED, injury.onsetOn(), resolved));
      }
      List<CaseView.Hypothesis> history = hypotheses.stream()
          .map(h -> new CaseView.Hypothesis(h.eventId(), h.primaryInjuryId(), h.secondaryInjuryIds(), h.rationale(),
              h.evidenceRecordingIds(), h.recordedAt(), h.eventId().equals(currentId), h.enteredInError(),
              h.hypothesisedOn()))
          .toList();
      return new CaseView(opened.caseId().value(), opened.clinicId().value(), opened.patientRef(),
          closedOn == null ? CaseStatus.OPEN : CaseStatus.CLOSED, opened.openedOn(), closedOn,
          opened.assignedClinicianId().value(), current == null ? null : current.primaryInjuryId().value(), open,
          List.copyOf(injuryViews),
          treatments.stream().map(t -> new CaseView.Treatment(t.treatmentId().value(), t.targetInjuryId().value(),
              t.modality(), t.plan(), t.startedOn())).toList(),
          List.copyOf(recordings.values()), history, List.copyOf(measures), version);
    }

    private static Role role(PrimaryHypothesised current, InjuryId injury) {
      if (current == null) {
        return Role.UNCLASSIFIED;
      }
      if (current.primaryInjuryId().equals(injury)) {
        return Role.PRIMARY;
      }
      return secondaries(current).contains(injury) ? Role.SECONDARY : Role.UNCLASSIFIED;
    }

    List<SecondaryOutcome> secondaries() {
      PrimaryHypothesised current = current();
      if (current == null || !injuries.containsKey(current.primaryInjuryId().value())) {
        return List.of();
      }
      InjuryReported primary = injuries.get(current.primaryInjuryId().value());
      TreatmentStarted firstPrimaryTreatment = treatments.stream()
          .filter(t -> t.targetInjuryId().equals(current.primaryInjuryId()))
          .min(Comparator.comparing(TreatmentStarted::startedOn))
          .orElse(null);
      LocalDate treatedOn = firstPrimaryTreatment == null ? null : firstPrimaryTreatment.startedOn();
      List<Hindsight.Statement> statements = hypotheses.stream()
          .map(h -> new Hindsight.Statement(h.primaryInjuryId(), h.secondaryInjuryIds(), h.hypothesisedOn(),
              h.enteredInError()))
          .toList();
      List<SecondaryOutcome> outcomes = new ArrayList<>();
      for (InjuryId secondaryId : secondaries(current)) {
        InjuryReported secondary = injuries.get(secondaryId.value());
        if (secondary == null) {
          continue;
        }
        LocalDate ownTreatmentStartedOn = treatments.stream()
            .filter(t -> t.targetInjuryId().equals(secondaryId))
            .map(TreatmentStarted::startedOn)
            .min(Comparator.naturalOrder())
            .orElse(null);
        boolean direct = ownTreatmentStartedOn != null;
        LocalDate resolved = resolvedOn.get(secondaryId.value());
        outcomes.add(new SecondaryOutcome(opened.caseId().value(), opened.clinicId().value(),
            opened.assignedClinicianId().value(), secondaryId.value(), secondary.conditionCode(), secondary.onsetOn(),
            primary.injuryId().value(), primary.conditionCode(), treatedOn,
            firstPrimaryTreatment == null ? null : firstPrimaryTreatment.modality(), direct, resolved, closedOn,
            Classification.of(resolved, direct, treatedOn),
            Hindsight.linkedAfterClearance(primary.injuryId().value(), secondaryId.value(), resolved, statements),
            ownTreatmentStartedOn));
      }
      return List.copyOf(outcomes);
    }

    List<MeasureChange> measures() {
      Map<String, List<CaseView.OutcomeMeasure>> byInjuryAndInstrument = new LinkedHashMap<>();
      for (CaseView.OutcomeMeasure measure : measures) {
        if (injuries.containsKey(measure.injuryId())) {
          byInjuryAndInstrument.computeIfAbsent(measure.injuryId() + "/" + measure.instrument(), k -> new ArrayList<>())
              .add(measure);
        }
      }
      List<MeasureChange> changes = new ArrayList<>();
      for (List<CaseView.OutcomeMeasure> series : byInjuryAndInstrument.values()) {
        // Stable sort: measures of the same day keep the order they were recorded in.
        List<CaseView.OutcomeMeasure> ordered = series.stream()
            .sorted(Comparator.comparing(CaseView.OutcomeMeasure::measuredOn)).toList();
        CaseView.OutcomeMeasure first = ordered.get(0);
        CaseView.OutcomeMeasure latest = ordered.get(ordered.size() - 1);
        changes.add(new MeasureChange(opened.caseId().value(), opened.clinicId().value(), first.injuryId(),
            injuries.get(first.injuryId()).onsetOn(), first.instrument(), first.score(), latest.score(),
            ordered.size()));
      }
      return List.copyOf(changes);
    }
  }

  /**
   * A list an event may leave out: the commands store an empty list for "none", but a payload
   * written without the field reads back as null, and it means the same.
   */
  static <T> List<T> listOrNone(List<T> list) {
    return list == null ? List.of() : list;
  }
}
