package com.kineticcasebook.casework;

import com.kineticcasebook.patientcase.CaseId;
import com.kineticcasebook.patientcase.GaitFindings;
import com.kineticcasebook.patientcase.HypothesisePrimary;
import com.kineticcasebook.patientcase.InjuryId;
import com.kineticcasebook.patientcase.RecordGaitFilming;
import com.kineticcasebook.patientcase.RecordingId;
import com.kineticcasebook.patientcase.ReportInjury;
import com.kineticcasebook.patientcase.StartTreatment;
import com.kineticcasebook.patientcase.TreatmentId;
import com.kineticcasebook.reference.BodyRegion;
import com.kineticcasebook.reference.GaitView;
import com.kineticcasebook.reference.RunningSurface;
import com.kineticcasebook.reference.Side;
import com.kineticcasebook.reference.TreatmentModality;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Function;

/**
 * The commands the clinician's forms send, read from what was typed: the case page's forms and the
 * first visit's steps read the same fields the same way. Each field is read through the form's
 * {@link FormInput} under {@code prefix} (empty for a form of one entry, {@code injuries[1].} for a
 * row), so its problems are named by its path.
 */
final class FormCommands {

  private FormCommands() {}

  static ReportInjury injury(FormInput in, String prefix, CaseId caseId, InjuryId injuryId, Forms.InjuryForm form) {
    return new ReportInjury(caseId, injuryId,
        in.choice(prefix + "bodyRegion", form.bodyRegion(), BodyRegion.class),
        in.choice(prefix + "side", form.side(), Side.class), form.conditionCode(), form.description(),
        in.date(prefix + "onsetOn", form.onsetOn()), in.whole(prefix + "painScore", form.painScore()));
  }

  static RecordGaitFilming gait(FormInput in, CaseId caseId, RecordingId recordingId, Forms.GaitForm form) {
    return new RecordGaitFilming(caseId, recordingId, in.date("filmedOn", form.filmedOn()),
        in.choice("view", form.view(), GaitView.class), in.choice("surface", form.surface(), RunningSurface.class),
        new GaitFindings(form.antalgic() == null || form.antalgic().isBlank() ? null
            : Boolean.valueOf("true".equals(form.antalgic())),
            in.number("stanceAsymmetryPct", form.stanceAsymmetryPct()), in.whole("pushOffDelayMs", form.pushOffDelayMs()),
            in.choice("hipHikeSide", form.hipHikeSide(), Side.class), in.number("trunkLeanCm", form.trunkLeanCm()),
            in.whole("cadenceSpm", form.cadenceSpm())));
  }

  /** A hypothesis dated {@code today} when its date is left empty. */
  static HypothesisePrimary hypothesis(FormInput in, CaseId caseId, Forms.HypothesisForm form, LocalDate today) {
    return new HypothesisePrimary(caseId,
        optional(in.id("primaryInjuryId", form.primaryInjuryId()), InjuryId::new),
        in.ids("secondaryInjuryIds", form.secondaryInjuryIds()).stream().map(InjuryId::new).toList(),
        form.rationale(),
        in.ids("evidenceRecordingIds", form.evidenceRecordingIds()).stream().map(RecordingId::new).toList(),
        form.hypothesisedOn() == null || form.hypothesisedOn().isBlank() ? today
            : in.date("hypothesisedOn", form.hypothesisedOn()));
  }

  static StartTreatment treatment(FormInput in, CaseId caseId, TreatmentId treatmentId, Forms.TreatmentForm form) {
    return new StartTreatment(caseId, treatmentId,
        optional(in.id("targetInjuryId", form.targetInjuryId()), InjuryId::new),
        in.choice("modality", form.modality(), TreatmentModality.class), form.plan(),
        in.date("startedOn", form.startedOn()));
  }

  static <T> T optional(UUID value, Function<UUID, T> type) {
    return value == null ? null : type.apply(value);
  }
}
