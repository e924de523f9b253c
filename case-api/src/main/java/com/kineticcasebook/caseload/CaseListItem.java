package com.kineticcasebook.caseload;

import com.kineticcasebook.patientcase.CaseId;
import com.kineticcasebook.patientcase.ClinicId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A case as the caseload shows it.
 *
 * @param primaryConditionCode the catalogue condition of the current hypothesis's primary injury,
 *     null when there is no hypothesis or the primary has no condition named yet
 * @param lastActivityAt when the case's latest event was recorded (any event, a correction too)
 */
public record CaseListItem(
    CaseId caseId, ClinicId clinicId, String patientRef, CaseStatus status, LocalDate openedOn, LocalDate closedOn,
    UUID primaryInjuryId, int openInjuries, String primaryConditionCode, Instant lastActivityAt) {}
