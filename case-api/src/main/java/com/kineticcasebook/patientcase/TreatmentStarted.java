package com.kineticcasebook.patientcase;

import com.kineticcasebook.reference.TreatmentModality;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A treatment aimed at one injury started. */
@Revision("1")
public record TreatmentStarted(
    CaseId caseId, TreatmentId treatmentId, InjuryId targetInjuryId, TreatmentModality modality, String plan,
    LocalDate startedOn) {}
