package com.kineticcasebook.patientcase;

import com.kineticcasebook.reference.BodyRegion;
import com.kineticcasebook.reference.Side;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** An injury was reported; conditionCode is null when the clinician named no condition. */
@Revision("1")
public record InjuryReported(CaseId caseId, InjuryId injuryId, BodyRegion bodyRegion, Side side, String conditionCode, String description, LocalDate onsetOn, int painScore) {}
