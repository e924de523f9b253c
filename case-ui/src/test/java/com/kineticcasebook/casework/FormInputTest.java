package com.kineticcasebook.casework;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.patientcase.CaseId;
import com.kineticcasebook.patientcase.ClinicId;
import com.kineticcasebook.patientcase.FieldViolation;
import com.kineticcasebook.patientcase.InjuryId;
import com.kineticcasebook.patientcase.OpenCase;
import com.kineticcasebook.patientcase.ReportInjury;
import com.kineticcasebook.patientcase.UserId;
import com.kineticcasebook.reference.BodyRegion;
import com.kineticcasebook.reference.Side;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FormInputTest {

  private final CaseId caseId = new CaseId(UUID.randomUUID());

  @Test
  void givenAVisitsItemsNumberedByTheCommand_whenRenumbered_thenEachProblemIsUnderItsFormRow() {
    FormInput in = new FormInput();
    in.invalid("visitedOn", "must not be in the future");
    in.invalid("outcomeMeasures[0].score", "must be between 0 and 10");
    in.invalid("outcomeMeasures[1].injuryId", "had its onset after the visit's date");
    in.invalid("resolutions[0].injuryId", "is already resolved");
    in.renumber("outcomeMeasures", List.of(1, 3));
    in.renumber("resolutions", List.of(2));
    assertThat(in.errors()).containsOnlyKeys("visitedOn", "outcomeMeasures[1].score", "outcomeMeasures[3].injuryId",
        "resolutions[2].injuryId");
    assertThat(in.errors().get("outcomeMeasures[1].score")).isEqualTo("Must be between 0 and 10.");
  }

  @Test
  void givenUnreadableText_whenBuilt_thenTheReadingProblemWinsOverTheCommandsRequired() {
    FormInput in = new FormInput();
    ReportInjury command = in.build(() -> new ReportInjury(caseId, new InjuryId(UUID.randomUUID()),
        in.choice("bodyRegion", "CALF", BodyRegion.class), in.choice("side", "", Side.class), null, "Sore",
        in.date("onsetOn", "yesterday"), in.whole("painScore", "seven")));
    assertThat(command).isNull();
    assertThat(in.errors()).containsEntry("painScore", "Must be a whole number.")
        .containsEntry("onsetOn", "Must be a date (YYYY-MM-DD).")
        .containsEntry("side", "Please fill this in.")
        .doesNotContainKey("bodyRegion");
  }

  @Test
  void givenValidText_whenBuilt_thenTheCommandCarriesTheParsedValues() {
    FormInput in = new FormInput();
    ReportInjury command = in.build(() -> new ReportInjury(caseId, new InjuryId(UUID.randomUUID()),
        in.choice("bodyRegion", "CALF", BodyRegion.class), in.choice("side", "LEFT", Side.class), "CALF_STRAIN",
        "Sore", in.date("onsetOn", "2026-11-01"), in.whole("painScore", " 6 ")));
    assertThat(in.errors()).isEmpty();
    assertThat(command.painScore()).isEqualTo(6);
    assertThat(command.onsetOn()).isEqualTo(LocalDate.of(2026, 11, 1));
  }

  @Test
  void commandFieldNamesBecomeTheFormsInputNames() {
    assertThat(FormInput.inputName("findings.cadenceSpm")).isEqualTo("cadenceSpm");
    assertThat(FormInput.inputName("secondaryInjuryIds[1]")).isEqualTo("secondaryInjuryIds");
    assertThat(FormInput.inputName("painScore")).isEqualTo("painScore");
  }

  @Test
  void messagesReadAsSentences() {
    assertThat(FormInput.sentence("must be between 0 and 10")).isEqualTo("Must be between 0 and 10.");
    assertThat(FormInput.sentence("is the primary injury")).isEqualTo("This is the primary injury.");
    assertThat(FormInput.sentence("is required")).isEqualTo("Please fill this in.");
  }

  @Test
  void numbersAcceptADecimalCommaAndRefuseInfinity() {
    FormInput in = new FormInput();
    assertThat(in.number("score", "4,5")).isEqualTo(4.5);
    assertThat(in.number("trunkLeanCm", "Infinity")).isNull();
    assertThat(in.errors()).containsOnlyKeys("trunkLeanCm");
  }

  @Test
  void blankChoicesAreSkippedAndUnknownIdsRefused() {
    FormInput in = new FormInput();
    UUID id = UUID.randomUUID();
    assertThat(in.ids("secondaryInjuryIds", List.of("", id.toString()))).containsExactly(id);
    assertThat(in.errors()).isEmpty();
    in.ids("evidenceRecordingIds", List.of("not-an-id"));
    assertThat(in.errors()).containsEntry("evidenceRecordingIds", "This is not one of the choices.");
  }

  @Test
  void givenReadableButInvalidText_whenBuilt_thenTheCommandGoesToTheCaseWithItsProblems() {
    FormInput in = new FormInput();
    ReportInjury command = in.build(() -> new ReportInjury(caseId, new InjuryId(UUID.randomUUID()),
        in.choice("bodyRegion", "CALF", BodyRegion.class), in.choice("side", "LEFT", Side.class), null, "Sore",
        in.date("onsetOn", "2026-12-05"), in.whole("painScore", "11")));
    // The case refuses it with the score and with the future onset in one answer.
    assertThat(command).isNotNull();
    assertThat(command.violations()).extracting(FieldViolation::field).containsExactly("painScore");
    assertThat(in.errors()).isEmpty();
  }

  @Test
  void givenUnreadableTextAndAFutureDate_whenRefused_thenBothAreSaidAtOnceInTheCasesWords() {
    FormInput in = new FormInput();
    LocalDate today = LocalDate.of(2026, 12, 2);
    ReportInjury command = in.build(() -> new ReportInjury(caseId, new InjuryId(UUID.randomUUID()),
        in.choice("bodyRegion", "CALF", BodyRegion.class), in.choice("side", "LEFT", Side.class), null, " ",
        in.date("onsetOn", "2026-12-05"), in.whole("painScore", "seven")));
    in.notAfter(today);
    assertThat(command).isNull();
    assertThat(in.errors()).containsEntry("painScore", "Must be a whole number.")
        .containsEntry("description", "Please fill this in.")
        .containsEntry("onsetOn", "Must not be in the future.");
  }

  @Test
  void givenACommandTheApplicationMustLookAtFirst_whenIncomplete_thenItGoesNoFurther() {
    FormInput in = new FormInput();
    OpenCase incomplete = new OpenCase(new CaseId(UUID.randomUUID()), null, "N-1", new UserId(UUID.randomUUID()),
        LocalDate.of(2026, 12, 1));
    assertThat(in.complete(incomplete)).isNull();
    assertThat(in.errors()).containsOnlyKeys("clinicId");
    OpenCase complete = new OpenCase(new CaseId(UUID.randomUUID()), new ClinicId(UUID.randomUUID()), "N-1",
        new UserId(UUID.randomUUID()), LocalDate.of(2026, 12, 1));
    assertThat(new FormInput().complete(complete)).isSameAs(complete);
  }

  @Test
  void givenTodayAndEarlierDates_whenCheckedAgainstToday_thenNothingIsSaid() {
    FormInput in = new FormInput();
    in.date("onsetOn", "2026-12-02");
    in.date("filmedOn", "2026-11-30");
    in.notAfter(LocalDate.of(2026, 12, 2));
    assertThat(in.errors()).isEmpty();
  }
}
