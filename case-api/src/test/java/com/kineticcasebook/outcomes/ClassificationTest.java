package com.kineticcasebook.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Every branch of the outcome classification of a secondary injury. */
class ClassificationTest {

  private static final LocalDate PRIMARY_TREATED = LocalDate.of(2026, 3, 10);

  @Test
  void givenSecondaryStillOpen_thenUnresolved_whateverWasTreated() {
    assertThat(Classification.of(null, false, PRIMARY_TREATED)).isEqualTo(Classification.UNRESOLVED);
    assertThat(Classification.of(null, true, PRIMARY_TREATED)).isEqualTo(Classification.UNRESOLVED);
    assertThat(Classification.of(null, false, null)).isEqualTo(Classification.UNRESOLVED);
  }

  @Test
  void givenPrimaryTreated_whenSecondaryResolvedOnOrAfter_withoutOwnTreatment_thenClearedAfterPrimaryTreatment() {
    assertThat(Classification.of(PRIMARY_TREATED, false, PRIMARY_TREATED))
        .isEqualTo(Classification.CLEARED_AFTER_PRIMARY_TREATMENT);
    assertThat(Classification.of(PRIMARY_TREATED.plusDays(40), false, PRIMARY_TREATED))
        .isEqualTo(Classification.CLEARED_AFTER_PRIMARY_TREATMENT);
  }

  @Test
  void givenSecondaryTreatedDirectly_whenResolved_thenClearedWithDirectTreatment_evenAfterThePrimarysTreatment() {
    assertThat(Classification.of(PRIMARY_TREATED.plusDays(40), true, PRIMARY_TREATED))
        .isEqualTo(Classification.CLEARED_WITH_DIRECT_TREATMENT);
    assertThat(Classification.of(PRIMARY_TREATED.minusDays(3), true, PRIMARY_TREATED))
        .isEqualTo(Classification.CLEARED_WITH_DIRECT_TREATMENT);
    assertThat(Classification.of(PRIMARY_TREATED, true, null)).isEqualTo(Classification.CLEARED_WITH_DIRECT_TREATMENT);
  }

  @Test
  void givenSecondaryResolvedTheDayBeforeThePrimarysTreatment_thenClearedBeforePrimaryTreatment() {
    assertThat(Classification.of(PRIMARY_TREATED.minusDays(1), false, PRIMARY_TREATED))
        .isEqualTo(Classification.CLEARED_BEFORE_PRIMARY_TREATMENT);
  }

  @Test
  void givenPrimaryNeverTreated_whenSecondaryResolved_thenClearedBeforePrimaryTreatment() {
    assertThat(Classification.of(PRIMARY_TREATED, false, null)).isEqualTo(Classification.CLEARED_BEFORE_PRIMARY_TREATMENT);
  }
}
