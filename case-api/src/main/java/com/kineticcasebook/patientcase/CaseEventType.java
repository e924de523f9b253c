package com.kineticcasebook.patientcase;

import java.util.Arrays;

/**
 * The kinds of case event, by the names the API and the timeline give them, with the facts that
 * belong to the kind rather than to one event: readers that hold only a timeline entry's type (a
 * page deciding whether to offer "mark in error") ask here.
 */
public enum CaseEventType {
  CASE_OPENED(CaseOpened.class, false),
  INJURY_REPORTED(InjuryReported.class, true),
  GAIT_FILMED(GaitFilmed.class, true),
  GAIT_VIDEO_ATTACHED(GaitVideoAttached.class, true),
  PRIMARY_HYPOTHESISED(PrimaryHypothesised.class, true),
  TREATMENT_STARTED(TreatmentStarted.class, true),
  OUTCOME_MEASURED(OutcomeMeasured.class, true),
  SECONDARY_RESOLVED(SecondaryResolved.class, true),
  INJURY_RESOLVED(InjuryResolved.class, true),
  /** A correction is not itself corrected: marking it would leave the history ambiguous. */
  ENTRY_MARKED_IN_ERROR(EntryMarkedInError.class, false),
  CASE_CLOSED(CaseClosed.class, false),
  CASE_REOPENED(CaseReopened.class, false),
  VISIT_NOTED(VisitNoted.class, true);

  private final Class<? extends CaseEvent> eventClass;
  private final boolean canBeMarkedInError;

  CaseEventType(Class<? extends CaseEvent> eventClass, boolean canBeMarkedInError) {
    this.eventClass = eventClass;
    this.canBeMarkedInError = canBeMarkedInError;
  }

  public static CaseEventType of(Class<? extends CaseEvent> eventClass) {
    return Arrays.stream(values()).filter(type -> type.eventClass == eventClass).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(eventClass.getSimpleName() + " has no CaseEventType"));
  }

  public Class<? extends CaseEvent> eventClass() {
    return eventClass;
  }

  /**
   * Whether a clinician may mark an event of this kind as entered in error. The events that frame
   * the case (opening, closing, reopening) may not, nor may corrections themselves.
   */
  public boolean canBeMarkedInError() {
    return canBeMarkedInError;
  }
}
