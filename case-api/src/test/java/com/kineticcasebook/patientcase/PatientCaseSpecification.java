package com.kineticcasebook.patientcase;

import static org.hamcrest.Matchers.containsString;

import com.kineticcasebook.reference.BodyRegion;
import com.kineticcasebook.reference.GaitView;
import com.kineticcasebook.reference.RunningSurface;
import com.kineticcasebook.reference.Side;
import com.kineticcasebook.reference.TreatmentModality;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;

/**
 * The given-when-then fixture of the PatientCase tests: a case of one calf strain that led to
 * patellofemoral knee pain, and a clock fixed at {@link #TODAY} so "the future" is one day away.
 * The tests are top-level classes rather than nested ones because Surefire's {@code *Test}
 * include pattern does not match nested class names, which would silently skip them.
 */
abstract class PatientCaseSpecification {

  static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
  static final LocalDate TOMORROW = TODAY.plusDays(1);
  static final LocalDate OPENED_ON = TODAY.minusDays(40);

  static final CaseId CASE = new CaseId(UUID.fromString("0000000c-0000-4000-8000-000000000001"));
  static final ClinicId CLINIC = new ClinicId(UUID.fromString("0000000c-0000-4000-8000-000000000002"));
  static final UserId CLINICIAN = new UserId(UUID.fromString("0000000c-0000-4000-8000-000000000003"));
  static final InjuryId CALF = new InjuryId(UUID.fromString("00000001-0000-4000-8000-000000000001"));
  static final InjuryId KNEE = new InjuryId(UUID.fromString("00000001-0000-4000-8000-000000000002"));
  static final InjuryId HIP = new InjuryId(UUID.fromString("00000001-0000-4000-8000-000000000003"));
  static final InjuryId UNKNOWN_INJURY = new InjuryId(UUID.fromString("00000001-0000-4000-8000-0000000000ff"));
  static final RecordingId RECORDING = new RecordingId(UUID.fromString("00000002-0000-4000-8000-000000000001"));
  static final RecordingId UNKNOWN_RECORDING =
      new RecordingId(UUID.fromString("00000002-0000-4000-8000-0000000000ff"));
  static final TreatmentId TREATMENT = new TreatmentId(UUID.fromString("00000003-0000-4000-8000-000000000001"));
  static final TreatmentId KNEE_TREATMENT = new TreatmentId(UUID.fromString("00000003-0000-4000-8000-000000000002"));

  static final LocalDate CALF_ONSET = TODAY.minusDays(60);
  static final LocalDate KNEE_ONSET = TODAY.minusDays(30);
  static final LocalDate HIP_ONSET = TODAY.minusDays(20);

  static final CaseOpened OPENED = new CaseOpened(CASE, CLINIC, "N-00123", CLINICIAN, OPENED_ON);
  static final InjuryReported CALF_REPORTED = new InjuryReported(
      CASE, CALF, BodyRegion.CALF, Side.LEFT, "CALF_STRAIN", "Tight left calf after intervals", CALF_ONSET, 6);
  static final InjuryReported KNEE_REPORTED = new InjuryReported(
      CASE, KNEE, BodyRegion.KNEE, Side.RIGHT, "PATELLOFEMORAL_PAIN", "Front of right knee on descents", KNEE_ONSET, 4);
  static final InjuryReported HIP_REPORTED = new InjuryReported(
      CASE, HIP, BodyRegion.HIP, Side.RIGHT, null, "Ache at the front of the right hip", HIP_ONSET, 3);
  static final GaitFindings FINDINGS = new GaitFindings(true, 8.5, 40, Side.RIGHT, 2.0, 164);
  static final GaitFilmed FILMED = new GaitFilmed(
      CASE, RECORDING, TODAY.minusDays(5), GaitView.POSTERIOR, RunningSurface.TREADMILL, FINDINGS);
  static final PrimaryHypothesised CALF_CAUSES_KNEE = new PrimaryHypothesised(
      CASE, CALF, List.of(KNEE), "Guarding the calf shortens right stance and loads the knee", List.of(), TODAY);
  static final PrimaryHypothesised CALF_CAUSES_HIP = new PrimaryHypothesised(
      CASE, CALF, List.of(HIP), "The hip hike, not the knee, follows the calf", List.of(), TODAY);
  static final TreatmentStarted CALF_TREATED = new TreatmentStarted(
      CASE, TREATMENT, CALF, TreatmentModality.LOADING_PROGRAMME, "Progressive calf raises", TODAY.minusDays(10));
  static final CaseClosed CLOSED = new CaseClosed(CASE, TODAY.minusDays(2), "Discharged");

  AggregateTestFixture<PatientCase> fixture;

  @BeforeEach
  void createFixture() {
    fixture = new AggregateTestFixture<>(PatientCase.class);
    fixture.registerInjectableResource(Clock.fixed(TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
  }

  /**
   * The identifier the fixture gave the {@code index}-th given event. The fixture wraps given
   * payloads in new messages with fresh identifiers, so the only way to know them is to read
   * the stream the aggregate itself will be loaded from.
   */
  String idOfGivenEvent(int index) {
    List<? extends EventMessage<?>> events = fixture.getEventStore().readEvents(CASE.toString()).asStream().toList();
    return events.get(index).getIdentifier();
  }

  /** A 400: nothing recorded, and exactly these fields reported, in this order. */
  static void expectInvalid(ResultValidator<PatientCase> result, String... fields) {
    result.expectNoEvents().expectException(violationsOn(fields));
  }

  /** A 409: nothing recorded, and a message that explains the rule. */
  static void expectConflict(ResultValidator<PatientCase> result, String messagePart) {
    result.expectNoEvents()
        .expectException(CaseRuleViolation.class)
        .expectExceptionMessage(containsString(messagePart));
  }

  static Matcher<InvalidCommandException> violationsOn(String... fields) {
    List<String> expected = Arrays.asList(fields);
    return new TypeSafeMatcher<>() {
      @Override
      protected boolean matchesSafely(InvalidCommandException exception) {
        return exception.violations().stream().map(FieldViolation::field).toList().equals(expected);
      }

      @Override
      public void describeTo(Description description) {
        description.appendText("an InvalidCommandException on exactly ").appendValue(expected);
      }

      @Override
      protected void describeMismatchSafely(InvalidCommandException exception, Description description) {
        description.appendText("had ").appendValue(exception.violations());
      }
    };
  }
}
