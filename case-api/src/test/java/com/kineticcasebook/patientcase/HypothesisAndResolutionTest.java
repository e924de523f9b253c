package com.kineticcasebook.patientcase;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The primary-secondary hypothesis, its supersession, and how a resolution is classified against it. */
class HypothesisAndResolutionTest extends PatientCaseSpecification {

  @Test
  void givenInjuriesAndARecording_whenPrimaryHypothesised_thenPrimaryHypothesised() {
    fixture.given(OPENED, CALF_REPORTED, KNEE_REPORTED, FILMED)
        .when(new HypothesisePrimary(CASE, CALF, List.of(KNEE), "  Guarding the calf loads the knee ",
            List.of(RECORDING), TODAY))
        .expectEvents(new PrimaryHypothesised(CASE, CALF, List.of(KNEE), "Guarding the calf loads the knee",
            List.of(RECORDING), TODAY));
  }

  @Test
  void givenInjuries_whenHypothesisedWithoutEvidence_thenEvidenceIsAnEmptyList() {
    fixture.given(OPENED, CALF_REPORTED, KNEE_REPORTED, HIP_REPORTED)
        .when(new HypothesisePrimary(CASE, CALF, List.of(KNEE, HIP), "Both follow the calf", null, TODAY))
        .expectEvents(new PrimaryHypothesised(CASE, CALF, List.of(KNEE, HIP), "Both follow the calf", List.of(), TODAY));
  }

  @Test
  void givenInjuries_whenASecondaryIsNotOfThisCase_thenRefusedOnThatListItem() {
    expectInvalid(fixture.given(OPENED, CALF_REPORTED, KNEE_REPORTED)
        .when(new HypothesisePrimary(CASE, CALF, List.of(KNEE, UNKNOWN_INJURY), "Guarding", List.of(), TODAY)),
        "secondaryInjuryIds[1]");
  }

  @Test
  void givenInjuries_whenThePrimaryIsNotOfThisCase_thenRefusedOnPrimaryInjuryId() {
    expectInvalid(fixture.given(OPENED, CALF_REPORTED, KNEE_REPORTED)
        .when(new HypothesisePrimary(CASE, UNKNOWN_INJURY, List.of(KNEE), "Guarding", List.of(), TODAY)),
        "primaryInjuryId");
  }

  @Test
  void givenInjuries_whenEvidenceIsNotARecordingOfThisCase_thenRefusedOnThatListItem() {
    expectInvalid(fixture.given(OPENED, CALF_REPORTED, KNEE_REPORTED, FILMED)
        .when(new HypothesisePrimary(CASE, CALF, List.of(KNEE), "Guarding", List.of(RECORDING, UNKNOWN_RECORDING), TODAY)),
        "evidenceRecordingIds[1]");
  }

  @Test
  void givenOneInjury_whenEveryIdIsWrong_thenEveryWrongIdIsReportedAtOnce() {
    expectInvalid(fixture.given(OPENED, CALF_REPORTED)
        .when(new HypothesisePrimary(CASE, UNKNOWN_INJURY, List.of(CALF, KNEE), "Guarding",
            List.of(UNKNOWN_RECORDING), TODAY)),
        "primaryInjuryId", "secondaryInjuryIds[1]", "evidenceRecordingIds[0]");
  }

  @Test
  void givenResolvedSecondary_whenHypothesised_thenConflict() {
    expectConflict(fixture.given(OPENED, CALF_REPORTED, KNEE_REPORTED, new InjuryResolved(CASE, KNEE, TODAY, null))
        .when(new HypothesisePrimary(CASE, CALF, List.of(KNEE), "Guarding", List.of(), TODAY)),
        "only name unresolved injuries");
  }

  @Test
  void givenResolvedPrimary_whenHypothesised_thenConflict() {
    expectConflict(fixture.given(OPENED, CALF_REPORTED, KNEE_REPORTED, new InjuryResolved(CASE, CALF, TODAY, null))
        .when(new HypothesisePrimary(CASE, CALF, List.of(KNEE), "Guarding", List.of(), TODAY)),
        "only name unresolved injuries");
  }

  @Test
  void givenHypothesis_whenALaterHypothesisIsMade_thenItIsRecordedBesideTheFirst() {
    fixture.given(OPENED, CALF_REPORTED, KNEE_REPORTED, HIP_REPORTED, CALF_CAUSES_KNEE)
        .when(new HypothesisePrimary(CASE, CALF, List.of(HIP), "The hip hike, not the knee, follows the calf",
            List.of(), TODAY))
        .expectEvents(CALF_CAUSES_HIP);
  }

  @Test
  void givenInjuries_whenHypothesisedOnAnEarlierClinicalDate_thenThatDateIsRecorded() {
    fixture.given(OPENED, CALF_REPORTED, KNEE_REPORTED)
        .when(new HypothesisePrimary(CASE, CALF, List.of(KNEE), "Guarding", List.of(), OPENED_ON))
        .expectEvents(new PrimaryHypothesised(CASE, CALF, List.of(KNEE), "Guarding", List.of(), OPENED_ON));
  }

  @Test
  void givenInjuries_whenHypothesisedTomorrow_thenRefusedOnHypothesisedOn() {
    expectInvalid(fixture.given(OPENED, CALF_REPORTED, KNEE_REPORTED)
        .when(new HypothesisePrimary(CASE, CALF, List.of(KNEE), "Guarding", List.of(), TOMORROW)),
        "hypothesisedOn");
  }

  @Test
  void givenInjuries_whenHypothesisedBeforeTheCaseOpened_thenRefusedOnHypothesisedOn() {
    expectInvalid(fixture.given(OPENED, CALF_REPORTED, KNEE_REPORTED)
        .when(new HypothesisePrimary(CASE, CALF, List.of(KNEE), "Guarding", List.of(), OPENED_ON.minusDays(1))),
        "hypothesisedOn");
  }

  @Test
  void givenHypothesisDatedToday_whenItsSecondaryIsResolvedOnAnEarlierDate_thenTheTrueRecordIsAccepted() {
    fixture.given(OPENED, CALF_REPORTED, KNEE_REPORTED, CALF_CAUSES_KNEE)
        .when(new ResolveInjury(CASE, KNEE, KNEE_ONSET.plusDays(3), "Had cleared before the visit"))
        .expectEvents(new SecondaryResolved(CASE, KNEE, KNEE_ONSET.plusDays(3), "Had cleared before the visit"));
  }

  @Test
  void givenSecondaryOfCurrentHypothesis_whenResolved_thenSecondaryResolved() {
    fixture.given(OPENED, CALF_REPORTED, KNEE_REPORTED, CALF_CAUSES_KNEE, CALF_TREATED)
        .when(new ResolveInjury(CASE, KNEE, TODAY, " Pain-free 10 km "))
        .expectEvents(new SecondaryResolved(CASE, KNEE, TODAY, "Pain-free 10 km"));
  }

  @Test
  void givenPrimaryOfCurrentHypothesis_whenResolved_thenInjuryResolved() {
    fixture.given(OPENED, CALF_REPORTED, KNEE_REPORTED, CALF_CAUSES_KNEE)
        .when(new ResolveInjury(CASE, CALF, TODAY, null))
        .expectEvents(new InjuryResolved(CASE, CALF, TODAY, null));
  }

  @Test
  void givenNoHypothesis_whenResolved_thenInjuryResolvedWithBlankNoteAsNull() {
    fixture.given(OPENED, KNEE_REPORTED)
        .when(new ResolveInjury(CASE, KNEE, KNEE_ONSET, "   "))
        .expectEvents(new InjuryResolved(CASE, KNEE, KNEE_ONSET, null));
  }

  @Test
  void givenSupersededHypothesis_whenItsFormerSecondaryResolved_thenInjuryResolved() {
    fixture.given(OPENED, CALF_REPORTED, KNEE_REPORTED, HIP_REPORTED, CALF_CAUSES_KNEE, CALF_CAUSES_HIP)
        .when(new ResolveInjury(CASE, KNEE, TODAY, null))
        .expectEvents(new InjuryResolved(CASE, KNEE, TODAY, null));
  }

  @Test
  void givenSupersedingHypothesis_whenItsSecondaryResolved_thenSecondaryResolved() {
    fixture.given(OPENED, CALF_REPORTED, KNEE_REPORTED, HIP_REPORTED, CALF_CAUSES_KNEE, CALF_CAUSES_HIP)
        .when(new ResolveInjury(CASE, HIP, TODAY, null))
        .expectEvents(new SecondaryResolved(CASE, HIP, TODAY, null));
  }

  @Test
  void givenResolvedInjury_whenResolvedAgain_thenConflict() {
    expectConflict(fixture.given(OPENED, KNEE_REPORTED, new InjuryResolved(CASE, KNEE, TODAY, null))
        .when(new ResolveInjury(CASE, KNEE, TODAY, null)), "already resolved");
  }

  @Test
  void givenResolvedSecondary_whenResolvedAgain_thenConflict() {
    expectConflict(fixture.given(OPENED, CALF_REPORTED, KNEE_REPORTED, CALF_CAUSES_KNEE,
            new SecondaryResolved(CASE, KNEE, TODAY, null))
        .when(new ResolveInjury(CASE, KNEE, TODAY, null)), "already resolved");
  }

  @Test
  void givenInjury_whenResolvedBeforeOnset_thenRefusedOnResolvedOn() {
    expectInvalid(fixture.given(OPENED, KNEE_REPORTED)
        .when(new ResolveInjury(CASE, KNEE, KNEE_ONSET.minusDays(1), null)), "resolvedOn");
  }

  @Test
  void givenInjury_whenResolvedTomorrow_thenRefusedOnResolvedOn() {
    expectInvalid(fixture.given(OPENED, KNEE_REPORTED).when(new ResolveInjury(CASE, KNEE, TOMORROW, null)),
        "resolvedOn");
  }

  @Test
  void givenNoSuchInjury_whenResolved_thenRefusedOnInjuryId() {
    expectInvalid(fixture.given(OPENED, KNEE_REPORTED).when(new ResolveInjury(CASE, UNKNOWN_INJURY, TODAY, null)),
        "injuryId");
  }
}
