package com.kineticcasebook.reference;

import static com.kineticcasebook.reference.BodyRegion.*;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The running and musculoskeletal conditions a clinician can name. ICD-10 codes are the WHO
 * ICD-10 category or subcategory the condition is coded under, at the level that is certain (so
 * several conditions share a broad code such as M76.8). SNOMED CT concept ids are filled only
 * where they were verified, and are null otherwise: a wrong code in a clinical export is worse
 * than none.
 */
public final class ConditionCatalogue {

  private static final List<Condition> ALL = List.of(
      new Condition("LOW_BACK_PAIN", "Non-specific low back pain", LOW_BACK, "M54.5", "279039007"),
      new Condition("LUMBAR_RADICULOPATHY", "Lumbar radiculopathy", LOW_BACK, "M54.1", null),
      new Condition("SACROILIAC_JOINT_PAIN", "Sacroiliac joint pain", PELVIS, "M53.3", null),
      new Condition("PIRIFORMIS_SYNDROME", "Piriformis syndrome", PELVIS, "G57.0", null),
      new Condition("GREATER_TROCHANTERIC_PAIN_SYNDROME", "Greater trochanteric pain syndrome", HIP, "M70.6", null),
      new Condition("GLUTEAL_TENDINOPATHY", "Gluteal tendinopathy", HIP, "M76.0", null),
      new Condition("HIP_FLEXOR_STRAIN", "Hip flexor strain", HIP, "S76.0", null),
      new Condition("HIP_LABRAL_TEAR", "Hip labral tear", HIP, "S73.1", null),
      new Condition("FEMORAL_STRESS_FRACTURE", "Femoral (neck) stress fracture", HIP, "M84.3", null),
      new Condition("ADDUCTOR_STRAIN", "Adductor strain", GROIN, "S76.2", null),
      new Condition("QUADRICEPS_STRAIN", "Quadriceps strain", THIGH, "S76.1", null),
      new Condition("HAMSTRING_STRAIN", "Hamstring strain", HAMSTRING, "S76.3", null),
      new Condition("PROXIMAL_HAMSTRING_TENDINOPATHY", "Proximal hamstring tendinopathy", HAMSTRING, "M76.8", null),
      new Condition("PATELLOFEMORAL_PAIN", "Patellofemoral pain", KNEE, "M22.2", null),
      new Condition("ILIOTIBIAL_BAND_SYNDROME", "Iliotibial band syndrome", KNEE, "M76.3", null),
      new Condition("PATELLAR_TENDINOPATHY", "Patellar tendinopathy", KNEE, "M76.5", null),
      new Condition("KNEE_OSTEOARTHRITIS", "Knee osteoarthritis", KNEE, "M17", "239873007"),
      new Condition("MENISCAL_TEAR", "Meniscal tear", KNEE, "S83.2", null),
      new Condition("MEDIAL_TIBIAL_STRESS_SYNDROME", "Medial tibial stress syndrome", SHIN, "M76.8", null),
      new Condition("TIBIAL_STRESS_FRACTURE", "Tibial stress fracture", SHIN, "M84.3", null),
      new Condition("CHRONIC_EXERTIONAL_COMPARTMENT_SYNDROME", "Chronic exertional compartment syndrome", SHIN,
          "M79.8", null),
      new Condition("CALF_STRAIN", "Calf (gastrocnemius or soleus) strain", CALF, "S86.1", null),
      new Condition("ACHILLES_TENDINOPATHY", "Achilles tendinopathy", ACHILLES, "M76.6", "11654001"),
      new Condition("INSERTIONAL_ACHILLES_TENDINOPATHY", "Insertional Achilles tendinopathy", ACHILLES, "M76.6", null),
      new Condition("ANKLE_SPRAIN", "Lateral ankle sprain", ANKLE, "S93.4", "44465007"),
      new Condition("POSTERIOR_TIBIAL_TENDINOPATHY", "Posterior tibial tendinopathy", ANKLE, "M76.8", null),
      new Condition("PERONEAL_TENDINOPATHY", "Peroneal tendinopathy", ANKLE, "M76.7", null),
      new Condition("PLANTAR_FASCIITIS", "Plantar fasciitis", HEEL, "M72.2", "202882003"),
      new Condition("RETROCALCANEAL_BURSITIS", "Retrocalcaneal bursitis", HEEL, "M77.5", null),
      new Condition("METATARSAL_STRESS_FRACTURE", "Metatarsal stress fracture", FOOT, "M84.3", null),
      new Condition("MORTONS_NEUROMA", "Morton's neuroma", FOOT, "G57.6", null),
      new Condition("HALLUX_RIGIDUS", "Hallux rigidus", TOES, "M20.2", null));

  private static final Map<String, Condition> BY_CODE =
      ALL.stream().collect(Collectors.toUnmodifiableMap(Condition::code, Function.identity()));

  private ConditionCatalogue() {}

  /** Every condition, grouped from the low back down to the toes. */
  public static List<Condition> all() {
    return ALL;
  }

  /** The condition with this code; empty for an unknown code or null. */
  public static Optional<Condition> find(String code) {
    return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
  }
}
