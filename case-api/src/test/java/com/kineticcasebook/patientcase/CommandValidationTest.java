package com.kineticcasebook.patientcase;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.reference.BodyRegion;
import com.kineticcasebook.reference.GaitView;
import com.kineticcasebook.reference.OutcomeInstrument;
import com.kineticcasebook.reference.RunningSurface;
import com.kineticcasebook.reference.Side;
import com.kineticcasebook.reference.TreatmentModality;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a command refuses before it reaches the case: every invalid field, reported together. */
class CommandValidationTest {

  private static final CaseId CASE = new CaseId(UUID.randomUUID());
  private static final ClinicId CLINIC = new ClinicId(UUID.randomUUID());
  private static final UserId CLINICIAN = new UserId(UUID.randomUUID());
  private static final InjuryId INJURY = new InjuryId(UUID.randomUUID());
  private static final InjuryId OTHER = new InjuryId(UUID.randomUUID());
  private static final RecordingId RECORDING = new RecordingId(UUID.randomUUID());
  private static final LocalDate DAY = LocalDate.of(2026, 3, 14);

  @Test
  void anOpenCaseWithThreeBadFieldsReportsAllThree() {
    assertThat(violationsOf(() -> new OpenCase(null, CLINIC, "Jane Doe", CLINICIAN, null)))
        .containsExactly(
            new FieldViolation("caseId", "is required"),
            new FieldViolation("patientRef", "must be a pseudonymous reference such as N-00123 (letters, digits, "
                + "'.', '_' or '-', with at least one digit), never the patient's name"),
            new FieldViolation("openedOn", "is required"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"John Smith", "Smith", "N", "7", "N 123", "-123", "N/123", "<script>1</script>"})
  void aPatientReferenceIsAPseudonymNotAName(String reference) {
    assertThat(fieldsOf(() -> new OpenCase(CASE, CLINIC, reference, CLINICIAN, DAY))).containsExactly("patientRef");
  }

  @ParameterizedTest
  @ValueSource(strings = {"N-00123", "12", "mrn.2024_77", "A1"})
  void aPseudonymousReferenceIsAccepted(String reference) {
    assertThat(new OpenCase(CASE, CLINIC, reference, CLINICIAN, DAY).patientRef()).isEqualTo(reference);
  }

  @Test
  void aPatientReferenceHasAtMost64Characters() {
    assertThat(new OpenCase(CASE, CLINIC, "N" + "1".repeat(63), CLINICIAN, DAY).patientRef()).hasSize(64);
    assertThat(violationsOf(() -> new OpenCase(CASE, CLINIC, "N" + "1".repeat(64), CLINICIAN, DAY)))
        .containsExactly(new FieldViolation("patientRef", "must have at most 64 characters"));
  }

  @Test
  void aBlankPatientReferenceIsMissing() {
    assertThat(violationsOf(() -> new OpenCase(CASE, CLINIC, "   ", CLINICIAN, DAY)))
        .containsExactly(new FieldViolation("patientRef", "is required"));
  }

  @Test
  void everyInvalidFieldOfAnInjuryIsReportedAtOnce() {
    assertThat(fieldsOf(() -> new ReportInjury(CASE, INJURY, null, null, "NO_SUCH_CONDITION", " ", null, 11)))
        .containsExactly("bodyRegion", "side", "conditionCode", "description", "onsetOn", "painScore");
  }

  @Test
  void aConditionMustComeFromTheCatalogue() {
    assertThat(violationsOf(() -> new ReportInjury(CASE, INJURY, BodyRegion.KNEE, Side.LEFT, "TENNIS_ELBOW", "x",
        DAY, 3))).containsExactly(new FieldViolation("conditionCode", "is not a condition of the catalogue"));
  }

  @Test
  void aConditionMustBeOfTheReportedRegion() {
    assertThat(violationsOf(() -> new ReportInjury(CASE, INJURY, BodyRegion.KNEE, Side.LEFT, "PLANTAR_FASCIITIS",
        "x", DAY, 3))).containsExactly(
            new FieldViolation("conditionCode", "is a condition of body region HEEL, not of KNEE"));
    assertThat(new ReportInjury(CASE, INJURY, BodyRegion.HEEL, Side.LEFT, "PLANTAR_FASCIITIS", "x", DAY, 3)
        .conditionCode()).isEqualTo("PLANTAR_FASCIITIS");
  }

  @Test
  void aPainScoreIsFromZeroToTen() {
    assertThat(violationsOf(() -> new ReportInjury(CASE, INJURY, BodyRegion.KNEE, Side.LEFT, null, "x", DAY, -1)))
        .containsExactly(new FieldViolation("painScore", "must be between 0 and 10"));
    assertValid(new ReportInjury(CASE, INJURY, BodyRegion.KNEE, Side.LEFT, null, "x", DAY, 0));
    assertValid(new ReportInjury(CASE, INJURY, BodyRegion.KNEE, Side.LEFT, null, "x", DAY, 10));
  }

  @Test
  void aDescriptionIsTrimmedAndHasAtMost2000Characters() {
    assertThat(new ReportInjury(CASE, INJURY, BodyRegion.KNEE, Side.LEFT, null, "  Sore  ", DAY, 1).description())
        .isEqualTo("Sore");
    assertThat(new ReportInjury(CASE, INJURY, BodyRegion.KNEE, Side.LEFT, null, " " + "x".repeat(2000) + " ", DAY, 1)
        .description()).hasSize(2000);
    assertThat(fieldsOf(() -> new ReportInjury(CASE, INJURY, BodyRegion.KNEE, Side.LEFT, null, "x".repeat(2001),
        DAY, 1))).containsExactly("description");
  }

  @Test
  void gaitFindingsAreCheckedFieldByFieldUnderTheirNestedNames() {
    GaitFindings findings = new GaitFindings(null, 120.0, -1, Side.BILATERAL, 50.5, 400);
    assertThat(fieldsOf(() -> new RecordGaitFilming(CASE, RECORDING, DAY, GaitView.POSTERIOR, RunningSurface.ROAD,
        findings))).containsExactly("findings.antalgic", "findings.stanceAsymmetryPct", "findings.pushOffDelayMs",
            "findings.hipHikeSide", "findings.trunkLeanCm", "findings.cadenceSpm");
  }

  @Test
  void gaitFindingsAcceptTheirBoundsAndUnmeasuredValues() {
    assertValid(new RecordGaitFilming(CASE, RECORDING, DAY, GaitView.ANTERIOR, RunningSurface.TRAIL,
        new GaitFindings(true, 0.0, 2000, Side.LEFT, 50.0, 60)));
    assertValid(new RecordGaitFilming(CASE, RECORDING, DAY, GaitView.ANTERIOR, RunningSurface.TRAIL,
        new GaitFindings(false, 100.0, 0, null, 0.0, 260)));
    assertThat(fieldsOf(() -> new RecordGaitFilming(CASE, RECORDING, DAY, GaitView.ANTERIOR, RunningSurface.TRAIL,
        new GaitFindings(false, Double.NaN, null, Side.NOT_APPLICABLE, null, 59))))
        .containsExactly("findings.stanceAsymmetryPct", "findings.hipHikeSide", "findings.cadenceSpm");
  }

  @Test
  void aGaitFilmingNeedsItsViewSurfaceAndFindings() {
    assertThat(fieldsOf(() -> new RecordGaitFilming(CASE, null, null, null, null, null)))
        .containsExactly("recordingId", "filmedOn", "view", "surface", "findings");
  }

  @Test
  void aGaitVideoIsNamedByItsHashAndIsAVideo() {
    assertThat(fieldsOf(() -> new AttachGaitVideo(CASE, RECORDING, new GaitVideo("ABC", "text/html", 0))))
        .containsExactly("video.sha256", "video.contentType", "video.sizeBytes");
    assertThat(fieldsOf(() -> new AttachGaitVideo(CASE, null, null))).containsExactly("recordingId", "video");
  }

  @Test
  void aHypothesisNeedsAtLeastOneSecondary() {
    assertThat(violationsOf(() -> new HypothesisePrimary(CASE, INJURY, List.of(), "Guarding", List.of(), DAY)))
        .containsExactly(new FieldViolation("secondaryInjuryIds", "must name at least one secondary injury"));
    assertThat(fieldsOf(() -> new HypothesisePrimary(CASE, INJURY, null, "Guarding", List.of(), DAY)))
        .containsExactly("secondaryInjuryIds");
  }

  @Test
  void aHypothesisReportsThePrimaryAmongSecondariesAndDuplicatesByListItem() {
    assertThat(violationsOf(() -> new HypothesisePrimary(CASE, INJURY, List.of(OTHER, INJURY, OTHER), " ",
        List.of(RECORDING, RECORDING), DAY))).containsExactly(
            new FieldViolation("secondaryInjuryIds[1]", "is the primary injury"),
            new FieldViolation("secondaryInjuryIds[2]", "names the same injury twice"),
            new FieldViolation("rationale", "is required"),
            new FieldViolation("evidenceRecordingIds[1]", "names the same recording twice"));
  }

  @Test
  void aHypothesisReportsMissingListItems() {
    assertThat(fieldsOf(() -> new HypothesisePrimary(CASE, INJURY, Arrays.asList(OTHER, null), "Guarding",
        Arrays.asList((RecordingId) null), DAY))).containsExactly("secondaryInjuryIds[1]", "evidenceRecordingIds[0]");
  }

  @Test
  void aHypothesisCopiesItsListsAndTreatsMissingEvidenceAsNone() {
    List<InjuryId> secondaries = new ArrayList<>(List.of(OTHER));
    HypothesisePrimary command = new HypothesisePrimary(CASE, INJURY, secondaries, "Guarding", null, DAY);
    secondaries.add(INJURY);
    assertThat(command.secondaryInjuryIds()).containsExactly(OTHER);
    assertThat(command.evidenceRecordingIds()).isEmpty();
  }

  @Test
  void aHypothesisNeedsItsClinicalDate() {
    assertThat(violationsOf(() -> new HypothesisePrimary(CASE, INJURY, List.of(OTHER), "Guarding", null, null)))
        .containsExactly(new FieldViolation("hypothesisedOn", "is required"));
  }

  @Test
  void aRationaleHasAtMost4000Characters() {
    assertThat(fieldsOf(() -> new HypothesisePrimary(CASE, INJURY, List.of(OTHER), "x".repeat(4001), null, DAY)))
        .containsExactly("rationale");
  }

  @Test
  void aTreatmentNeedsItsTargetModalityPlanAndStart() {
    assertThat(fieldsOf(() -> new StartTreatment(CASE, null, null, null, "\t", null)))
        .containsExactly("treatmentId", "targetInjuryId", "modality", "plan", "startedOn");
    assertThat(fieldsOf(() -> new StartTreatment(CASE, new TreatmentId(UUID.randomUUID()), INJURY,
        TreatmentModality.EDUCATION, "x".repeat(4001), DAY))).containsExactly("plan");
  }

  @Test
  void outcomeScoresFollowTheirInstrument() {
    assertThat(violationsOf(() -> new RecordOutcomeMeasure(CASE, INJURY, OutcomeInstrument.LEFS, 81.0, DAY)))
        .containsExactly(new FieldViolation("score", "LEFS scores are whole numbers from 0 to 80"));
    assertThat(fieldsOf(() -> new RecordOutcomeMeasure(CASE, INJURY, OutcomeInstrument.NPRS, 2.5, DAY)))
        .containsExactly("score");
    assertThat(fieldsOf(() -> new RecordOutcomeMeasure(CASE, INJURY, OutcomeInstrument.PSFS, 10.1, DAY)))
        .containsExactly("score");
    assertThat(fieldsOf(() -> new RecordOutcomeMeasure(CASE, INJURY, OutcomeInstrument.ODI, -1.0, DAY)))
        .containsExactly("score");
    assertThat(fieldsOf(() -> new RecordOutcomeMeasure(CASE, INJURY, OutcomeInstrument.VISA_A, Double.NaN, DAY)))
        .containsExactly("score");
    assertValid(new RecordOutcomeMeasure(CASE, INJURY, OutcomeInstrument.PSFS, 6.4, DAY));
    assertValid(new RecordOutcomeMeasure(CASE, INJURY, OutcomeInstrument.VISA_A, 100.0, DAY));
  }

  @Test
  void anOutcomeMeasureReportsEveryMissingField() {
    assertThat(fieldsOf(() -> new RecordOutcomeMeasure(null, null, null, null, null)))
        .containsExactly("caseId", "injuryId", "instrument", "score", "measuredOn");
  }

  @Test
  void aResolutionNoteIsOptionalAndLimited() {
    assertThat(fieldsOf(() -> new ResolveInjury(CASE, INJURY, DAY, "x".repeat(2001)))).containsExactly("note");
    assertThat(new ResolveInjury(CASE, INJURY, DAY, null).note()).isNull();
    assertThat(new ResolveInjury(CASE, INJURY, DAY, "  ").note()).isNull();
    assertThat(fieldsOf(() -> new ResolveInjury(CASE, null, null, null))).containsExactly("injuryId", "resolvedOn");
  }

  @Test
  void markingInErrorNeedsAnEventIdAndAReason() {
    assertThat(fieldsOf(() -> new MarkEnteredInError(CASE, " ", null))).containsExactly("eventId", "reason");
    assertThat(fieldsOf(() -> new MarkEnteredInError(CASE, "e-1", "x".repeat(1001)))).containsExactly("reason");
  }

  @Test
  void closingAndReopeningNeedADateAndAReasonOfAtMost1000Characters() {
    assertThat(fieldsOf(() -> new CloseCase(CASE, null, "x".repeat(1001)))).containsExactly("closedOn", "reason");
    assertThat(fieldsOf(() -> new ReopenCase(CASE, null, ""))).containsExactly("reopenedOn", "reason");
    assertThat(new CloseCase(CASE, DAY, "x".repeat(1000)).reason()).hasSize(1000);
  }

  @Test
  void theExceptionMessageNamesTheFieldsButNotTheValues() {
    InvalidCommandException refused =
        new InvalidCommandException(new OpenCase(CASE, CLINIC, "Jane Doe", CLINICIAN, DAY).violations());
    assertThat(refused).hasMessageContaining("patientRef").hasMessageNotContaining("Jane");
  }

  private static List<String> fieldsOf(Supplier<CaseCommand> command) {
    return violationsOf(command).stream().map(FieldViolation::field).toList();
  }

  /** The command's own problems; it is built all the same, for the case to add its rules to them. */
  private static List<FieldViolation> violationsOf(Supplier<CaseCommand> command) {
    List<FieldViolation> violations = command.get().violations();
    assertThat(violations).isNotEmpty();
    return violations;
  }

  private static void assertValid(CaseCommand command) {
    assertThat(command.violations()).isEmpty();
  }
}
