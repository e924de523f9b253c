package com.kineticcasebook.patientcase;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.reference.OutcomeInstrument;
import com.kineticcasebook.reference.TreatmentModality;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A visit recorded in one command: its individual events, each dated the visit's date, or none at all. */
class VisitTest extends PatientCaseSpecification {

  private static final java.time.LocalDate VISIT = TODAY.minusDays(1);
  private static final TreatmentId HIP_TREATMENT = new TreatmentId(UUID.fromString("00000003-0000-4000-8000-000000000003"));

  @Test
  void givenHypothesis_whenVisitRecorded_thenEachPartIsItsEventDatedTheVisit() {
    fixture.given(OPENED, CALF_REPORTED, KNEE_REPORTED, HIP_REPORTED, CALF_CAUSES_KNEE)
        .when(new RecordVisit(CASE, VISIT, "  Running 5 km pain-free ",
            List.of(new RecordVisit.Measure(KNEE, OutcomeInstrument.NPRS, 2.0),
                new RecordVisit.Measure(CALF, OutcomeInstrument.VISA_A, 71.0)),
            List.of(new RecordVisit.Treatment(TREATMENT, CALF, TreatmentModality.LOADING_PROGRAMME, "Calf raises")),
            List.of(new RecordVisit.Resolution(KNEE, "Cleared"), new RecordVisit.Resolution(HIP, null))))
        .expectEvents(
            new OutcomeMeasured(CASE, KNEE, OutcomeInstrument.NPRS, 2.0, VISIT),
            new OutcomeMeasured(CASE, CALF, OutcomeInstrument.VISA_A, 71.0, VISIT),
            new TreatmentStarted(CASE, TREATMENT, CALF, TreatmentModality.LOADING_PROGRAMME, "Calf raises", VISIT),
            new SecondaryResolved(CASE, KNEE, VISIT, "Cleared"),
            new InjuryResolved(CASE, HIP, VISIT, null),
            new VisitNoted(CASE, VISIT, "Running 5 km pain-free"));
  }

  @Test
  void givenOpenCase_whenVisitHasOnlyANote_thenVisitNoted() {
    fixture.given(OPENED)
        .when(new RecordVisit(CASE, TODAY, "Rest week", null, null, null))
        .expectEvents(new VisitNoted(CASE, TODAY, "Rest week"));
  }

  @Test
  void givenInjury_whenVisitHasABlankNote_thenNoNoteIsRecorded() {
    fixture.given(OPENED, CALF_REPORTED)
        .when(new RecordVisit(CASE, TODAY, "   ", List.of(new RecordVisit.Measure(CALF, OutcomeInstrument.NPRS, 3.0)),
            List.of(), List.of()))
        .expectEvents(new OutcomeMeasured(CASE, CALF, OutcomeInstrument.NPRS, 3.0, TODAY));
  }

  @Test
  void givenOpenCase_whenVisitRecordsNothing_thenRefusedOnNote() {
    expectInvalid(fixture.given(OPENED).when(new RecordVisit(CASE, TODAY, " ", List.of(), List.of(), List.of())),
        "note");
  }

  @Test
  void givenInjury_whenPartsAreInvalid_thenEveryFieldIsNamedByItsPath() {
    expectInvalid(fixture.given(OPENED, CALF_REPORTED).when(new RecordVisit(CASE, null, null,
            Arrays.asList(new RecordVisit.Measure(CALF, OutcomeInstrument.NPRS, 3.0),
                new RecordVisit.Measure(CALF, OutcomeInstrument.VISA_A, 101.0), null),
            List.of(new RecordVisit.Treatment(TREATMENT, CALF, null, " ")),
            List.of(new RecordVisit.Resolution(null, "x".repeat(2001))))),
        "visitedOn", "outcomeMeasures[1].score", "outcomeMeasures[2]", "treatments[0].modality",
        "treatments[0].plan", "resolutions[0].injuryId", "resolutions[0].note");
  }

  @Test
  void givenInjury_whenAScoreIsOutOfRangeAndTheDateBreaksACaseRule_thenBothAreRefusedAtOnce() {
    expectInvalid(fixture.given(OPENED, CALF_REPORTED, KNEE_REPORTED)
            .when(new RecordVisit(CASE, OPENED_ON.minusDays(1), null,
                List.of(new RecordVisit.Measure(CALF, OutcomeInstrument.NPRS, 11.0),
                    new RecordVisit.Measure(UNKNOWN_INJURY, OutcomeInstrument.NPRS, 3.0)),
                List.of(), List.of(new RecordVisit.Resolution(KNEE, null)))),
        "outcomeMeasures[0].score", "visitedOn", "outcomeMeasures[1].injuryId",
        "resolutions[0].injuryId");
  }

  @Test
  void whenTheCaseIsMissing_thenThatIsItsOnlyProblem() {
    assertThat(new RecordVisit(null, TODAY, "Note", null, null, null).violations())
        .extracting(FieldViolation::field).containsExactly("caseId");
  }

  @Test
  void givenCase_whenEveryPartBreaksARule_thenRefusedAsAWholeWithEveryPath() {
    expectInvalid(fixture.given(OPENED, CALF_REPORTED, KNEE_REPORTED, HIP_REPORTED, CALF_TREATED,
            new InjuryResolved(CASE, HIP, TODAY.minusDays(3), null))
        .when(new RecordVisit(CASE, KNEE_ONSET.minusDays(1), null,
            List.of(new RecordVisit.Measure(CALF, OutcomeInstrument.NPRS, 3.0),
                new RecordVisit.Measure(KNEE, OutcomeInstrument.NPRS, 3.0),
                new RecordVisit.Measure(UNKNOWN_INJURY, OutcomeInstrument.NPRS, 3.0),
                new RecordVisit.Measure(CALF, OutcomeInstrument.NPRS, 4.0)),
            List.of(new RecordVisit.Treatment(TREATMENT, CALF, TreatmentModality.MANUAL_THERAPY, "Massage")),
            List.of(new RecordVisit.Resolution(HIP, null), new RecordVisit.Resolution(CALF, null),
                new RecordVisit.Resolution(CALF, null)))),
        "outcomeMeasures[1].injuryId", "outcomeMeasures[2].injuryId", "outcomeMeasures[3].instrument",
        "resolutions[0].injuryId", "resolutions[2].injuryId", "treatments[0].targetInjuryId",
        "treatments[0].treatmentId");
  }

  @Test
  void givenOpenCase_whenVisitIsBeforeTheCaseOpenedOrInTheFuture_thenRefusedOnVisitedOn() {
    expectInvalid(fixture.given(OPENED).when(new RecordVisit(CASE, OPENED_ON.minusDays(1), "Note", null, null, null)),
        "visitedOn");
    expectInvalid(fixture.given(OPENED).when(new RecordVisit(CASE, TOMORROW, "Note", null, null, null)), "visitedOn");
  }

  @Test
  void givenTreatedInjury_whenAVisitStartsASecondTreatmentOnIt_thenRecorded() {
    fixture.given(OPENED, HIP_REPORTED)
        .when(new RecordVisit(CASE, TODAY, null, null,
            List.of(new RecordVisit.Treatment(HIP_TREATMENT, HIP, TreatmentModality.MANUAL_THERAPY, "Hip mobility")),
            null))
        .expectEvents(new TreatmentStarted(CASE, HIP_TREATMENT, HIP, TreatmentModality.MANUAL_THERAPY, "Hip mobility",
            TODAY));
  }

  @Test
  void givenClosedCase_whenVisitRecorded_thenConflict() {
    expectConflict(fixture.given(OPENED, CALF_REPORTED, CLOSED)
        .when(new RecordVisit(CASE, TODAY, "Note", null, null, null)), "closed");
  }
}
