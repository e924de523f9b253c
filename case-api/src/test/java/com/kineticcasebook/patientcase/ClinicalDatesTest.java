package com.kineticcasebook.patientcase;

import com.kineticcasebook.reference.OutcomeInstrument;
import org.junit.jupiter.api.Test;

/** Outcome measures are dated within the case and the injury they measure. */
class ClinicalDatesTest extends PatientCaseSpecification {

  @Test
  void givenInjury_whenMeasuredOnItsOnset_thenOutcomeMeasured() {
    fixture.given(OPENED, KNEE_REPORTED)
        .when(new RecordOutcomeMeasure(CASE, KNEE, OutcomeInstrument.NPRS, 5.0, KNEE_ONSET))
        .expectEvents(new OutcomeMeasured(CASE, KNEE, OutcomeInstrument.NPRS, 5.0, KNEE_ONSET));
  }

  @Test
  void givenInjury_whenMeasuredBeforeItsOnset_thenRefusedOnMeasuredOn() {
    expectInvalid(fixture.given(OPENED, KNEE_REPORTED)
        .when(new RecordOutcomeMeasure(CASE, KNEE, OutcomeInstrument.NPRS, 5.0, KNEE_ONSET.minusDays(1))),
        "measuredOn");
  }

  @Test
  void givenInjuryOlderThanTheCase_whenMeasuredBeforeTheCaseOpened_thenRefusedOnMeasuredOn() {
    expectInvalid(fixture.given(OPENED, CALF_REPORTED)
        .when(new RecordOutcomeMeasure(CASE, CALF, OutcomeInstrument.NPRS, 5.0, OPENED_ON.minusDays(1))),
        "measuredOn");
  }
}
