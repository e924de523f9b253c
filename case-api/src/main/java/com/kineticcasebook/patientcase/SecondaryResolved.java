package com.kineticcasebook.patientcase;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A secondary injury of the current hypothesis resolved. */
@Revision("1")
public record SecondaryResolved(CaseId caseId, InjuryId injuryId, LocalDate resolvedOn, String note) {}
