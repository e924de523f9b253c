package com.kineticcasebook.patientcase;

import com.kineticcasebook.reference.BodyRegion;
import com.kineticcasebook.reference.GaitView;
import com.kineticcasebook.reference.OutcomeInstrument;
import com.kineticcasebook.reference.RunningSurface;
import com.kineticcasebook.reference.Side;
import com.kineticcasebook.reference.TreatmentModality;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rules of a patient case, command by command: each success and each refusal. */
class PatientCaseTest {

  static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
  static final CaseId CASE = new CaseId(UUID.fromString("00000000-0000-0000-0000-0000000000ca"));
  static final ClinicId CLINIC = new ClinicId(UUID.fromString("00000000-0000-0000-0000-00000000c11c"));
  static final UserId CLINICIAN = new UserId(UUID.fromString("00000000-0000-0000-0000-0000000000d0"));
  static final InjuryId CALF = injury(1);
  static final InjuryId KNEE = injury(2);
  static final InjuryId HIP = injury(3);
  static final RecordingId RECORDING = new RecordingId(UUID.fromString("00000000-0000-0000-0000-0000000000f1"));
  static final TreatmentId TREATMENT = new TreatmentId(UUID.fromString("00000000-0000-0000-0000-0000000000e1"));

  static final CaseOpened OPENED = new CaseOpened(CASE, CLINIC, "N-00123", CLINICIAN, TODAY.minusDays(40));
  static final InjuryReported CALF_REPORTED = reported(CALF, BodyRegion.CALF, "CALF_STRAIN", TODAY.minusDays(60));
  static final InjuryReported KNEE_REPORTED = reported(KNEE, BodyRegion.KNEE, "PATELLOFEMORAL_PAIN", TODAY.minusDays(30));
  static final InjuryReported HIP_REPORTED = reported(HIP, BodyRegion.HIP, null, TODAY.minusDays(20));
  static final PrimaryHypothesised CALF_CAUSES_KNEE =
      new PrimaryHypothesised(CASE, CALF, List.of(KNEE), "Guarding the calf loads the knee", List.of());
  static final GaitFindings FINDINGS = new GaitFindings(true, 8.5, 40, Side.RIGHT, 2.0, 164);

  private AggregateTestFixture<PatientCase> fixture;

  @BeforeEach
  void fixture() {
    fixture = new AggregateTestFixture<>(PatientCase.class);
    fixture.registerInjectableResource(Clock.fixed(TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
  }

  @Nested
  class Opening {

    @Test
    void whenOpened_thenCaseOpened() {
      fixture.givenNoPriorActivity()
          .when(new OpenCase(CASE, CLINIC, "N-00123", CLINICIAN, TODAY))
          .expectSuccessfulHandlerExecution()
          .expectEvents(new CaseOpened(CASE, CLINIC, "N-00123", CLINICIAN, TODAY));
    }

    @Test
    void whenOpenedTomorrow_thenRefusedOnOpenedOn() {
      expectInvalid(fixture.givenNoPriorActivity()
          .when(new OpenCase(CASE, CLINIC, "N-00123", CLINICIAN, TODAY.plusDays(1))), "openedOn");
    }
  }

  @Nested
  class Injuries {

    @Test
    void givenOpenCase_whenInjuryReported_thenInjuryReported() {
      fixture.given(OPENED)
          .when(new ReportInjury(CASE, CALF, BodyRegion.CALF, Side.LEFT, "CALF_STRAIN", "Pain on running",
              TODAY.minusDays(60), 6))
          .expectEvents(CALF_REPORTED);
    }

    @Test
    void givenOpenCase_whenOnsetInTheFuture_thenRefusedOnOnsetOn() {
      expectInvalid(fixture.given(OPENED)
          .when(new ReportInjury(CASE, CALF, BodyRegion.CALF, Side.LEFT, null, "Pain", TODAY.plusDays(1), 6)),
          "onsetOn");
    }

    @Test
    void givenInjury_whenTheSameInjuryIdReportedAgain_thenRefused() {
      expectInvalid(fixture.given(OPENED, CALF_REPORTED)
          .when(new ReportInjury(CASE, CALF, BodyRegion.CALF, Side.LEFT, null, "Again", TODAY, 3)), "injuryId");
    }
  }

  @Nested
  class GaitFilming {

    @Test
    void givenOpenCase_whenGaitFilmed_thenGaitFilmed() {
      fixture.given(OPENED)
          .when(new RecordGaitFilming(CASE, RECORDING, TODAY, GaitView.POSTERIOR, RunningSurface.TREADMILL, FINDINGS))
          .expectEvents(new GaitFilmed(CASE, RECORDING, TODAY, GaitView.POSTERIOR, RunningSurface.TREADMILL, FINDINGS));
    }

    @Test
    void givenOpenCase_whenFilmedInTheFuture_thenRefused() {
      expectInvalid(fixture.given(OPENED).when(new RecordGaitFilming(CASE, RECORDING, TODAY.plusDays(3),
          GaitView.POSTERIOR, RunningSurface.TREADMILL, FINDINGS)), "filmedOn");
    }

    @Test
    void givenRecording_whenVideoAttached_thenGaitVideoAttached() {
      GaitVideo video = new GaitVideo("a".repeat(64), "video/mp4", 1024);
      fixture.given(OPENED, filmed())
          .when(new AttachGaitVideo(CASE, RECORDING, video))
          .expectEvents(new GaitVideoAttached(CASE, RECORDING, video));
    }

    @Test
    void givenNoSuchRecording_whenVideoAttached_thenRefusedOnRecordingId() {
      expectInvalid(fixture.given(OPENED)
          .when(new AttachGaitVideo(CASE, RECORDING, new GaitVideo("a".repeat(64), "video/mp4", 1024))),
          "recordingId");
    }
  }

  @Nested
  class Hypotheses {

    @Test
    void givenInjuries_whenPrimaryHypothesised_thenPrimaryHypothesised() {
      fixture.given(OPENED, CALF_REPORTED, KNEE_REPORTED, filmed())
          .when(new HypothesisePrimary(CASE, CALF, List.of(KNEE), "Guarding the calf loads the knee",
              List.of(RECORDING)))
          .expectEvents(new PrimaryHypothesised(CASE, CALF, List.of(KNEE), "Guarding the calf loads the knee",
              List.of(RECORDING)));
    }

    @Test
    void givenInjuryOfAnotherCase_whenHypothesised_thenRefusedOnThatId() {
      expectInvalid(fixture.given(OPENED, CALF_REPORTED)
          .when(new HypothesisePrimary(CASE, CALF, List.of(KNEE), "x", List.of())), "secondaryInjuryIds[0]");
    }

    @Test
    void givenUnknownRecording_whenHypothesised_thenRefusedOnEvidence() {
      expectInvalid(fixture.given(OPENED, CALF_REPORTED, KNEE_REPORTED)
          .when(new HypothesisePrimary(CASE, CALF, List.of(KNEE), "x", List.of(RECORDING))), "evidenceRecordingIds[0]");
    }

    @Test
    void givenResolvedInjury_whenHypothesised_thenConflict() {
      fixture.given(OPENED, CALF_REPORTED, KNEE_REPORTED, new InjuryResolved(CASE, KNEE, TODAY, null))
          .when(new HypothesisePrimary(CASE, CALF, List.of(KNEE), "x", List.of()))
          .expectException(CaseRuleViolation.class)
          .expectNoEvents();
    }

    @Test
    void givenEarlierHypothesis_whenLaterHypothesisResolvesDifferently_thenLatestWins() {
      PrimaryHypothesised hipInstead = new PrimaryHypothesised(CASE, CALF, List.of(HIP), "Hip hike instead", List.of());
      fixture.given(OPENED, CALF_REPORTED, KNEE_REPORTED, HIP_REPORTED, CALF_CAUSES_KNEE, hipInstead)
          .when(new ResolveInjury(CASE, KNEE, TODAY, null))
          .expectEvents(new InjuryResolved(CASE, KNEE, TODAY, null));
    }
  }

  @Nested
  class Treatments {

    @Test
    void givenInjury_whenTreatmentStarted_thenTreatmentStarted() {
      fixture.given(OPENED, CALF_REPORTED)
          .when(new StartTreatment(CASE, TREATMENT, CALF, TreatmentModality.LOADING_PROGRAMME, "Calf raises", TODAY))
          .expectEvents(new TreatmentStarted(CASE, TREATMENT, CALF, TreatmentModality.LOADING_PROGRAMME,
              "Calf raises", TODAY));
    }

    @Test
    void givenNoSuchInjury_whenTreatmentStarted_thenRefusedOnTarget() {
      expectInvalid(fixture.given(OPENED).when(new StartTreatment(CASE, TREATMENT, CALF,
          TreatmentModality.LOADING_PROGRAMME, "Calf raises", TODAY)), "targetInjuryId");
    }

    @Test
    void givenInjury_whenTreatmentStartsBeforeOnset_thenRefusedOnStartedOn() {
      expectInvalid(fixture.given(OPENED, CALF_REPORTED).when(new StartTreatment(CASE, TREATMENT, CALF,
          TreatmentModality.LOADING_PROGRAMME, "Calf raises", TODAY.minusDays(61))), "startedOn");
    }

    @Test
    void givenResolvedInjury_whenTreatmentStarted_thenConflict() {
      fixture.given(OPENED, CALF_REPORTED, new InjuryResolved(CASE, CALF, TODAY, null))
          .when(new StartTreatment(CASE, TREATMENT, CALF, TreatmentModality.LOADING_PROGRAMME, "Calf raises", TODAY))
          .expectException(CaseRuleViolation.class);
    }
  }

  @Nested
  class OutcomeMeasures {

    @Test
    void givenInjury_whenMeasured_thenOutcomeMeasured() {
      fixture.given(OPENED, KNEE_REPORTED)
          .when(new RecordOutcomeMeasure(CASE, KNEE, OutcomeInstrument.LEFS, 52.0, TODAY))
          .expectEvents(new OutcomeMeasured(CASE, KNEE, OutcomeInstrument.LEFS, 52.0, TODAY));
    }

    @Test
    void givenResolvedInjury_whenMeasured_thenStillRecorded() {
      fixture.given(OPENED, KNEE_REPORTED, new InjuryResolved(CASE, KNEE, TODAY, null))
          .when(new RecordOutcomeMeasure(CASE, KNEE, OutcomeInstrument.NPRS, 0.0, TODAY))
          .expectEvents(new OutcomeMeasured(CASE, KNEE, OutcomeInstrument.NPRS, 0.0, TODAY));
    }

    @Test
    void givenNoSuchInjury_whenMeasured_thenRefusedOnInjuryId() {
      expectInvalid(fixture.given(OPENED)
          .when(new RecordOutcomeMeasure(CASE, KNEE, OutcomeInstrument.NPRS, 3.0, TODAY)), "injuryId");
    }

    @Test
    void givenInjury_whenMeasuredTomorrow_thenRefusedOnMeasuredOn() {
      expectInvalid(fixture.given(OPENED, KNEE_REPORTED)
          .when(new RecordOutcomeMeasure(CASE, KNEE, OutcomeInstrument.NPRS, 3.0, TODAY.plusDays(1))), "measuredOn");
    }
  }

  @Nested
  class Resolutions {

    @Test
    void givenSecondaryOfCurrentHypothesis_whenResolved_thenSecondaryResolved() {
      fixture.given(OPENED, CALF_REPORTED, KNEE_REPORTED, CALF_CAUSES_KNEE)
          .when(new ResolveInjury(CASE, KNEE, TODAY, "Pain-free 10 km"))
          .expectEvents(new SecondaryResolved(CASE, KNEE, TODAY, "Pain-free 10 km"));
    }

    @Test
    void givenPrimary_whenResolved_thenInjuryResolved() {
      fixture.given(OPENED, CALF_REPORTED, KNEE_REPORTED, CALF_CAUSES_KNEE)
          .when(new ResolveInjury(CASE, CALF, TODAY, null))
          .expectEvents(new InjuryResolved(CASE, CALF, TODAY, null));
    }

    @Test
    void givenResolvedInjury_whenResolvedAgain_thenConflict() {
      fixture.given(OPENED, KNEE_REPORTED, new InjuryResolved(CASE, KNEE, TODAY, null))
          .when(new ResolveInjury(CASE, KNEE, TODAY, null))
          .expectException(CaseRuleViolation.class)
          .expectNoEvents();
    }

    @Test
    void givenInjury_whenResolvedBeforeOnset_thenRefusedOnResolvedOn() {
      expectInvalid(fixture.given(OPENED, KNEE_REPORTED)
          .when(new ResolveInjury(CASE, KNEE, TODAY.minusDays(31), null)), "resolvedOn");
    }

    @Test
    void givenInjury_whenResolvedTomorrow_thenRefusedOnResolvedOn() {
      expectInvalid(fixture.given(OPENED, KNEE_REPORTED)
          .when(new ResolveInjury(CASE, KNEE, TODAY.plusDays(1), null)), "resolvedOn");
    }

    @Test
    void givenNoSuchInjury_whenResolved_thenRefusedOnInjuryId() {
      expectInvalid(fixture.given(OPENED).when(new ResolveInjury(CASE, KNEE, TODAY, null)), "injuryId");
    }
  }

  @Nested
  class EnteredInError {

    @Test
    void givenResolution_whenMarkedInError_thenEntryMarkedInError() {
      TestExecutor<PatientCase> given = fixture.given(
          OPENED, CALF_REPORTED, KNEE_REPORTED, CALF_CAUSES_KNEE, new SecondaryResolved(CASE, KNEE, TODAY, null));
      String resolution = givenEventId(4);
      given.when(new MarkEnteredInError(CASE, resolution, "Wrong patient"))
          .expectEvents(new EntryMarkedInError(CASE, resolution, "SecondaryResolved", "Wrong patient"));
    }

    @Test
    void givenResolutionMarkedInError_whenResolvedAgain_thenResolvedAgain() {
      TestExecutor<PatientCase> given = fixture.given(
          OPENED, CALF_REPORTED, KNEE_REPORTED, CALF_CAUSES_KNEE, new SecondaryResolved(CASE, KNEE, TODAY, null));
      String resolution = givenEventId(4);
      given.andGiven(new EntryMarkedInError(CASE, resolution, "SecondaryResolved", "Wrong patient"))
          .when(new ResolveInjury(CASE, KNEE, TODAY, null))
          .expectEvents(new SecondaryResolved(CASE, KNEE, TODAY, null));
    }

    @Test
    void givenLaterHypothesisMarkedInError_whenResolved_thenTheEarlierHypothesisClassifies() {
      PrimaryHypothesised hipInstead = new PrimaryHypothesised(CASE, CALF, List.of(HIP), "Hip hike instead", List.of());
      TestExecutor<PatientCase> given =
          fixture.given(OPENED, CALF_REPORTED, KNEE_REPORTED, HIP_REPORTED, CALF_CAUSES_KNEE, hipInstead);
      String later = givenEventId(5);
      given.andGiven(new EntryMarkedInError(CASE, later, "PrimaryHypothesised", "Entered on the wrong case"))
          .when(new ResolveInjury(CASE, KNEE, TODAY, null))
          .expectEvents(new SecondaryResolved(CASE, KNEE, TODAY, null));
    }

    @Test
    void givenInjuryMarkedInError_whenTreated_thenTheInjuryNoLongerBelongs() {
      TestExecutor<PatientCase> given = fixture.given(OPENED, CALF_REPORTED);
      String reported = givenEventId(1);
      expectInvalid(given.andGiven(new EntryMarkedInError(CASE, reported, "InjuryReported", "Duplicate"))
          .when(new StartTreatment(CASE, TREATMENT, CALF, TreatmentModality.TAPING, "Tape", TODAY)), "targetInjuryId");
    }

    @Test
    void givenInjuryInTheCurrentHypothesis_whenItsReportIsMarkedInError_thenConflict() {
      TestExecutor<PatientCase> given = fixture.given(OPENED, CALF_REPORTED, KNEE_REPORTED, CALF_CAUSES_KNEE);
      String kneeReport = givenEventId(2);
      given.when(new MarkEnteredInError(CASE, kneeReport, "Duplicate"))
          .expectException(CaseRuleViolation.class)
          .expectNoEvents();
    }

    @Test
    void givenMarkedEntry_whenMarkedAgain_thenConflict() {
      TestExecutor<PatientCase> given = fixture.given(OPENED, CALF_REPORTED);
      String reported = givenEventId(1);
      given.andGiven(new EntryMarkedInError(CASE, reported, "InjuryReported", "Duplicate"))
          .when(new MarkEnteredInError(CASE, reported, "Duplicate"))
          .expectException(CaseRuleViolation.class);
    }

    @Test
    void givenCaseOpened_whenItIsMarkedInError_thenRefused() {
      TestExecutor<PatientCase> given = fixture.given(OPENED);
      expectInvalid(given.when(new MarkEnteredInError(CASE, givenEventId(0), "No")), "eventId");
    }

    @Test
    void givenAnyCase_whenAnUnknownEventIsMarked_thenRefusedOnEventId() {
      expectInvalid(fixture.given(OPENED, CALF_REPORTED)
          .when(new MarkEnteredInError(CASE, UUID.randomUUID().toString(), "Not ours")), "eventId");
    }
  }

  @Nested
  class ClosingAndReopening {

    @Test
    void givenOpenCase_whenClosed_thenCaseClosed() {
      fixture.given(OPENED)
          .when(new CloseCase(CASE, TODAY, "Discharged"))
          .expectEvents(new CaseClosed(CASE, TODAY, "Discharged"));
    }

    @Test
    void givenOpenCase_whenClosedBeforeOpening_thenRefusedOnClosedOn() {
      expectInvalid(fixture.given(OPENED).when(new CloseCase(CASE, TODAY.minusDays(41), "x")), "closedOn");
    }

    @Test
    void givenClosedCase_whenAnyClinicalEventRecorded_thenConflict() {
      CaseClosed closed = new CaseClosed(CASE, TODAY, "Discharged");
      List<Object> commands = List.of(
          new ReportInjury(CASE, HIP, BodyRegion.HIP, Side.LEFT, null, "Ache", TODAY, 2),
          new RecordGaitFilming(CASE, RECORDING, TODAY, GaitView.POSTERIOR, RunningSurface.ROAD, FINDINGS),
          new StartTreatment(CASE, TREATMENT, CALF, TreatmentModality.TAPING, "Tape", TODAY),
          new RecordOutcomeMeasure(CASE, CALF, OutcomeInstrument.NPRS, 2.0, TODAY),
          new ResolveInjury(CASE, CALF, TODAY, null),
          new HypothesisePrimary(CASE, CALF, List.of(KNEE), "x", List.of()),
          new CloseCase(CASE, TODAY, "Again"));
      for (Object command : commands) {
        fixture.given(OPENED, CALF_REPORTED, KNEE_REPORTED, closed)
            .when(command)
            .expectException(CaseRuleViolation.class)
            .expectNoEvents();
      }
    }

    @Test
    void givenClosedCase_whenReopened_thenCaseReopened() {
      fixture.given(OPENED, new CaseClosed(CASE, TODAY.minusDays(2), "Discharged"))
          .when(new ReopenCase(CASE, TODAY, "Pain returned"))
          .expectEvents(new CaseReopened(CASE, TODAY, "Pain returned"));
    }

    @Test
    void givenOpenCase_whenReopened_thenConflict() {
      fixture.given(OPENED).when(new ReopenCase(CASE, TODAY, "x")).expectException(CaseRuleViolation.class);
    }

    @Test
    void givenClosedCase_whenReopenedBeforeClosure_thenRefusedOnReopenedOn() {
      expectInvalid(fixture.given(OPENED, new CaseClosed(CASE, TODAY, "Discharged"))
          .when(new ReopenCase(CASE, TODAY.minusDays(1), "x")), "reopenedOn");
    }
  }

  private String givenEventId(int index) {
    List<? extends EventMessage<?>> events = fixture.getEventStore().readEvents(CASE.toString()).asStream().toList();
    return events.get(index).getIdentifier();
  }

  private static void expectInvalid(ResultValidator<PatientCase> result, String field) {
    result.expectException(InvalidCommandException.class)
        .expectNoEvents()
        .expectExceptionMessage(org.hamcrest.Matchers.containsString(field));
  }

  private static GaitFilmed filmed() {
    return new GaitFilmed(CASE, RECORDING, TODAY.minusDays(5), GaitView.POSTERIOR, RunningSurface.TREADMILL, FINDINGS);
  }

  private static InjuryId injury(int n) {
    return new InjuryId(UUID.fromString("00000000-0000-0000-0000-00000000000" + n));
  }

  private static InjuryReported reported(InjuryId id, BodyRegion region, String condition, LocalDate onset) {
    Side side = region == BodyRegion.CALF ? Side.LEFT : Side.RIGHT;
    int pain = region == BodyRegion.CALF ? 6 : 4;
    return new InjuryReported(CASE, id, region, side, condition, "Pain on running", onset, pain);
  }
}
