package com.kineticcasebook.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one wording of injuries, sizes, scores and constants. */
class WordingTest {

  @Test
  void anInjuryIsNamedByItsConditionAndWhereItIs() {
    assertThat(Wording.injury(BodyRegion.CALF, Side.LEFT, "CALF_STRAIN"))
        .isEqualTo("Calf (gastrocnemius or soleus) strain (left calf)");
    assertThat(Wording.injury(BodyRegion.KNEE, Side.BILATERAL, "PATELLOFEMORAL_PAIN"))
        .isEqualTo("Patellofemoral pain (knee, both sides)");
  }

  @Test
  void anInjuryWithoutACondition_isNamedByItsRegionAndSide() {
    assertThat(Wording.injury(BodyRegion.KNEE, Side.RIGHT, null)).isEqualTo("Knee (right)");
    assertThat(Wording.injury(BodyRegion.HIP, Side.BILATERAL, null)).isEqualTo("Hip (both sides)");
    assertThat(Wording.injury(BodyRegion.LOW_BACK, Side.NOT_APPLICABLE, null)).isEqualTo("Low back");
  }

  @Test
  void sizesAreInKilobytesBelowAMebibyte_elseInMegabytesToOneDecimal() {
    assertThat(Wording.size(300)).isEqualTo("1 KB");
    assertThat(Wording.size(4_600)).isEqualTo("4 KB");
    assertThat(Wording.size(1_677_722)).isEqualTo("1.6 MB");
  }

  @Test
  void aClosedCasesOpenInjuriesAreTheOnesLeftUnresolvedAtClosure() {
    assertThat(Wording.openInjuries(false, 2)).isEqualTo("2");
    assertThat(Wording.openInjuries(true, 2)).isEqualTo("Closed with 2 unresolved");
    assertThat(Wording.openInjuries(true, 0)).isEqualTo("0");
  }

  @Test
  void scoresShowDecimalsOnlyWhenTheyHaveThem() {
    assertThat(Wording.score(7.0)).isEqualTo("7");
    assertThat(Wording.score(6.5)).isEqualTo("6.5");
  }

  @Test
  void constantsReadAsWords() {
    assertThat(Wording.constant("NOT_APPLICABLE")).isEqualTo("Not applicable");
    assertThat(Wording.constant("INJURY_REPORTED")).isEqualTo("Injury reported");
    assertThat(Wording.constant((String) null)).isEqualTo("—");
    assertThat(Wording.condition(null)).isEqualTo("No condition recorded");
  }
}
