package com.kineticcasebook.patientcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kineticcasebook.reference.BodyRegion;
import com.kineticcasebook.reference.GaitView;
import com.kineticcasebook.reference.OutcomeInstrument;
import com.kineticcasebook.reference.RunningSurface;
import com.kineticcasebook.reference.Side;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a command refuses before it reaches the case: every invalid field, reported together. */
class CommandValidationTest {

  private static final CaseId CASE = new CaseId(UUID.randomUUID());
  private static final InjuryId INJURY = new InjuryId(UUID.randomUUID());
  private static final LocalDate DAY = LocalDate.of(2026, 3, 14);

  @Test
  void everyInvalidFieldOfAnInjuryIsReportedAtOnce() {
    assertThat(fieldsOf(() -> new ReportInjury(CASE, INJURY, null, Side.LEFT, null, " ", DAY, 11)))
        .containsExactly("bodyRegion", "description", "painScore");
  }

  @Test
  void aConditionMustComeFromTheCatalogueAndMatchTheRegion() {
    assertThat(fieldsOf(() -> new ReportInjury(CASE, INJURY, BodyRegion.KNEE, Side.LEFT, "TENNIS_ELBOW", "x", DAY, 3)))
        .containsExactly("conditionCode");
    assertThat(fieldsOf(() -> new ReportInjury(CASE, INJURY, BodyRegion.KNEE, Side.LEFT, "PLANTAR_FASCIITIS", "x", DAY,
        3))).containsExactly("conditionCode");
  }

  @ParameterizedTest
  @ValueSource(strings = {"John Smith", "Smith", "N", "N 123", "<script>1</script>", ""})
  void aPatientReferenceIsAPseudonymNotAName(String reference) {
    assertThat(fieldsOf(() -> new OpenCase(CASE, new ClinicId(UUID.randomUUID()), reference,
        new UserId(UUID.randomUUID()), DAY))).containsExactly("patientRef");
  }

  @Test
  void aPseudonymousReferenceIsAccepted() {
    new OpenCase(CASE, new ClinicId(UUID.randomUUID()), "N-00123", new UserId(UUID.randomUUID()), DAY);
  }

  @Test
  void gaitFindingsAreCheckedFieldByField() {
    GaitFindings findings = new GaitFindings(null, 120.0, -1, Side.BILATERAL, 3.0, 400);
    assertThat(fieldsOf(() -> new RecordGaitFilming(CASE, new RecordingId(UUID.randomUUID()), DAY,
        GaitView.POSTERIOR, RunningSurface.ROAD, findings)))
        .containsExactly("findings.antalgic", "findings.stanceAsymmetryPct", "findings.pushOffDelayMs",
            "findings.hipHikeSide", "findings.cadenceSpm");
  }

  @Test
  void aHypothesisNeedsDistinctSecondariesOtherThanThePrimary() {
    assertThat(fieldsOf(() -> new HypothesisePrimary(CASE, INJURY, List.of(), "x", List.of())))
        .containsExactly("secondaryInjuryIds");
    assertThat(fieldsOf(() -> new HypothesisePrimary(CASE, INJURY, List.of(INJURY), "x", List.of())))
        .containsExactly("secondaryInjuryIds[0]");
    InjuryId other = new InjuryId(UUID.randomUUID());
    assertThat(fieldsOf(() -> new HypothesisePrimary(CASE, INJURY, List.of(other, other), "", null)))
        .containsExactly("rationale", "secondaryInjuryIds");
  }

  @Test
  void outcomeScoresFollowTheirInstrument() {
    assertThat(fieldsOf(() -> new RecordOutcomeMeasure(CASE, INJURY, OutcomeInstrument.LEFS, 81.0, DAY)))
        .containsExactly("score");
    assertThat(fieldsOf(() -> new RecordOutcomeMeasure(CASE, INJURY, OutcomeInstrument.NPRS, 2.5, DAY)))
        .containsExactly("score");
    new RecordOutcomeMeasure(CASE, INJURY, OutcomeInstrument.PSFS, 6.4, DAY);
  }

  @Test
  void textHasLimits() {
    assertThat(fieldsOf(() -> new CloseCase(CASE, DAY, "x".repeat(1001)))).containsExactly("reason");
    assertThat(fieldsOf(() -> new ResolveInjury(CASE, INJURY, DAY, "x".repeat(2001)))).containsExactly("note");
    new ResolveInjury(CASE, INJURY, DAY, null);
  }

  private static List<String> fieldsOf(Runnable construction) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(construction::run);
    assertThat(thrown).isInstanceOf(InvalidCommandException.class);
    return ((InvalidCommandException) thrown).violations().stream().map(FieldViolation::field).toList();
  }

  @Test
  void typedIdsRejectNullAndMalformedText() {
    assertThatThrownBy(() -> new CaseId(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> CaseId.of("not-a-uuid")).isInstanceOf(IllegalArgumentException.class);
  }
}
