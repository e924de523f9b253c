package com.kineticcasebook.patientcase;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A closed case was reopened. */
@Revision("1")
public record CaseReopened(CaseId caseId, LocalDate reopenedOn, String reason) {}
