package com.kineticcasebook.projections.caseview;

import com.kineticcasebook.patientcase.CaseClosed;
import com.kineticcasebook.patientcase.CaseEvent;
import com.kineticcasebook.patientcase.CaseOpened;
import com.kineticcasebook.patientcase.CaseReopened;
import com.kineticcasebook.patientcase.EntryMarkedInError;
import com.kineticcasebook.patientcase.GaitFilmed;
import com.kineticcasebook.patientcase.GaitVideoAttached;
import com.kineticcasebook.patientcase.InjuryId;
import com.kineticcasebook.patientcase.InjuryReported;
import com.kineticcasebook.patientcase.InjuryResolved;
import com.kineticcasebook.patientcase.OutcomeMeasured;
import com.kineticcasebook.patientcase.PrimaryHypothesised;
import com.kineticcasebook.patientcase.SecondaryResolved;
import com.kineticcasebook.patientcase.TreatmentStarted;
import com.kineticcasebook.patientcase.VisitNoted;
import com.kineticcasebook.reference.Wording;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One line per event for the timeline. Lines name injuries by condition and side, never the
 * patient. Every event of a case has its line: a new event does not compile until it has one.
 */
final class Summaries implements CaseEvent.Visitor<String> {

  private final Map<UUID, InjuryReported> injuries;

  private Summaries(Map<UUID, InjuryReported> injuries) {
    this.injuries = injuries;
  }

  /** The line of one event, with the case's injuries (live or not) to name the ones it refers to. */
  static String of(CaseEvent event, Map<UUID, InjuryReported> injuries) {
    return event.accept(new Summaries(injuries));
  }

  @Override
  public String on(CaseOpened e) {
    return "Case opened";
  }

  @Override
  public String on(InjuryReported e) {
    return "Injury reported: " + injury(e) + ", pain " + e.painScore() + "/10";
  }

  @Override
  public String on(GaitFilmed e) {
    return "Gait filmed (" + e.view().label() + ", " + e.surface().label() + ")" + antalgic(e);
  }

  @Override
  public String on(GaitVideoAttached e) {
    return "Gait video attached (" + Wording.size(e.video().sizeBytes()) + ")";
  }

  @Override
  public String on(PrimaryHypothesised e) {
    List<InjuryId> secondaries = CaseFold.listOrNone(e.secondaryInjuryIds());
    return "Primary hypothesised: " + name(e.primaryInjuryId()) + (secondaries.isEmpty() ? ""
        : " causing " + secondaries.stream().map(this::name).collect(Collectors.joining(", ")));
  }

  @Override
  public String on(TreatmentStarted e) {
    return "Treatment started: " + e.modality().label() + " for " + name(e.targetInjuryId());
  }

  @Override
  public String on(OutcomeMeasured e) {
    return e.instrument().label() + " " + Wording.score(e.score()) + " for " + name(e.injuryId());
  }

  @Override
  public String on(SecondaryResolved e) {
    return "Secondary injury resolved: " + name(e.injuryId());
  }

  @Override
  public String on(InjuryResolved e) {
    return "Injury resolved: " + name(e.injuryId());
  }

  @Override
  public String on(EntryMarkedInError e) {
    return "Entry marked in error (" + Wording.constant(EventNames.type(e.markedEventType())) + "): " + e.reason();
  }

  @Override
  public String on(CaseClosed e) {
    return "Case closed: " + e.reason();
  }

  @Override
  public String on(CaseReopened e) {
    return "Case reopened: " + e.reason();
  }

  @Override
  public String on(VisitNoted e) {
    return "Visit noted: " + e.note();
  }

  /** Whether the gait was antalgic is the one finding always taken; the line says nothing without findings. */
  private static String antalgic(GaitFilmed e) {
    if (e.findings() == null || e.findings().antalgic() == null) {
      return "";
    }
    return e.findings().antalgic() ? ": antalgic" : ": not antalgic";
  }

  private String name(InjuryId id) {
    InjuryReported injury = injuries.get(id.value());
    return injury == null ? "an injury" : injury(injury);
  }

  private static String injury(InjuryReported e) {
    return Wording.injury(e.bodyRegion(), e.side(), e.conditionCode());
  }
}
