package com.kineticcasebook.patientcase;

import com.kineticcasebook.reference.TreatmentModality;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Starts a treatment aimed at one injury of the case; the outcome dashboards time clearance from it. */
public record StartTreatment(
    @TargetAggregateIdentifier CaseId caseId, TreatmentId treatmentId, InjuryId targetInjuryId,
    TreatmentModality modality, String plan, LocalDate startedOn) implements CaseCommand {

  public StartTreatment {
    plan = Violations.normalise(plan);
  }

  @Override
  public List<FieldViolation> violations() {
    return Violations.check()
        .required("caseId", caseId)
        .required("treatmentId", treatmentId)
        .required("targetInjuryId", targetInjuryId)
        .required("modality", modality)
        .text("plan", plan, 1, 4000)
        .required("startedOn", startedOn)
        .found();
  }
}
