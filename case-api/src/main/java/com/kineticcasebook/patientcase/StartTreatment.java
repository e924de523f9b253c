package com.kineticcasebook.patientcase;

import com.kineticcasebook.reference.TreatmentModality;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Starts a treatment aimed at one injury of the case. */
public record StartTreatment(
    @TargetAggregateIdentifier CaseId caseId, TreatmentId treatmentId, InjuryId targetInjuryId,
    TreatmentModality modality, String plan, LocalDate startedOn) {

  public StartTreatment {
    Violations.check()
        .required("caseId", caseId)
        .required("treatmentId", treatmentId)
        .required("targetInjuryId", targetInjuryId)
        .required("modality", modality)
        .text("plan", plan, 4000)
        .required("startedOn", startedOn)
        .throwIfAny();
  }
}
