package com.kineticcasebook.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ConditionCatalogueTest {

  private static final Pattern ICD10 = Pattern.compile("[A-Z][0-9]{2}(\\.[0-9A-Z]{1,2})?");
  private static final Pattern SNOMED = Pattern.compile("[0-9]{6,18}");

  @Test
  void theCatalogueNamesAtLeast25ConditionsWithUniqueCodes() {
    assertThat(ConditionCatalogue.all()).hasSizeGreaterThanOrEqualTo(25);
    assertThat(ConditionCatalogue.all().stream().map(Condition::code).distinct().count())
        .isEqualTo(ConditionCatalogue.all().size());
  }

  @Test
  void everyConditionHasARegionAnIcd10CodeAndAWellFormedSnomedIdWhereGiven() {
    assertThat(ConditionCatalogue.all()).allSatisfy(condition -> {
      assertThat(condition.bodyRegion()).isNotNull();
      assertThat(condition.label()).isNotBlank();
      assertThat(condition.icd10()).matches(ICD10);
      if (condition.snomed() != null) {
        assertThat(condition.snomed()).matches(SNOMED);
      }
    });
  }

  @Test
  void theCommonRunningInjuriesAndTheirChainsAreThere() {
    for (String code : new String[] {"CALF_STRAIN", "ACHILLES_TENDINOPATHY", "PLANTAR_FASCIITIS",
        "PATELLOFEMORAL_PAIN", "MEDIAL_TIBIAL_STRESS_SYNDROME", "HIP_FLEXOR_STRAIN", "LOW_BACK_PAIN",
        "ILIOTIBIAL_BAND_SYNDROME"}) {
      assertThat(ConditionCatalogue.find(code)).as(code).isPresent();
    }
    assertThat(ConditionCatalogue.find("PLANTAR_FASCIITIS").orElseThrow().snomed()).isEqualTo("202882003");
    assertThat(ConditionCatalogue.find(null)).isEmpty();
  }

  @Test
  void instrumentsKnowTheirRangeAndMcid() {
    assertThat(OutcomeInstrument.VISA_A.mcid()).isEqualTo(14);
    assertThat(OutcomeInstrument.ODI.higherIsBetter()).isFalse();
    assertThat(OutcomeInstrument.LEFS.accepts(80)).isTrue();
    assertThat(OutcomeInstrument.LEFS.accepts(80.5)).isFalse();
    assertThat(OutcomeInstrument.PSFS.accepts(7.3)).isTrue();
    assertThat(Side.NOT_APPLICABLE.label()).isEqualTo("Not applicable");
  }
}
