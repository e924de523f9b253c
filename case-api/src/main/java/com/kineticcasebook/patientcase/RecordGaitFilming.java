package com.kineticcasebook.patientcase;

import com.kineticcasebook.reference.GaitView;
import com.kineticcasebook.reference.RunningSurface;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that the runner's gait was filmed, with what the clinician found; the video follows separately. */
public record RecordGaitFilming(
    @TargetAggregateIdentifier CaseId caseId, RecordingId recordingId, LocalDate filmedOn, GaitView view,
    RunningSurface surface, GaitFindings findings) implements CaseCommand {

  @Override
  public List<FieldViolation> violations() {
    Violations check = Violations.check()
        .required("caseId", caseId)
        .required("recordingId", recordingId)
        .required("filmedOn", filmedOn)
        .required("view", view)
        .required("surface", surface)
        .required("findings", findings);
    if (findings != null) {
      findings.validate(check);
    }
    return check.found();
  }
}
