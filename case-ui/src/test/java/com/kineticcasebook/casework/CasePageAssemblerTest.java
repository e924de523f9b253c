package com.kineticcasebook.casework;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.caseload.CaseStatus;
import com.kineticcasebook.caseload.CaseTimeline;
import com.kineticcasebook.caseload.CaseView;
import com.kineticcasebook.caseload.CaseView.InjuryStatus;
import com.kineticcasebook.caseload.CaseView.Role;
import com.kineticcasebook.caseload.TimelineEntry;
import com.kineticcasebook.patientcase.GaitFindings;
import com.kineticcasebook.patientcase.GaitVideo;
import com.kineticcasebook.reference.BodyRegion;
import com.kineticcasebook.reference.GaitView;
import com.kineticcasebook.reference.RunningSurface;
import com.kineticcasebook.reference.Side;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CasePageAssemblerTest {

  private static final LocalDate DAY = LocalDate.of(2026, 11, 2);
  private final UUID calf = UUID.randomUUID();
  private final UUID knee = UUID.randomUUID();
  private final UUID back = UUID.randomUUID();
  private final CasePageAssembler assembler =
      new CasePageAssembler(ZoneId.of("Europe/London"), id -> "user-" + id.substring(0, 2));

  @Test
  void givenACurrentHypothesis_thenThePageSaysItInWords() {
    CasePage page = assembler.assemble(view(List.of(
        new CaseView.Hypothesis("e1", calf, List.of(knee), "Old guess", List.of(), Instant.EPOCH, false, false,
            LocalDate.of(2026, 3, 2)),
        new CaseView.Hypothesis("e2", calf, List.of(knee, back), "Guarding the calf", List.of(), Instant.EPOCH, true,
            false, LocalDate.of(2026, 3, 9)))), new CaseTimeline(List.of()), "North");
    assertThat(page.hypothesis().inWords()).isEqualTo("Primary: Calf (gastrocnemius or soleus) strain (left calf)"
        + " → secondaries: Patellofemoral pain (right knee), Low back");
    assertThat(page.hypothesis().rationale()).isEqualTo("Guarding the calf");
    assertThat(page.hypothesis().hypothesisedOn()).isEqualTo(LocalDate.of(2026, 3, 9));
  }

  @Test
  void givenNoCurrentHypothesis_thenThereIsNone() {
    assertThat(assembler.assemble(view(List.of()), new CaseTimeline(List.of()), "North").hypothesis()).isNull();
  }

  @Test
  void injuriesAreNamedByConditionAndSideOrByRegion() {
    CasePage page = assembler.assemble(view(List.of()), new CaseTimeline(List.of()), "North");
    assertThat(page.injuries()).extracting(CasePage.InjuryRow::name).containsExactly(
        "Calf (gastrocnemius or soleus) strain (left calf)", "Patellofemoral pain (right knee)", "Low back");
    assertThat(page.injuries()).extracting(CasePage.InjuryRow::roleLabel).containsExactly("Primary", "Secondary", "");
    assertThat(page.openInjuryOptions()).hasSize(2);
  }

  @Test
  void timelineShowsWhoRecordedWhenInTheClinicsZone_andWhatMayBeMarkedInError() {
    String userId = "ab0c0000-0000-0000-0000-000000000000";
    CaseTimeline timeline = new CaseTimeline(List.of(
        new TimelineEntry("e0", 0, "CASE_OPENED", DAY, Instant.parse("2026-11-02T09:30:00Z"), userId, "Case opened",
            false, null),
        new TimelineEntry("e1", 1, "INJURY_REPORTED", DAY, Instant.parse("2026-07-02T09:30:00Z"), userId, "Injury",
            true, "Wrong side"),
        new TimelineEntry("e2", 2, "OUTCOME_MEASURED", DAY, Instant.parse("2026-07-02T09:31:00Z"), userId, "NPRS",
            false, null)));
    List<CasePage.TimelineRow> rows = assembler.assemble(view(List.of()), timeline, "North").timeline();
    assertThat(rows.get(0).recordedAt()).isEqualTo("2 Nov 2026, 09:30");
    assertThat(rows.get(1).recordedAt()).as("summer time").isEqualTo("2 Jul 2026, 10:30");
    assertThat(rows.get(0).recordedBy()).isEqualTo("user-ab");
    assertThat(rows).extracting(CasePage.TimelineRow::markable).containsExactly(false, false, true);
    assertThat(rows.get(1).errorReason()).isEqualTo("Wrong side");
  }

  @Test
  void gaitFindingsAreListedOnlyWhenMeasured() {
    CasePage.RecordingRow row = CasePageAssembler.recording(new CaseView.GaitRecording(UUID.randomUUID(), DAY,
        GaitView.POSTERIOR, RunningSurface.TREADMILL, new GaitFindings(true, 8.5, null, Side.LEFT, null, 172),
        new GaitVideo("a".repeat(64), "video/webm", 3 * 1024 * 1024 + 100)));
    assertThat(row.findings()).containsExactly("Stance asymmetry 8.5 %", "Hip hike left", "Cadence 172 spm");
    assertThat(row.antalgic()).isTrue();
    assertThat(row.videoSize()).isEqualTo("3.0 MB");
    assertThat(CasePageAssembler.size(2000)).isEqualTo("2 KB");
  }

  private CaseView view(List<CaseView.Hypothesis> hypotheses) {
    List<CaseView.Injury> injuries = List.of(
        new CaseView.Injury(calf, BodyRegion.CALF, Side.LEFT, "CALF_STRAIN", "Sore", 6, Role.PRIMARY,
            InjuryStatus.OPEN, DAY, null),
        new CaseView.Injury(knee, BodyRegion.KNEE, Side.RIGHT, "PATELLOFEMORAL_PAIN", "Stairs", 4, Role.SECONDARY,
            InjuryStatus.OPEN, DAY, null),
        new CaseView.Injury(back, BodyRegion.LOW_BACK, Side.NOT_APPLICABLE, null, "Stiff", 2, Role.UNCLASSIFIED,
            InjuryStatus.RESOLVED, DAY, DAY));
    return new CaseView(UUID.randomUUID(), UUID.randomUUID(), "N-00123", CaseStatus.OPEN, DAY, null,
        UUID.randomUUID(), calf, 2, injuries, List.of(), List.of(), hypotheses, List.of(), 3);
  }
}
