package com.kineticcasebook.patientcase;

import com.kineticcasebook.reference.OutcomeInstrument;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** An outcome instrument was scored for an injury. */
@Revision("1")
public record OutcomeMeasured(
    CaseId caseId, InjuryId injuryId, OutcomeInstrument instrument, double score, LocalDate measuredOn) {}
