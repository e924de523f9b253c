package com.kineticcasebook.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The fixed lists and the outcome instruments' figures, which the dashboards count improvement with. */
class ReferenceDataTest {

  @Test
  void instrumentsKnowTheirRangeMcidAndDirection() {
    assertInstrument(OutcomeInstrument.NPRS, 0, 10, 2, false, true);
    assertInstrument(OutcomeInstrument.LEFS, 0, 80, 9, true, true);
    assertInstrument(OutcomeInstrument.VISA_A, 0, 100, 14, true, true);
    assertInstrument(OutcomeInstrument.ODI, 0, 100, 10, false, true);
    assertInstrument(OutcomeInstrument.PSFS, 0, 10, 2, true, false);
  }

  @Test
  void instrumentsAcceptScoresWithinTheirRangeAndWholeNumbersWhereRequired() {
    assertThat(OutcomeInstrument.LEFS.accepts(80)).isTrue();
    assertThat(OutcomeInstrument.LEFS.accepts(0)).isTrue();
    assertThat(OutcomeInstrument.LEFS.accepts(80.5)).isFalse();
    assertThat(OutcomeInstrument.LEFS.accepts(-1)).isFalse();
    assertThat(OutcomeInstrument.PSFS.accepts(7.3)).isTrue();
    assertThat(OutcomeInstrument.PSFS.accepts(Double.NaN)).isFalse();
    assertThat(OutcomeInstrument.NPRS.accepts(Double.POSITIVE_INFINITY)).isFalse();
  }

  @Test
  void theFixedListsAreTheOnesTheApiPublishes() {
    assertThat(BodyRegion.values()).extracting(Enum::name).containsExactly("LOW_BACK", "PELVIS", "HIP", "GROIN",
        "THIGH", "HAMSTRING", "KNEE", "SHIN", "CALF", "ACHILLES", "ANKLE", "HEEL", "FOOT", "TOES");
    assertThat(Side.values()).extracting(Enum::name)
        .containsExactly("LEFT", "RIGHT", "BILATERAL", "NOT_APPLICABLE");
    assertThat(TreatmentModality.values()).extracting(Enum::name).containsExactly("LOADING_PROGRAMME",
        "MANUAL_THERAPY", "GAIT_RETRAINING", "FOOTWEAR_AND_ORTHOTICS", "TAPING", "SHOCKWAVE", "DRY_NEEDLING",
        "LOAD_MANAGEMENT", "EDUCATION", "INJECTION", "SURGICAL_REFERRAL");
    assertThat(GaitView.values()).extracting(Enum::name)
        .containsExactly("SAGITTAL_LEFT", "SAGITTAL_RIGHT", "POSTERIOR", "ANTERIOR");
    assertThat(RunningSurface.values()).extracting(Enum::name)
        .containsExactly("TREADMILL", "TRACK", "ROAD", "TRAIL", "INDOOR_OVERGROUND");
  }

  @Test
  void everyConstantHasAReadableLabel() {
    assertThat(Side.NOT_APPLICABLE.label()).isEqualTo("Not applicable");
    assertThat(RunningSurface.INDOOR_OVERGROUND.label()).isEqualTo("Indoor overground");
    assertThat(BodyRegion.values()).allSatisfy(region -> assertThat(region.label()).isNotBlank());
    assertThat(TreatmentModality.values()).allSatisfy(modality -> assertThat(modality.label()).isNotBlank());
    assertThat(OutcomeInstrument.values()).allSatisfy(instrument -> assertThat(instrument.label()).isNotBlank());
  }

  private static void assertInstrument(
      OutcomeInstrument instrument, int min, int max, int mcid, boolean higherIsBetter, boolean integerScores) {
    assertThat(instrument.min()).as(instrument + " min").isEqualTo(min);
    assertThat(instrument.max()).as(instrument + " max").isEqualTo(max);
    assertThat(instrument.mcid()).as(instrument + " mcid").isEqualTo(mcid);
    assertThat(instrument.higherIsBetter()).as(instrument + " direction").isEqualTo(higherIsBetter);
    assertThat(instrument.integerScores()).as(instrument + " integer scores").isEqualTo(integerScores);
  }
}
