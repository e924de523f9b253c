package com.kineticcasebook.patientcase;

import com.kineticcasebook.reference.BodyRegion;
import com.kineticcasebook.reference.OutcomeInstrument;
import com.kineticcasebook.reference.Side;
import com.kineticcasebook.reference.TreatmentModality;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A command's own problems and those the case's state shows are refused in one answer (the command's
 * first, in the order of its fields), for every kind of command: nobody fixes one field only to be told of the next.
 */
class OnePassRefusalTest extends PatientCaseSpecification {

  @Test
  void givenCase_whenAnOpeningDateIsInTheFutureAndTheReferenceIsAName_thenBothAreRefused() {
    fixture.givenNoPriorActivity()
        .when(new OpenCase(CASE, CLINIC, "Jane Doe", CLINICIAN, TOMORROW))
        .expectException(violationsOn("patientRef", "openedOn"));
  }

  @Test
  void givenCase_whenAnInjuryRepeatsAnIdHasPain11AndAFutureOnset_thenAllThreeAreRefused() {
    expectInvalid(fixture.given(OPENED, KNEE_REPORTED)
        .when(new ReportInjury(CASE, KNEE, BodyRegion.KNEE, Side.LEFT, null, "Sore", TOMORROW, 11)),
        "painScore", "injuryId", "onsetOn");
  }

  @Test
  void givenInjury_whenATreatmentHasNoPlanAndStartsBeforeTheOnset_thenBothAreRefused() {
    expectInvalid(fixture.given(OPENED, KNEE_REPORTED)
        .when(new StartTreatment(CASE, TREATMENT, KNEE, TreatmentModality.EDUCATION, " ", KNEE_ONSET.minusDays(1))),
        "plan", "startedOn");
  }

  @Test
  void givenInjury_whenAScoreIsOutOfRangeAndMeasuredBeforeTheCaseOpened_thenBothAreRefused() {
    expectInvalid(fixture.given(OPENED, CALF_REPORTED)
        .when(new RecordOutcomeMeasure(CASE, CALF, OutcomeInstrument.NPRS, 11.0, OPENED_ON.minusDays(1))),
        "score", "measuredOn");
  }

  @Test
  void givenInjuries_whenAHypothesisHasNoRationaleAndNamesAnUnknownSecondary_thenBothAreRefused() {
    expectInvalid(fixture.given(OPENED, CALF_REPORTED, KNEE_REPORTED)
        .when(new HypothesisePrimary(CASE, CALF, List.of(KNEE, UNKNOWN_INJURY), "", List.of(), TOMORROW)),
        "rationale", "hypothesisedOn", "secondaryInjuryIds[1]");
  }

  @Test
  void givenInjury_whenAHypothesisMissesASecondaryItem_thenItIsRefusedByItsIndex() {
    expectInvalid(fixture.given(OPENED, CALF_REPORTED, KNEE_REPORTED)
        .when(new HypothesisePrimary(CASE, CALF, Arrays.asList(KNEE, null), "Guarding", null, TODAY)),
        "secondaryInjuryIds[1]");
  }

  @Test
  void givenInjury_whenAResolutionNoteIsTooLongAndTheDateBeforeTheOnset_thenBothAreRefused() {
    expectInvalid(fixture.given(OPENED, KNEE_REPORTED)
        .when(new ResolveInjury(CASE, KNEE, KNEE_ONSET.minusDays(1), "x".repeat(2001))),
        "note", "resolvedOn");
  }

  @Test
  void givenCase_whenMarkingAnUnknownEntryWithoutAReason_thenBothAreRefused() {
    expectInvalid(fixture.given(OPENED).when(new MarkEnteredInError(CASE, "no-such-event", " ")),
        "reason", "eventId");
  }

  @Test
  void givenCase_whenClosingBeforeItOpenedWithoutAReason_thenBothAreRefused() {
    expectInvalid(fixture.given(OPENED).when(new CloseCase(CASE, OPENED_ON.minusDays(1), "")),
        "reason", "closedOn");
  }

  @Test
  void givenClosedCase_whenReopeningBeforeItClosedWithoutAReason_thenBothAreRefused() {
    expectInvalid(fixture.given(OPENED, CLOSED).when(new ReopenCase(CASE, CLOSED.closedOn().minusDays(1), null)),
        "reason", "reopenedOn");
  }
}
