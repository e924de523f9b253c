package com.kineticcasebook.patientcase;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A case was opened for a patient of a clinic, who is known here only by a pseudonymous reference. */
@Revision("1")
public record CaseOpened(
    CaseId caseId, ClinicId clinicId, String patientRef, UserId assignedClinicianId, LocalDate openedOn) {}
