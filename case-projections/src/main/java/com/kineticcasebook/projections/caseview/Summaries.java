package com.kineticcasebook.projections.caseview;

import com.kineticcasebook.patientcase.CaseClosed;
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
import com.kineticcasebook.reference.Condition;
import com.kineticcasebook.reference.ConditionCatalogue;
import com.kineticcasebook.reference.Side;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One line per event for the timeline, and the clinical date it happened on. Lines name
 * injuries by condition and side, never the patient.
 */
final class Summaries {

  private Summaries() {}

  /** The clinical date of an event; events without one happened when they were recorded. */
  static LocalDate occurredOn(Object payload, LocalDate recordedOn) {
    if (payload instanceof CaseOpened e) {
      return e.openedOn();
    } else if (payload instanceof InjuryReported e) {
      return e.onsetOn();
    } else if (payload instanceof GaitFilmed e) {
      return e.filmedOn();
    } else if (payload instanceof TreatmentStarted e) {
      return e.startedOn();
    } else if (payload instanceof OutcomeMeasured e) {
      return e.measuredOn();
    } else if (payload instanceof SecondaryResolved e) {
      return e.resolvedOn();
    } else if (payload instanceof InjuryResolved e) {
      return e.resolvedOn();
    } else if (payload instanceof CaseClosed e) {
      return e.closedOn();
    } else if (payload instanceof CaseReopened e) {
      return e.reopenedOn();
    }
    return recordedOn;
  }

  static String of(Object payload, Map<UUID, InjuryReported> injuries) {
    if (payload instanceof CaseOpened) {
      return "Case opened";
    } else if (payload instanceof InjuryReported e) {
      return "Injury reported: " + injury(e) + ", pain " + e.painScore() + "/10";
    } else if (payload instanceof GaitFilmed e) {
      return "Gait filmed (" + words(e.view().name()) + ", " + words(e.surface().name()) + ")" + antalgic(e);
    } else if (payload instanceof GaitVideoAttached e) {
      return "Gait video attached (" + size(e.video().sizeBytes()) + ")";
    } else if (payload instanceof PrimaryHypothesised e) {
      List<InjuryId> secondaries = CaseFold.listOrNone(e.secondaryInjuryIds());
      return "Primary hypothesised: " + name(e.primaryInjuryId(), injuries) + (secondaries.isEmpty() ? ""
          : " causing " + secondaries.stream().map(id -> name(id, injuries)).collect(Collectors.joining(", ")));
    } else if (payload instanceof TreatmentStarted e) {
      return "Treatment started: " + e.modality().label() + " for " + name(e.targetInjuryId(), injuries);
    } else if (payload instanceof OutcomeMeasured e) {
      return e.instrument().label() + " " + score(e.score()) + " for " + name(e.injuryId(), injuries);
    } else if (payload instanceof SecondaryResolved e) {
      return "Secondary injury resolved: " + name(e.injuryId(), injuries);
    } else if (payload instanceof InjuryResolved e) {
      return "Injury resolved: " + name(e.injuryId(), injuries);
    } else if (payload instanceof EntryMarkedInError e) {
      return "Entry marked in error (" + words(EventNames.type(e.markedEventType())) + "): " + e.reason();
    } else if (payload instanceof CaseClosed e) {
      return "Case closed: " + e.reason();
    } else if (payload instanceof CaseReopened e) {
      return "Case reopened: " + e.reason();
    }
    return words(EventNames.type(payload));
  }

  /** Whether the gait was antalgic is the one finding always taken; the line says nothing without findings. */
  private static String antalgic(GaitFilmed e) {
    if (e.findings() == null || e.findings().antalgic() == null) {
      return "";
    }
    return e.findings().antalgic() ? ": antalgic" : ": not antalgic";
  }

  private static String name(InjuryId id, Map<UUID, InjuryReported> injuries) {
    InjuryReported injury = injuries.get(id.value());
    return injury == null ? "an injury" : injury(injury);
  }

  private static String injury(InjuryReported e) {
    String what = ConditionCatalogue.find(e.conditionCode()).map(Condition::label).orElse(e.bodyRegion().label());
    return e.side() == Side.NOT_APPLICABLE ? what : what + " (" + e.side().label().toLowerCase(Locale.ROOT) + ")";
  }

  /** A short clip is a few hundred KB; saying "1 MiB" for it would mislead. */
  private static String size(long bytes) {
    long mib = 1024 * 1024;
    return bytes < mib ? Math.max(1, Math.round(bytes / 1024.0)) + " KB" : Math.round(bytes / (double) mib) + " MB";
  }

  private static String score(double score) {
    return score == Math.rint(score) ? Long.toString((long) score) : Double.toString(score);
  }

  private static String words(String constant) {
    String lower = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }
}
