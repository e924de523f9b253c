package com.kineticcasebook.patientcase;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The case was closed. */
@Revision("1")
public record CaseClosed(CaseId caseId, LocalDate closedOn, String reason) {}
