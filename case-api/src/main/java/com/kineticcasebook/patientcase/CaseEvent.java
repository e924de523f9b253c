package com.kineticcasebook.patientcase;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Everything that can be recorded about a case: a closed set. Each event states the facts that
 * every reader of the history needs (its clinical date; through its {@link CaseEventType}, whether
 * it may be marked in error), and every reader handles every event through a {@link Visitor}: an
 * event added here without its handling does not compile.
 */
public sealed interface CaseEvent permits CaseOpened, InjuryReported, GaitFilmed, GaitVideoAttached,
    PrimaryHypothesised, TreatmentStarted, OutcomeMeasured, SecondaryResolved, InjuryResolved, EntryMarkedInError,
    CaseClosed, CaseReopened, VisitNoted {

  CaseId caseId();

  /** The date it happened clinically; empty for an event that happened when it was recorded. */
  Optional<LocalDate> clinicalDate();

  /** Its kind, with the facts every event of that kind shares. */
  default CaseEventType type() {
    return CaseEventType.of(getClass());
  }

  /** Whether a clinician may mark it as entered in error ({@link CaseEventType#canBeMarkedInError()}). */
  default boolean canBeMarkedInError() {
    return type().canBeMarkedInError();
  }

  <R> R accept(Visitor<R> visitor);

  /** One method per event of the case. */
  interface Visitor<R> {
    R on(CaseOpened event);

    R on(InjuryReported event);

    R on(GaitFilmed event);

    R on(GaitVideoAttached event);

    R on(PrimaryHypothesised event);

    R on(TreatmentStarted event);

    R on(OutcomeMeasured event);

    R on(SecondaryResolved event);

    R on(InjuryResolved event);

    R on(EntryMarkedInError event);

    R on(CaseClosed event);

    R on(CaseReopened event);

    R on(VisitNoted event);
  }
}
