package com.kineticcasebook.patientcase;

import com.kineticcasebook.reference.BodyRegion;
import com.kineticcasebook.reference.GaitView;
import com.kineticcasebook.reference.OutcomeInstrument;
import com.kineticcasebook.reference.RunningSurface;
import com.kineticcasebook.reference.Side;
import com.kineticcasebook.reference.TreatmentModality;
import org.junit.jupiter.api.Test;

/** Reporting injuries, filming gait, starting treatments and measuring outcomes. */
class ClinicalRecordingTest extends PatientCaseSpecification {

  private static final GaitVideo VIDEO = new GaitVideo("ab".repeat(32), "video/mp4", 48_000_000L);

  @Test
  void givenOpenCase_whenInjuryReported_thenInjuryReportedWithTrimmedText() {
    fixture.given(OPENED)
        .when(new ReportInjury(CASE, CALF, BodyRegion.CALF, Side.LEFT, "CALF_STRAIN",
            "  Tight left calf after intervals\n", CALF_ONSET, 6))
        .expectEvents(CALF_REPORTED);
  }

  @Test
  void givenOpenCase_whenInjuryReportedWithoutCondition_thenInjuryReportedWithNullCondition() {
    fixture.given(OPENED)
        .when(new ReportInjury(CASE, HIP, BodyRegion.HIP, Side.RIGHT, null, "Ache at the front of the right hip",
            HIP_ONSET, 3))
        .expectEvents(HIP_REPORTED);
  }

  @Test
  void givenOpenCase_whenOnsetIsToday_thenInjuryReported() {
    fixture.given(OPENED)
        .when(new ReportInjury(CASE, HIP, BodyRegion.HIP, Side.RIGHT, null, "Sharp", TODAY, 0))
        .expectEvents(new InjuryReported(CASE, HIP, BodyRegion.HIP, Side.RIGHT, null, "Sharp", TODAY, 0));
  }

  @Test
  void givenOpenCase_whenOnsetIsTomorrow_thenRefusedOnOnsetOn() {
    expectInvalid(fixture.given(OPENED)
        .when(new ReportInjury(CASE, CALF, BodyRegion.CALF, Side.LEFT, null, "Pain", TOMORROW, 6)), "onsetOn");
  }

  @Test
  void givenInjury_whenTheSameInjuryIdIsReportedAgain_thenRefusedOnInjuryId() {
    expectInvalid(fixture.given(OPENED, CALF_REPORTED)
        .when(new ReportInjury(CASE, CALF, BodyRegion.CALF, Side.LEFT, null, "Again", TODAY, 3)), "injuryId");
  }

  @Test
  void givenOpenCase_whenGaitFilmed_thenGaitFilmed() {
    fixture.given(OPENED)
        .when(new RecordGaitFilming(CASE, RECORDING, FILMED.filmedOn(), GaitView.POSTERIOR, RunningSurface.TREADMILL,
            FINDINGS))
        .expectEvents(FILMED);
  }

  @Test
  void givenOpenCase_whenGaitFilmedWithOnlyTheAntalgicFlag_thenUnmeasuredFindingsStayNull() {
    GaitFindings onlyFlag = new GaitFindings(false, null, null, null, null, null);
    fixture.given(OPENED)
        .when(new RecordGaitFilming(CASE, RECORDING, TODAY, GaitView.SAGITTAL_LEFT, RunningSurface.TRACK, onlyFlag))
        .expectEvents(new GaitFilmed(CASE, RECORDING, TODAY, GaitView.SAGITTAL_LEFT, RunningSurface.TRACK, onlyFlag));
  }

  @Test
  void givenOpenCase_whenFilmedTomorrow_thenRefusedOnFilmedOn() {
    expectInvalid(fixture.given(OPENED).when(new RecordGaitFilming(CASE, RECORDING, TOMORROW, GaitView.POSTERIOR,
        RunningSurface.TREADMILL, FINDINGS)), "filmedOn");
  }

  @Test
  void givenRecording_whenTheSameRecordingIdIsFilmedAgain_thenRefusedOnRecordingId() {
    expectInvalid(fixture.given(OPENED, FILMED).when(new RecordGaitFilming(CASE, RECORDING, TODAY,
        GaitView.POSTERIOR, RunningSurface.TREADMILL, FINDINGS)), "recordingId");
  }

  @Test
  void givenRecording_whenVideoAttached_thenGaitVideoAttached() {
    fixture.given(OPENED, FILMED)
        .when(new AttachGaitVideo(CASE, RECORDING, VIDEO))
        .expectEvents(new GaitVideoAttached(CASE, RECORDING, VIDEO));
  }

  @Test
  void givenNoSuchRecording_whenVideoAttached_thenRefusedOnRecordingId() {
    expectInvalid(fixture.given(OPENED, FILMED).when(new AttachGaitVideo(CASE, UNKNOWN_RECORDING, VIDEO)),
        "recordingId");
  }

  @Test
  void givenInjury_whenTreatmentStarted_thenTreatmentStarted() {
    fixture.given(OPENED, CALF_REPORTED)
        .when(new StartTreatment(CASE, TREATMENT, CALF, TreatmentModality.LOADING_PROGRAMME,
            " Progressive calf raises ", CALF_TREATED.startedOn()))
        .expectEvents(CALF_TREATED);
  }

  @Test
  void givenInjury_whenTreatmentStartsOnTheOnsetDay_thenTreatmentStarted() {
    fixture.given(OPENED, KNEE_REPORTED)
        .when(new StartTreatment(CASE, TREATMENT, KNEE, TreatmentModality.TAPING, "Patellar taping", KNEE_ONSET))
        .expectEvents(new TreatmentStarted(CASE, TREATMENT, KNEE, TreatmentModality.TAPING, "Patellar taping",
            KNEE_ONSET));
  }

  @Test
  void givenNoSuchInjury_whenTreatmentStarted_thenRefusedOnTargetInjuryId() {
    expectInvalid(fixture.given(OPENED, CALF_REPORTED).when(new StartTreatment(CASE, TREATMENT, UNKNOWN_INJURY,
        TreatmentModality.LOADING_PROGRAMME, "Calf raises", TODAY)), "targetInjuryId");
  }

  @Test
  void givenInjury_whenTreatmentStartsBeforeOnset_thenRefusedOnStartedOn() {
    expectInvalid(fixture.given(OPENED, CALF_REPORTED).when(new StartTreatment(CASE, TREATMENT, CALF,
        TreatmentModality.LOADING_PROGRAMME, "Calf raises", CALF_ONSET.minusDays(1))), "startedOn");
  }

  @Test
  void givenInjury_whenTreatmentStartsTomorrow_thenRefusedOnStartedOn() {
    expectInvalid(fixture.given(OPENED, CALF_REPORTED).when(new StartTreatment(CASE, TREATMENT, CALF,
        TreatmentModality.LOADING_PROGRAMME, "Calf raises", TOMORROW)), "startedOn");
  }

  @Test
  void givenOpenCase_whenTreatmentOfAnUnknownInjuryStartsTomorrow_thenBothFieldsReportedAtOnce() {
    expectInvalid(fixture.given(OPENED).when(new StartTreatment(CASE, TREATMENT, UNKNOWN_INJURY,
        TreatmentModality.LOADING_PROGRAMME, "Calf raises", TOMORROW)), "startedOn", "targetInjuryId");
  }

  @Test
  void givenTreatment_whenTheSameTreatmentIdStartsAgain_thenRefusedOnTreatmentId() {
    expectInvalid(fixture.given(OPENED, CALF_REPORTED, CALF_TREATED).when(new StartTreatment(CASE, TREATMENT, CALF,
        TreatmentModality.MANUAL_THERAPY, "Soft tissue", TODAY)), "treatmentId");
  }

  @Test
  void givenResolvedInjury_whenTreatmentStarted_thenConflict() {
    expectConflict(fixture.given(OPENED, CALF_REPORTED, new InjuryResolved(CASE, CALF, TODAY, null))
        .when(new StartTreatment(CASE, TREATMENT, CALF, TreatmentModality.LOADING_PROGRAMME, "Calf raises", TODAY)),
        "The injury is resolved");
  }

  @Test
  void givenInjury_whenMeasured_thenOutcomeMeasured() {
    fixture.given(OPENED, KNEE_REPORTED)
        .when(new RecordOutcomeMeasure(CASE, KNEE, OutcomeInstrument.LEFS, 52.0, TODAY))
        .expectEvents(new OutcomeMeasured(CASE, KNEE, OutcomeInstrument.LEFS, 52.0, TODAY));
  }

  @Test
  void givenInjury_whenMeasuredWithTheMeanOfAPatientSpecificScale_thenDecimalsKept() {
    fixture.given(OPENED, KNEE_REPORTED)
        .when(new RecordOutcomeMeasure(CASE, KNEE, OutcomeInstrument.PSFS, 6.7, TODAY))
        .expectEvents(new OutcomeMeasured(CASE, KNEE, OutcomeInstrument.PSFS, 6.7, TODAY));
  }

  @Test
  void givenResolvedInjury_whenMeasured_thenStillRecorded() {
    fixture.given(OPENED, KNEE_REPORTED, new InjuryResolved(CASE, KNEE, TODAY, null))
        .when(new RecordOutcomeMeasure(CASE, KNEE, OutcomeInstrument.NPRS, 0.0, TODAY))
        .expectEvents(new OutcomeMeasured(CASE, KNEE, OutcomeInstrument.NPRS, 0.0, TODAY));
  }

  @Test
  void givenNoSuchInjury_whenMeasured_thenRefusedOnInjuryId() {
    expectInvalid(fixture.given(OPENED, KNEE_REPORTED)
        .when(new RecordOutcomeMeasure(CASE, UNKNOWN_INJURY, OutcomeInstrument.NPRS, 3.0, TODAY)), "injuryId");
  }

  @Test
  void givenInjury_whenMeasuredTomorrow_thenRefusedOnMeasuredOn() {
    expectInvalid(fixture.given(OPENED, KNEE_REPORTED)
        .when(new RecordOutcomeMeasure(CASE, KNEE, OutcomeInstrument.NPRS, 3.0, TOMORROW)), "measuredOn");
  }
}
