package com.kineticcasebook.outcomes;

import com.kineticcasebook.reference.TreatmentModality;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One secondary injury of a case's current hypothesis, with what the dashboards need.
 *
 * @param primaryTreatedOn tP: the earliest start of a treatment of the primary, null if never treated
 * @param primaryModality the modality of that earliest treatment
 * @param caseClosedOn censoring date of an unresolved secondary on a closed case
 * @param linkedAfterClearance whether it was linked to its primary only after it had cleared
 *     ({@link Hindsight}): such a secondary is left out of every figure and only counted
 * @param ownTreatmentStartedOn the earliest start of a live treatment of the secondary itself, null if none
 */
public record SecondaryOutcome(
    UUID caseId, UUID clinicId, UUID clinicianId, UUID secondaryInjuryId, String secondaryConditionCode,
    LocalDate secondaryOnsetOn, UUID primaryInjuryId, String primaryConditionCode, LocalDate primaryTreatedOn,
    TreatmentModality primaryModality, boolean directlyTreated, LocalDate resolvedOn, LocalDate caseClosedOn,
    Classification classification, boolean linkedAfterClearance, LocalDate ownTreatmentStartedOn) {}
