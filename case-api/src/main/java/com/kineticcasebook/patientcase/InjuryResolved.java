package com.kineticcasebook.patientcase;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** An injury that is not a secondary of the current hypothesis resolved. */
@Revision("1")
public record InjuryResolved(CaseId caseId, InjuryId injuryId, LocalDate resolvedOn, String note) {}
