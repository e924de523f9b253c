package com.kineticcasebook.patientcase;

import com.kineticcasebook.reference.BodyRegion;
import com.kineticcasebook.reference.GaitView;
import com.kineticcasebook.reference.OutcomeInstrument;
import com.kineticcasebook.reference.RunningSurface;
import com.kineticcasebook.reference.Side;
import com.kineticcasebook.reference.TreatmentModality;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Opening, closing and reopening a case, and what a closed case refuses. */
class CaseLifecycleTest extends PatientCaseSpecification {

  private static final RecordingId SECOND_RECORDING = RecordingId.of("00000002-0000-4000-8000-000000000002");

  @Test
  void whenOpened_thenCaseOpened() {
    fixture.givenNoPriorActivity()
        .when(new OpenCase(CASE, CLINIC, " N-00123 ", CLINICIAN, TODAY))
        .expectSuccessfulHandlerExecution()
        .expectEvents(new CaseOpened(CASE, CLINIC, "N-00123", CLINICIAN, TODAY));
  }

  @Test
  void whenOpenedWithAPastDate_thenCaseOpenedOnThatDate() {
    fixture.givenNoPriorActivity()
        .when(new OpenCase(CASE, CLINIC, "N-00123", CLINICIAN, OPENED_ON))
        .expectEvents(OPENED);
  }

  @Test
  void whenOpenedTomorrow_thenRefusedOnOpenedOn() {
    expectInvalid(fixture.givenNoPriorActivity().when(new OpenCase(CASE, CLINIC, "N-00123", CLINICIAN, TOMORROW)),
        "openedOn");
  }

  @Test
  void givenOpenCase_whenClosed_thenCaseClosed() {
    fixture.given(OPENED)
        .when(new CloseCase(CASE, TODAY, "  Discharged, running pain-free  "))
        .expectEvents(new CaseClosed(CASE, TODAY, "Discharged, running pain-free"));
  }

  @Test
  void givenOpenCase_whenClosedOnTheDayItOpened_thenCaseClosed() {
    fixture.given(OPENED)
        .when(new CloseCase(CASE, OPENED_ON, "Referred elsewhere"))
        .expectEvents(new CaseClosed(CASE, OPENED_ON, "Referred elsewhere"));
  }

  @Test
  void givenOpenCase_whenClosedBeforeItOpened_thenRefusedOnClosedOn() {
    expectInvalid(fixture.given(OPENED).when(new CloseCase(CASE, OPENED_ON.minusDays(1), "Discharged")), "closedOn");
  }

  @Test
  void givenOpenCase_whenClosedTomorrow_thenRefusedOnClosedOn() {
    expectInvalid(fixture.given(OPENED).when(new CloseCase(CASE, TOMORROW, "Discharged")), "closedOn");
  }

  @Test
  void givenClosedCase_whenClosedAgain_thenConflict() {
    expectConflict(fixture.given(OPENED, CLOSED).when(new CloseCase(CASE, TODAY, "Again")),
        "The case is closed; reopen it first.");
  }

  @Test
  void givenClosedCase_whenReopened_thenCaseReopened() {
    fixture.given(OPENED, CLOSED)
        .when(new ReopenCase(CASE, TODAY, "Pain returned"))
        .expectEvents(new CaseReopened(CASE, TODAY, "Pain returned"));
  }

  @Test
  void givenOpenCase_whenReopened_thenConflict() {
    expectConflict(fixture.given(OPENED).when(new ReopenCase(CASE, TODAY, "Pain returned")),
        "only a closed case can be reopened");
  }

  @Test
  void givenReopenedCase_whenReopenedAgain_thenConflict() {
    expectConflict(fixture.given(OPENED, CLOSED, new CaseReopened(CASE, TODAY, "Pain returned"))
        .when(new ReopenCase(CASE, TODAY, "Again")), "only a closed case can be reopened");
  }

  @Test
  void givenClosedCase_whenReopenedBeforeItClosed_thenRefusedOnReopenedOn() {
    expectInvalid(fixture.given(OPENED, CLOSED)
        .when(new ReopenCase(CASE, CLOSED.closedOn().minusDays(1), "Pain returned")), "reopenedOn");
  }

  @Test
  void givenClosedCase_whenReopenedTomorrow_thenRefusedOnReopenedOn() {
    expectInvalid(fixture.given(OPENED, CLOSED).when(new ReopenCase(CASE, TOMORROW, "Pain returned")), "reopenedOn");
  }

  @Test
  void givenReopenedCase_whenInjuryReported_thenInjuryReported() {
    fixture.given(OPENED, CLOSED, new CaseReopened(CASE, TODAY, "Pain returned"))
        .when(new ReportInjury(CASE, HIP, BodyRegion.HIP, Side.RIGHT, null, "Ache at the front of the right hip",
            HIP_ONSET, 3))
        .expectEvents(HIP_REPORTED);
  }

  @Test
  void givenClosedCase_whenAnyCommandButReopenIsSent_thenConflictAndNothingRecorded() {
    List<Object> everyOtherCommand = List.of(
        new ReportInjury(CASE, HIP, BodyRegion.HIP, Side.LEFT, null, "Ache", TODAY, 2),
        new RecordGaitFilming(CASE, SECOND_RECORDING, TODAY, GaitView.POSTERIOR, RunningSurface.ROAD, FINDINGS),
        new AttachGaitVideo(CASE, RECORDING, new GaitVideo("a".repeat(64), "video/mp4", 1024)),
        new HypothesisePrimary(CASE, CALF, List.of(KNEE), "Guarding", List.of(), TODAY),
        new StartTreatment(CASE, TREATMENT, CALF, TreatmentModality.TAPING, "Tape", TODAY),
        new RecordOutcomeMeasure(CASE, CALF, OutcomeInstrument.NPRS, 2.0, TODAY),
        new ResolveInjury(CASE, CALF, TODAY, null),
        new MarkEnteredInError(CASE, "any-event", "Wrong case"),
        new CloseCase(CASE, TODAY, "Again"));
    for (Object command : everyOtherCommand) {
      expectConflict(fixture.given(OPENED, CALF_REPORTED, KNEE_REPORTED, FILMED, CLOSED).when(command),
          "The case is closed; reopen it first.");
    }
  }
}
