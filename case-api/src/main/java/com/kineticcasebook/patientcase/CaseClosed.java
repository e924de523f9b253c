package com.kineticcasebook.patientcase;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The case was closed; unresolved injuries are censored at closedOn in the outcome figures. */
@Revision("1")
public record CaseClosed(CaseId caseId, LocalDate closedOn, String reason) {}
