package com.kineticcasebook.projections.caseview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.kineticcasebook.caseload.CaseStatus;
import com.kineticcasebook.caseload.CaseView.InjuryStatus;
import com.kineticcasebook.caseload.CaseView.Role;
import com.kineticcasebook.caseload.TimelineEntry;
import com.kineticcasebook.outcomes.Classification;
import com.kineticcasebook.outcomes.SecondaryOutcome;
import com.kineticcasebook.patientcase.CaseClosed;
import com.kineticcasebook.patientcase.CaseEvent;
import com.kineticcasebook.patientcase.CaseId;
import com.kineticcasebook.patientcase.CaseOpened;
import com.kineticcasebook.patientcase.ClinicId;
import com.kineticcasebook.patientcase.EntryMarkedInError;
import com.kineticcasebook.patientcase.InjuryId;
import com.kineticcasebook.patientcase.InjuryReported;
import com.kineticcasebook.patientcase.PrimaryHypothesised;
import com.kineticcasebook.patientcase.SecondaryResolved;
import com.kineticcasebook.patientcase.TreatmentId;
import com.kineticcasebook.patientcase.TreatmentStarted;
import com.kineticcasebook.patientcase.UserId;
import com.kineticcasebook.reference.BodyRegion;
import com.kineticcasebook.reference.Side;
import com.kineticcasebook.reference.TreatmentModality;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

/**
 * The fold as a pure function: a calf strain hypothesised to cause patellofemoral pain, the calf
 * treated on 10 March, the knee cleared on 24 March, each step recorded a day after it happened.
 */
class CaseFoldTest {

  private static final CaseId CASE = new CaseId(UUID.fromString("0000000c-0000-4000-8000-000000000001"));
  private static final ClinicId CLINIC = new ClinicId(UUID.fromString("0000000a-0000-4000-8000-000000000001"));
  private static final UserId CLINICIAN = new UserId(UUID.fromString("0000000d-0000-4000-8000-000000000001"));
  private static final InjuryId CALF = new InjuryId(UUID.fromString("00000001-0000-4000-8000-000000000001"));
  private static final InjuryId KNEE = new InjuryId(UUID.fromString("00000001-0000-4000-8000-000000000002"));
  private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);

  private final CaseFold fold = new CaseFold(ZoneOffset.UTC);
  private final List<DomainEventMessage<?>> events = new ArrayList<>();

  @Test
  void givenPrimaryTreated_whenSecondaryResolvedAfter_thenClearedAfterPrimaryTreatment() {
    calfCausingKneeTreatedAndCleared();

    CaseFold.Folded folded = fold.fold(events);

    SecondaryOutcome knee = folded.secondaries().get(0);
    assertThat(folded.secondaries()).hasSize(1);
    assertThat(knee.secondaryInjuryId()).isEqualTo(KNEE.value());
    assertThat(knee.primaryTreatedOn()).isEqualTo(MARCH_1.plusDays(9));
    assertThat(knee.primaryModality()).isEqualTo(TreatmentModality.LOADING_PROGRAMME);
    assertThat(knee.resolvedOn()).isEqualTo(MARCH_1.plusDays(23));
    assertThat(knee.classification()).isEqualTo(Classification.CLEARED_AFTER_PRIMARY_TREATMENT);
    assertThat(knee.ownTreatmentStartedOn()).isNull();
    assertThat(folded.view().injuries()).extracting(i -> i.role(), i -> i.status())
        .containsExactly(tuple(Role.PRIMARY, InjuryStatus.OPEN),
            tuple(Role.SECONDARY, InjuryStatus.RESOLVED));
    assertThat(folded.view().openInjuries()).isEqualTo(1);
  }

  @Test
  void givenResolutionMarkedInError_thenTheKneeIsOpenAgain_andTheTimelineKeepsTheEntryStruckThrough() {
    calfCausingKneeTreatedAndCleared();
    String resolution = events.get(events.size() - 1).getIdentifier();
    record(new EntryMarkedInError(CASE, resolution, "SecondaryResolved", "Wrong patient's knee"), MARCH_1.plusDays(25));

    CaseFold.Folded folded = fold.fold(events);

    assertThat(folded.secondaries().get(0).classification()).isEqualTo(Classification.UNRESOLVED);
    assertThat(folded.secondaries().get(0).resolvedOn()).isNull();
    TimelineEntry struck = folded.timelineEntries().stream().filter(e -> e.eventId().equals(resolution)).findFirst().orElseThrow();
    assertThat(struck.enteredInError()).isTrue();
    assertThat(struck.errorReason()).isEqualTo("Wrong patient's knee");
  }

  @Test
  void theTimelineIsInClinicalOrder_withEachEventsOwnDate_andEventsWithoutOneOnTheirRecordingDate() {
    calfCausingKneeTreatedAndCleared();

    List<TimelineEntry> timeline = fold.fold(events).timelineEntries();

    // Both injuries began before the case was opened.
    assertThat(timeline).extracting(TimelineEntry::type).containsExactly("INJURY_REPORTED", "INJURY_REPORTED",
        "CASE_OPENED", "PRIMARY_HYPOTHESISED", "TREATMENT_STARTED", "SECONDARY_RESOLVED");
    // The hypothesis is dated when it was stated, not when it was recorded.
    assertThat(timeline.get(3).occurredOn()).isEqualTo(MARCH_1.plusDays(3));
    assertThat(timeline.get(0).summary()).isEqualTo("Injury reported: Calf (gastrocnemius or soleus) strain (left calf), pain 6/10");
    assertThat(timeline.get(5).summary()).isEqualTo("Secondary injury resolved: Patellofemoral pain (left knee)");
  }

  @Test
  void givenHypothesisStatedBeforeTheKneeCleared_thenItCounts_andTheViewCarriesItsDate() {
    calfCausingKneeTreatedAndCleared();

    CaseFold.Folded folded = fold.fold(events);

    assertThat(folded.secondaries().get(0).linkedAfterClearance()).isFalse();
    assertThat(folded.view().hypotheses().get(0).hypothesisedOn()).isEqualTo(MARCH_1.plusDays(3));
  }

  @Test
  void givenTheOnlyLinkStatedAfterTheKneeCleared_thenLinkedAfterClearance() {
    opened();
    record(new SecondaryResolved(CASE, KNEE, MARCH_1.plusDays(2), null), MARCH_1.plusDays(20));
    hypothesised(MARCH_1.plusDays(10));

    assertThat(fold.fold(events).secondaries().get(0).linkedAfterClearance()).isTrue();
  }

  @Test
  void givenARevisedHypothesisAfterClearance_thenTheEarliestLinkStillCounts_unlessItWasEnteredInError() {
    opened();
    hypothesised(MARCH_1.plusDays(1));
    String first = events.get(events.size() - 1).getIdentifier();
    record(new SecondaryResolved(CASE, KNEE, MARCH_1.plusDays(5), null), MARCH_1.plusDays(5));
    hypothesised(MARCH_1.plusDays(8));

    assertThat(fold.fold(events).secondaries().get(0).linkedAfterClearance()).isFalse();

    record(new EntryMarkedInError(CASE, first, "PrimaryHypothesised", "Recorded on the wrong case"),
        MARCH_1.plusDays(9));

    assertThat(fold.fold(events).secondaries().get(0).linkedAfterClearance()).isTrue();
  }

  @Test
  void theSecondarysOwnTreatmentStartIsItsEarliestLiveTreatment() {
    calfCausingKneeTreatedAndCleared();
    record(new TreatmentStarted(CASE, new TreatmentId(UUID.randomUUID()), KNEE, TreatmentModality.TAPING,
        "Patellar taping", MARCH_1.plusDays(12)), MARCH_1.plusDays(24));
    String earliest = events.get(events.size() - 1).getIdentifier();
    record(new TreatmentStarted(CASE, new TreatmentId(UUID.randomUUID()), KNEE, TreatmentModality.MANUAL_THERAPY,
        "Soft tissue work", MARCH_1.plusDays(15)), MARCH_1.plusDays(24));
    record(new TreatmentStarted(CASE, new TreatmentId(UUID.randomUUID()), KNEE, TreatmentModality.GAIT_RETRAINING,
        "Cadence cue", MARCH_1.plusDays(18)), MARCH_1.plusDays(24));

    assertThat(fold.fold(events).secondaries().get(0).ownTreatmentStartedOn()).isEqualTo(MARCH_1.plusDays(12));

    record(new EntryMarkedInError(CASE, earliest, "TreatmentStarted", "Wrong knee"), MARCH_1.plusDays(25));
    SecondaryOutcome knee = fold.fold(events).secondaries().get(0);

    assertThat(knee.ownTreatmentStartedOn()).isEqualTo(MARCH_1.plusDays(15));
    assertThat(knee.classification()).isEqualTo(Classification.CLEARED_WITH_DIRECT_TREATMENT);
  }

  @Test
  void aClosedCaseCensorsItsOpenSecondariesAtClosure() {
    calfCausingKneeTreatedAndCleared();
    record(new CaseClosed(CASE, MARCH_1.plusDays(40), "Discharged"), MARCH_1.plusDays(40));

    CaseFold.Folded folded = fold.fold(events);

    assertThat(folded.view().status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(folded.secondaries().get(0).caseClosedOn()).isEqualTo(MARCH_1.plusDays(40));
  }

  @Test
  void theStoredTimelineReadsBackEventForEvent_andIsWordedWhenRead() {
    calfCausingKneeTreatedAndCleared();
    record(new EntryMarkedInError(CASE, events.get(4).getIdentifier(), "TreatmentStarted", "Wrong injury"),
        MARCH_1.plusDays(25));
    CaseFold.Folded folded = fold.fold(events);
    CaseViewTables tables = new CaseViewTables(null, null, Duration.ofSeconds(30));

    StoredTimeline readBack = tables.timeline(tables.timelineJson(folded.timeline()));

    assertThat(readBack).isEqualTo(folded.timeline());
    assertThat(readBack.worded()).isEqualTo(folded.timelineEntries());
  }

  @Test
  void eventsThatOpenNoCaseFoldToNothing() {
    assertThat(fold.fold(List.of())).isNull();
  }

  private void calfCausingKneeTreatedAndCleared() {
    record(new CaseOpened(CASE, CLINIC, "RUN-0042", CLINICIAN, MARCH_1), MARCH_1.plusDays(1));
    record(new InjuryReported(CASE, CALF, BodyRegion.CALF, Side.LEFT, "CALF_STRAIN", "Pulled on a hill rep",
        MARCH_1.minusDays(20), 6), MARCH_1.plusDays(1));
    record(new InjuryReported(CASE, KNEE, BodyRegion.KNEE, Side.LEFT, "PATELLOFEMORAL_PAIN", "Ache on stairs",
        MARCH_1.minusDays(5), 4), MARCH_1.plusDays(1));
    record(new PrimaryHypothesised(CASE, CALF, List.of(KNEE), "Shortened stance on the left", List.of(),
        MARCH_1.plusDays(3)), MARCH_1.plusDays(4));
    record(new TreatmentStarted(CASE, new TreatmentId(UUID.randomUUID()), CALF, TreatmentModality.LOADING_PROGRAMME,
        "Calf raises, three sets daily", MARCH_1.plusDays(9)), MARCH_1.plusDays(10));
    record(new SecondaryResolved(CASE, KNEE, MARCH_1.plusDays(23), "Pain-free on stairs"), MARCH_1.plusDays(24));
  }

  private void opened() {
    record(new CaseOpened(CASE, CLINIC, "RUN-0042", CLINICIAN, MARCH_1), MARCH_1);
    record(new InjuryReported(CASE, CALF, BodyRegion.CALF, Side.LEFT, "CALF_STRAIN", "Pulled on a hill rep",
        MARCH_1.minusDays(20), 6), MARCH_1);
    record(new InjuryReported(CASE, KNEE, BodyRegion.KNEE, Side.LEFT, "PATELLOFEMORAL_PAIN", "Ache on stairs",
        MARCH_1.minusDays(5), 4), MARCH_1);
  }

  private void hypothesised(LocalDate on) {
    record(new PrimaryHypothesised(CASE, CALF, List.of(KNEE), "Shortened stance on the left", List.of(), on), on);
  }

  private void record(CaseEvent event, LocalDate recordedOn) {
    Instant at = recordedOn.atTime(9, 30).toInstant(ZoneOffset.UTC);
    events.add(new GenericDomainEventMessage<>("PatientCase", CASE.toString(), events.size(),
        new GenericMessage<>(UUID.randomUUID().toString(), event,
            MetaData.from(Map.of("userId", CLINICIAN.toString()))), () -> at));
  }
}
