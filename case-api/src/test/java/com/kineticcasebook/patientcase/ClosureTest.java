package com.kineticcasebook.patientcase;

import static org.hamcrest.Matchers.contains;

import java.util.List;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.FeatureMatcher;
import org.junit.jupiter.api.Test;

/** Closing a case that still has open injuries needs the clinician's confirmation that they stay unresolved. */
class ClosureTest extends PatientCaseSpecification {

  @Test
  void givenOpenInjuries_whenClosedWithoutConfirmation_thenConflictNamingThem() {
    fixture.given(OPENED, CALF_REPORTED, KNEE_REPORTED, HIP_REPORTED, new InjuryResolved(CASE, HIP, TODAY, null))
        .when(new CloseCase(CASE, TODAY, "Discharged"))
        .expectNoEvents()
        .expectException(new FeatureMatcher<OpenInjuriesAtClosure, List<InjuryId>>(
            contains(CALF, KNEE), "open injuries", "open injuries") {
          @Override
          protected List<InjuryId> featureValueOf(OpenInjuriesAtClosure actual) {
            return actual.openInjuryIds();
          }
        })
        .expectExceptionMessage("2 injuries are still open. Confirm that the case closes with them unresolved, "
            + "or resolve them first.");
  }

  @Test
  void givenOpenInjuries_whenClosedConfirmingThemUnresolved_thenCaseClosed() {
    fixture.given(OPENED, CALF_REPORTED)
        .when(new CloseCase(CASE, TODAY, "Moved away", true))
        .expectEvents(new CaseClosed(CASE, TODAY, "Moved away"));
  }

  @Test
  void givenEveryInjuryResolved_whenClosed_thenCaseClosedWithoutConfirmation() {
    fixture.given(OPENED, CALF_REPORTED, new InjuryResolved(CASE, CALF, TODAY, null))
        .when(new CloseCase(CASE, TODAY, "Discharged"))
        .expectEvents(new CaseClosed(CASE, TODAY, "Discharged"));
  }

  @Test
  void givenInjuryReportMarkedInError_whenClosed_thenItDoesNotCountAsOpen() {
    TestExecutor<PatientCase> given = fixture.given(OPENED, CALF_REPORTED);
    String report = idOfGivenEvent(1);
    given.andGiven(new EntryMarkedInError(CASE, report, "InjuryReported", "Wrong patient"))
        .when(new CloseCase(CASE, TODAY, "Discharged"))
        .expectEvents(new CaseClosed(CASE, TODAY, "Discharged"));
  }
}
