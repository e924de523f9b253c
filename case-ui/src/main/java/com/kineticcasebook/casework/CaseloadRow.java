package com.kineticcasebook.casework;

import com.kineticcasebook.caseload.CaseStatus;
import java.time.LocalDate;
import java.util.UUID;

/** One row of the caseload, in words. */
public record CaseloadRow(UUID caseId, String patientRef, String clinic, CaseStatus status, LocalDate openedOn,
    String primaryCondition, int openInjuries) {}
