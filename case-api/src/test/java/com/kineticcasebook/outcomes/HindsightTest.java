package com.kineticcasebook.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.outcomes.Hindsight.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every branch of the rule that leaves out secondaries linked to their primary only after they cleared. */
class HindsightTest {

  private static final UUID CALF = UUID.fromString("00000001-0000-4000-8000-000000000001");
  private static final UUID KNEE = UUID.fromString("00000001-0000-4000-8000-000000000002");
  private static final UUID HIP = UUID.fromString("00000001-0000-4000-8000-000000000003");
  private static final LocalDate CLEARED = LocalDate.of(2026, 4, 20);

  private static Statement stated(UUID primary, LocalDate on, UUID... secondaries) {
    return new Statement(primary, List.of(secondaries), on, false);
  }

  private static Statement inError(UUID primary, LocalDate on, UUID... secondaries) {
    return new Statement(primary, List.of(secondaries), on, true);
  }

  @Test
  void givenOpenSecondary_thenAlwaysCounts_howeverLateTheLink() {
    assertThat(Hindsight.linkedAfterClearance(CALF, KNEE, null, List.of(stated(CALF, CLEARED.plusDays(30), KNEE))))
        .isFalse();
  }

  @Test
  void givenLinkStatedBeforeClearance_thenCounts() {
    assertThat(Hindsight.linkedAfterClearance(CALF, KNEE, CLEARED, List.of(stated(CALF, CLEARED.minusDays(9), KNEE))))
        .isFalse();
  }

  @Test
  void givenLinkStatedTheDayItCleared_thenCounts() {
    assertThat(Hindsight.linkedAfterClearance(CALF, KNEE, CLEARED, List.of(stated(CALF, CLEARED, KNEE)))).isFalse();
  }

  @Test
  void givenLinkStatedTheDayAfterItCleared_thenLinkedAfterClearance() {
    assertThat(Hindsight.linkedAfterClearance(CALF, KNEE, CLEARED, List.of(stated(CALF, CLEARED.plusDays(1), KNEE))))
        .isTrue();
  }

  @Test
  void givenRevisedHypothesisWithTheSamePrimary_thenTheEarliestLinkWins() {
    List<Statement> history = List.of(
        stated(CALF, CLEARED.minusDays(5), KNEE),
        stated(CALF, CLEARED.plusDays(10), KNEE, HIP));
    assertThat(Hindsight.linkedAfterClearance(CALF, KNEE, CLEARED, history)).isFalse();
    assertThat(Hindsight.linkedAfterClearance(CALF, HIP, CLEARED, history)).isTrue();
  }

  @Test
  void givenEarliestIsTheEarliestDateNotTheFirstRecorded() {
    List<Statement> history = List.of(
        stated(CALF, CLEARED.plusDays(3), KNEE),
        stated(CALF, CLEARED.minusDays(2), KNEE));
    assertThat(Hindsight.linkedAfterClearance(CALF, KNEE, CLEARED, history)).isFalse();
  }

  @Test
  void givenEarlierLinkEnteredInError_thenItDoesNotCount() {
    List<Statement> history = List.of(
        inError(CALF, CLEARED.minusDays(5), KNEE),
        stated(CALF, CLEARED.plusDays(10), KNEE));
    assertThat(Hindsight.linkedAfterClearance(CALF, KNEE, CLEARED, history)).isTrue();
  }

  @Test
  void givenLaterHypothesisNamingAnotherPrimary_thenItStartsANewLink() {
    List<Statement> history = List.of(
        stated(CALF, CLEARED.minusDays(5), KNEE),
        stated(HIP, CLEARED.plusDays(10), KNEE));
    assertThat(Hindsight.linkedAfterClearance(HIP, KNEE, CLEARED, history)).isTrue();
    assertThat(Hindsight.linkedAfterClearance(CALF, KNEE, CLEARED, history)).isFalse();
  }

  @Test
  void givenEarlierHypothesisNamingTheInjuryAsPrimary_thenItIsNoLinkOfTheSecondary() {
    List<Statement> history = List.of(
        stated(KNEE, CLEARED.minusDays(5), CALF),
        stated(CALF, CLEARED.plusDays(10), KNEE));
    assertThat(Hindsight.linkedAfterClearance(CALF, KNEE, CLEARED, history)).isTrue();
  }
}
