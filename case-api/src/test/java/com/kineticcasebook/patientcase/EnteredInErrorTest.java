package com.kineticcasebook.patientcase;

import com.kineticcasebook.reference.OutcomeInstrument;
import com.kineticcasebook.reference.TreatmentModality;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;

/**
 * Marking entries in error: which entries may be marked, and how the case behaves as if the
 * marked entry had never been made while the entry itself stays in the stream. Event ids are
 * read from the fixture's stream, so every test exercises the real id lookup.
 */
class EnteredInErrorTest extends PatientCaseSpecification {

  private static final GaitVideo VIDEO = new GaitVideo("ab".repeat(32), "video/mp4", 1024);

  @Test
  void givenResolution_whenMarkedInError_thenEntryMarkedInErrorNamesItsType() {
    TestExecutor<PatientCase> given = fixture.given(
        OPENED, CALF_REPORTED, KNEE_REPORTED, CALF_CAUSES_KNEE, new SecondaryResolved(CASE, KNEE, TODAY, null));
    String resolution = idOfGivenEvent(4);
    given.when(new MarkEnteredInError(CASE, resolution, " Wrong injury "))
        .expectEvents(new EntryMarkedInError(CASE, resolution, "SecondaryResolved", "Wrong injury"));
  }

  @Test
  void givenResolutionMarkedInError_whenResolvedAgain_thenResolvedAgain() {
    TestExecutor<PatientCase> given = fixture.given(
        OPENED, CALF_REPORTED, KNEE_REPORTED, CALF_CAUSES_KNEE, new SecondaryResolved(CASE, KNEE, TODAY, null));
    String resolution = idOfGivenEvent(4);
    given.andGiven(new EntryMarkedInError(CASE, resolution, "SecondaryResolved", "Wrong injury"))
        .when(new ResolveInjury(CASE, KNEE, TODAY, null))
        .expectEvents(new SecondaryResolved(CASE, KNEE, TODAY, null));
  }

  @Test
  void givenInjuryResolutionMarkedInError_whenTreated_thenTheInjuryIsOpenAgain() {
    TestExecutor<PatientCase> given = fixture.given(OPENED, CALF_REPORTED, new InjuryResolved(CASE, CALF, TODAY, null));
    String resolution = idOfGivenEvent(2);
    given.andGiven(new EntryMarkedInError(CASE, resolution, "InjuryResolved", "Not yet resolved"))
        .when(new StartTreatment(CASE, TREATMENT, CALF, TreatmentModality.LOADING_PROGRAMME,
            "Progressive calf raises", CALF_TREATED.startedOn()))
        .expectEvents(CALF_TREATED);
  }

  @Test
  void givenLaterHypothesisMarkedInError_whenFormerSecondaryResolved_thenTheEarlierHypothesisClassifiesIt() {
    TestExecutor<PatientCase> given =
        fixture.given(OPENED, CALF_REPORTED, KNEE_REPORTED, HIP_REPORTED, CALF_CAUSES_KNEE, CALF_CAUSES_HIP);
    String later = idOfGivenEvent(5);
    given.andGiven(new EntryMarkedInError(CASE, later, "PrimaryHypothesised", "Entered on the wrong case"))
        .when(new ResolveInjury(CASE, KNEE, TODAY, null))
        .expectEvents(new SecondaryResolved(CASE, KNEE, TODAY, null));
  }

  @Test
  void givenLaterHypothesisMarkedInError_whenItsSecondaryResolved_thenInjuryResolved() {
    TestExecutor<PatientCase> given =
        fixture.given(OPENED, CALF_REPORTED, KNEE_REPORTED, HIP_REPORTED, CALF_CAUSES_KNEE, CALF_CAUSES_HIP);
    String later = idOfGivenEvent(5);
    given.andGiven(new EntryMarkedInError(CASE, later, "PrimaryHypothesised", "Entered on the wrong case"))
        .when(new ResolveInjury(CASE, HIP, TODAY, null))
        .expectEvents(new InjuryResolved(CASE, HIP, TODAY, null));
  }

  @Test
  void givenOnlyHypothesisMarkedInError_whenFormerSecondaryResolved_thenInjuryResolved() {
    TestExecutor<PatientCase> given = fixture.given(OPENED, CALF_REPORTED, KNEE_REPORTED, CALF_CAUSES_KNEE);
    String hypothesis = idOfGivenEvent(3);
    given.andGiven(new EntryMarkedInError(CASE, hypothesis, "PrimaryHypothesised", "Premature"))
        .when(new ResolveInjury(CASE, KNEE, TODAY, null))
        .expectEvents(new InjuryResolved(CASE, KNEE, TODAY, null));
  }

  @Test
  void givenInjuryReport_whenMarkedInError_thenEntryMarkedInError() {
    TestExecutor<PatientCase> given = fixture.given(OPENED, CALF_REPORTED, KNEE_REPORTED);
    String kneeReport = idOfGivenEvent(2);
    given.when(new MarkEnteredInError(CASE, kneeReport, "Duplicate"))
        .expectEvents(new EntryMarkedInError(CASE, kneeReport, "InjuryReported", "Duplicate"));
  }

  @Test
  void givenInjuryReportMarkedInError_whenTreated_thenRefusedBecauseTheInjuryNoLongerBelongs() {
    TestExecutor<PatientCase> given = fixture.given(OPENED, CALF_REPORTED);
    String report = idOfGivenEvent(1);
    expectInvalid(given.andGiven(new EntryMarkedInError(CASE, report, "InjuryReported", "Duplicate"))
        .when(new StartTreatment(CASE, TREATMENT, CALF, TreatmentModality.TAPING, "Tape", TODAY)), "targetInjuryId");
  }

  @Test
  void givenSecondaryOfCurrentHypothesis_whenItsReportIsMarkedInError_thenConflictSayingWhatToMarkFirst() {
    TestExecutor<PatientCase> given = fixture.given(OPENED, CALF_REPORTED, KNEE_REPORTED, CALF_CAUSES_KNEE);
    String kneeReport = idOfGivenEvent(2);
    expectConflict(given.when(new MarkEnteredInError(CASE, kneeReport, "Duplicate")),
        "mark those entries in error first");
  }

  @Test
  void givenPrimaryOfCurrentHypothesis_whenItsReportIsMarkedInError_thenConflict() {
    TestExecutor<PatientCase> given = fixture.given(OPENED, CALF_REPORTED, KNEE_REPORTED, CALF_CAUSES_KNEE);
    String calfReport = idOfGivenEvent(1);
    expectConflict(given.when(new MarkEnteredInError(CASE, calfReport, "Duplicate")),
        "mark those entries in error first");
  }

  @Test
  void givenInjuryOnlyInASupersededHypothesis_whenItsReportIsMarkedInError_thenEntryMarkedInError() {
    TestExecutor<PatientCase> given =
        fixture.given(OPENED, CALF_REPORTED, KNEE_REPORTED, HIP_REPORTED, CALF_CAUSES_KNEE, CALF_CAUSES_HIP);
    String kneeReport = idOfGivenEvent(2);
    given.when(new MarkEnteredInError(CASE, kneeReport, "Duplicate"))
        .expectEvents(new EntryMarkedInError(CASE, kneeReport, "InjuryReported", "Duplicate"));
  }

  @Test
  void givenTreatedInjury_whenItsReportIsMarkedInError_thenConflict() {
    TestExecutor<PatientCase> given = fixture.given(OPENED, CALF_REPORTED, CALF_TREATED);
    String calfReport = idOfGivenEvent(1);
    expectConflict(given.when(new MarkEnteredInError(CASE, calfReport, "Duplicate")),
        "mark those entries in error first");
  }

  @Test
  void givenTreatmentMarkedInError_whenItsTargetsReportIsMarkedInError_thenEntryMarkedInError() {
    TestExecutor<PatientCase> given = fixture.given(OPENED, CALF_REPORTED, CALF_TREATED);
    String calfReport = idOfGivenEvent(1);
    String treatment = idOfGivenEvent(2);
    given.andGiven(new EntryMarkedInError(CASE, treatment, "TreatmentStarted", "Wrong injury"))
        .when(new MarkEnteredInError(CASE, calfReport, "Duplicate"))
        .expectEvents(new EntryMarkedInError(CASE, calfReport, "InjuryReported", "Duplicate"));
  }

  @Test
  void givenHypothesisMarkedInError_whenItsInjuriesReportsAreMarkedInError_thenEntryMarkedInError() {
    TestExecutor<PatientCase> given = fixture.given(OPENED, CALF_REPORTED, KNEE_REPORTED, CALF_CAUSES_KNEE);
    String kneeReport = idOfGivenEvent(2);
    String hypothesis = idOfGivenEvent(3);
    given.andGiven(new EntryMarkedInError(CASE, hypothesis, "PrimaryHypothesised", "Premature"))
        .when(new MarkEnteredInError(CASE, kneeReport, "Duplicate"))
        .expectEvents(new EntryMarkedInError(CASE, kneeReport, "InjuryReported", "Duplicate"));
  }

  @Test
  void givenGaitFilmingMarkedInError_whenVideoAttached_thenRefusedBecauseTheRecordingNoLongerBelongs() {
    TestExecutor<PatientCase> given = fixture.given(OPENED, FILMED);
    String filming = idOfGivenEvent(1);
    expectInvalid(given.andGiven(new EntryMarkedInError(CASE, filming, "GaitFilmed", "Wrong runner"))
        .when(new AttachGaitVideo(CASE, RECORDING, VIDEO)), "recordingId");
  }

  @Test
  void givenOutcomeMeasureAndVideo_whenMarkedInError_thenTheirTypesAreNamed() {
    TestExecutor<PatientCase> given = fixture.given(OPENED, KNEE_REPORTED, FILMED,
        new GaitVideoAttached(CASE, RECORDING, VIDEO),
        new OutcomeMeasured(CASE, KNEE, OutcomeInstrument.NPRS, 4, TODAY));
    String video = idOfGivenEvent(3);
    String measure = idOfGivenEvent(4);
    given.andGiven(new EntryMarkedInError(CASE, video, "GaitVideoAttached", "Wrong file"))
        .when(new MarkEnteredInError(CASE, measure, "Typo"))
        .expectEvents(new EntryMarkedInError(CASE, measure, "OutcomeMeasured", "Typo"));
  }

  @Test
  void givenMarkedEntry_whenMarkedAgain_thenConflict() {
    TestExecutor<PatientCase> given = fixture.given(OPENED, CALF_REPORTED);
    String report = idOfGivenEvent(1);
    expectConflict(given.andGiven(new EntryMarkedInError(CASE, report, "InjuryReported", "Duplicate"))
        .when(new MarkEnteredInError(CASE, report, "Duplicate")), "already marked in error");
  }

  @Test
  void givenCaseOpened_whenItIsMarkedInError_thenRefusedOnEventId() {
    TestExecutor<PatientCase> given = fixture.given(OPENED, CALF_REPORTED);
    expectInvalid(given.when(new MarkEnteredInError(CASE, idOfGivenEvent(0), "Wrong patient")), "eventId");
  }

  @Test
  void givenClosureAndReopening_whenEitherIsMarkedInError_thenRefusedOnEventId() {
    List<Object> history = List.of(OPENED, CLOSED, new CaseReopened(CASE, TODAY, "Pain returned"));
    for (int index : new int[] {1, 2}) {
      TestExecutor<PatientCase> given = fixture.given(history);
      expectInvalid(given.when(new MarkEnteredInError(CASE, idOfGivenEvent(index), "No")), "eventId");
    }
  }

  @Test
  void givenEntryMarkedInError_whenTheMarkingItselfIsMarkedInError_thenRefusedOnEventId() {
    TestExecutor<PatientCase> given = fixture.given(OPENED, CALF_REPORTED);
    String report = idOfGivenEvent(1);
    given.andGiven(new EntryMarkedInError(CASE, report, "InjuryReported", "Duplicate"));
    String marking = idOfGivenEvent(2);
    expectInvalid(given.when(new MarkEnteredInError(CASE, marking, "Undo")), "eventId");
  }

  @Test
  void givenCase_whenAnEventIdOfNoEventOfTheCaseIsMarked_thenRefusedOnEventId() {
    expectInvalid(fixture.given(OPENED, CALF_REPORTED)
        .when(new MarkEnteredInError(CASE, UUID.randomUUID().toString(), "Not ours")), "eventId");
  }
}
