package com.kineticcasebook.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ConditionCatalogueTest {

  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
  private static final Pattern ICD10 = Pattern.compile("[A-Z][0-9]{2}(\\.[0-9])?");

  /** The only SNOMED CT ids that were verified; every other condition must leave snomed empty. */
  private static final Map<String, String> VERIFIED_SNOMED = Map.of(
      "PLANTAR_FASCIITIS", "202882003",
      "ACHILLES_TENDINOPATHY", "11654001",
      "LOW_BACK_PAIN", "279039007",
      "ANKLE_SPRAIN", "44465007",
      "KNEE_OSTEOARTHRITIS", "239873007");

  @Test
  void theCatalogueNamesAtLeast28ConditionsWithUniqueUpperSnakeCaseCodes() {
    assertThat(ConditionCatalogue.all()).hasSizeGreaterThanOrEqualTo(28);
    assertThat(ConditionCatalogue.all()).extracting(Condition::code).doesNotHaveDuplicates().allMatch(
        code -> CODE.matcher(code).matches());
  }

  @Test
  void everyConditionHasALabelARegionAndAnIcd10Code() {
    assertThat(ConditionCatalogue.all()).allSatisfy(condition -> {
      assertThat(condition.label()).isNotBlank();
      assertThat(condition.bodyRegion()).isNotNull();
      assertThat(condition.icd10()).matches(ICD10);
    });
  }

  @Test
  void snomedIsFilledOnlyWhereVerified() {
    Map<String, String> filled = ConditionCatalogue.all().stream()
        .filter(condition -> condition.snomed() != null)
        .collect(Collectors.toMap(Condition::code, Condition::snomed));
    assertThat(filled).isEqualTo(VERIFIED_SNOMED);
  }

  @Test
  void theRunningInjuriesTheProductIsAboutAreThere() {
    for (String code : new String[] {"CALF_STRAIN", "ACHILLES_TENDINOPATHY", "PLANTAR_FASCIITIS",
        "PATELLOFEMORAL_PAIN", "ILIOTIBIAL_BAND_SYNDROME", "MEDIAL_TIBIAL_STRESS_SYNDROME", "HIP_FLEXOR_STRAIN",
        "LOW_BACK_PAIN", "HAMSTRING_STRAIN", "PATELLAR_TENDINOPATHY", "GLUTEAL_TENDINOPATHY", "ANKLE_SPRAIN",
        "TIBIAL_STRESS_FRACTURE", "METATARSAL_STRESS_FRACTURE", "SACROILIAC_JOINT_PAIN", "PIRIFORMIS_SYNDROME",
        "KNEE_OSTEOARTHRITIS", "MORTONS_NEUROMA", "POSTERIOR_TIBIAL_TENDINOPATHY", "PERONEAL_TENDINOPATHY",
        "ADDUCTOR_STRAIN", "CHRONIC_EXERTIONAL_COMPARTMENT_SYNDROME", "HIP_LABRAL_TEAR", "FEMORAL_STRESS_FRACTURE",
        "HALLUX_RIGIDUS", "RETROCALCANEAL_BURSITIS", "GREATER_TROCHANTERIC_PAIN_SYNDROME"}) {
      assertThat(ConditionCatalogue.find(code)).as(code).isPresent();
    }
  }

  @Test
  void conditionsSitInTheirRegionAndCarryTheirWhoCode() {
    assertThat(ConditionCatalogue.find("PLANTAR_FASCIITIS")).get()
        .returns(BodyRegion.HEEL, Condition::bodyRegion).returns("M72.2", Condition::icd10);
    assertThat(ConditionCatalogue.find("CALF_STRAIN")).get()
        .returns(BodyRegion.CALF, Condition::bodyRegion).returns("S86.1", Condition::icd10);
    assertThat(ConditionCatalogue.find("PATELLOFEMORAL_PAIN")).get()
        .returns(BodyRegion.KNEE, Condition::bodyRegion).returns("M22.2", Condition::icd10);
  }

  @Test
  void findIsEmptyForUnknownCodesAndNull() {
    assertThat(ConditionCatalogue.find("TENNIS_ELBOW")).isEmpty();
    assertThat(ConditionCatalogue.find("calf_strain")).isEmpty();
    assertThat(ConditionCatalogue.find(null)).isEmpty();
  }
}
