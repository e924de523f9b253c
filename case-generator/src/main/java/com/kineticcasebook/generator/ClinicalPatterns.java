package com.kineticcasebook.generator;

import static com.kineticcasebook.generator.Weighted.w;
import static com.kineticcasebook.reference.TreatmentModality.DRY_NEEDLING;
import static com.kineticcasebook.reference.TreatmentModality.EDUCATION;
import static com.kineticcasebook.reference.TreatmentModality.FOOTWEAR_AND_ORTHOTICS;
import static com.kineticcasebook.reference.TreatmentModality.GAIT_RETRAINING;
import static com.kineticcasebook.reference.TreatmentModality.LOADING_PROGRAMME;
import static com.kineticcasebook.reference.TreatmentModality.LOAD_MANAGEMENT;
import static com.kineticcasebook.reference.TreatmentModality.MANUAL_THERAPY;
import static com.kineticcasebook.reference.TreatmentModality.SHOCKWAVE;
import static com.kineticcasebook.reference.TreatmentModality.TAPING;

import com.kineticcasebook.reference.BodyRegion;
import com.kineticcasebook.reference.OutcomeInstrument;
import com.kineticcasebook.reference.TreatmentModality;
import java.util.List;
import java.util.Map;

/**
 * The clinical make-up of the synthetic practice. The weights follow the published picture of
 * running injuries (knee about a quarter to a third of all injuries, Achilles and calf together
 * about a quarter; patellofemoral pain, medial tibial stress syndrome, Achilles tendinopathy,
 * plantar fasciitis, iliotibial band syndrome and calf strain the commonest) once primaries,
 * secondaries and single injuries are added up: the chains put lower-leg and foot injuries first
 * and knee, hip and back injuries second, so the single injuries carry more knee pain.
 */
final class ClinicalPatterns {

  /** Lower-leg and foot injuries that start a compensation chain. */
  static final List<Weighted<String>> CHAIN_PRIMARIES = List.of(
      w("CALF_STRAIN", 26),
      w("ACHILLES_TENDINOPATHY", 22),
      w("INSERTIONAL_ACHILLES_TENDINOPATHY", 4),
      w("PLANTAR_FASCIITIS", 22),
      w("MEDIAL_TIBIAL_STRESS_SYNDROME", 17),
      w("ANKLE_SPRAIN", 4),
      w("POSTERIOR_TIBIAL_TENDINOPATHY", 5));

  /** Injuries that come alone, without a hypothesis. */
  static final List<Weighted<String>> SINGLE_INJURIES = List.of(
      w("PATELLOFEMORAL_PAIN", 19),
      w("ILIOTIBIAL_BAND_SYNDROME", 9),
      w("PATELLAR_TENDINOPATHY", 4),
      w("MENISCAL_TEAR", 3),
      w("ACHILLES_TENDINOPATHY", 13),
      w("CALF_STRAIN", 11),
      w("INSERTIONAL_ACHILLES_TENDINOPATHY", 3),
      w("MEDIAL_TIBIAL_STRESS_SYNDROME", 16),
      w("TIBIAL_STRESS_FRACTURE", 2),
      w("PLANTAR_FASCIITIS", 10),
      w("METATARSAL_STRESS_FRACTURE", 2),
      w("GREATER_TROCHANTERIC_PAIN_SYNDROME", 2),
      w("HIP_FLEXOR_STRAIN", 1),
      w("LOW_BACK_PAIN", 2),
      w("HAMSTRING_STRAIN", 3));

  /** Which injuries higher up the chain follow which primary; the default serves the other primaries. */
  private static final Map<String, List<Weighted<String>>> SECONDARIES_BY_PRIMARY = Map.of(
      "CALF_STRAIN", List.of(
          w("PATELLOFEMORAL_PAIN", 36), w("ILIOTIBIAL_BAND_SYNDROME", 22), w("PATELLAR_TENDINOPATHY", 4),
          w("HAMSTRING_STRAIN", 10), w("HIP_FLEXOR_STRAIN", 6), w("GREATER_TROCHANTERIC_PAIN_SYNDROME", 10),
          w("LOW_BACK_PAIN", 12)),
      "ACHILLES_TENDINOPATHY", List.of(
          w("LOW_BACK_PAIN", 24), w("PATELLOFEMORAL_PAIN", 26), w("ILIOTIBIAL_BAND_SYNDROME", 12),
          w("HIP_FLEXOR_STRAIN", 8), w("GREATER_TROCHANTERIC_PAIN_SYNDROME", 12),
          w("PROXIMAL_HAMSTRING_TENDINOPATHY", 8), w("HAMSTRING_STRAIN", 10)),
      "PLANTAR_FASCIITIS", List.of(
          w("HIP_FLEXOR_STRAIN", 32), w("PATELLOFEMORAL_PAIN", 26), w("ILIOTIBIAL_BAND_SYNDROME", 10),
          w("GREATER_TROCHANTERIC_PAIN_SYNDROME", 12), w("LOW_BACK_PAIN", 12), w("HAMSTRING_STRAIN", 8)));

  private static final List<Weighted<String>> DEFAULT_SECONDARIES = List.of(
      w("PATELLOFEMORAL_PAIN", 32), w("ILIOTIBIAL_BAND_SYNDROME", 16), w("PATELLAR_TENDINOPATHY", 6),
      w("HIP_FLEXOR_STRAIN", 8), w("GREATER_TROCHANTERIC_PAIN_SYNDROME", 12), w("LOW_BACK_PAIN", 12),
      w("HAMSTRING_STRAIN", 14));

  /** Conditions often felt on both sides, so a few are reported BILATERAL. */
  private static final List<String> OFTEN_BILATERAL =
      List.of("PLANTAR_FASCIITIS", "MEDIAL_TIBIAL_STRESS_SYNDROME", "PATELLOFEMORAL_PAIN", "ACHILLES_TENDINOPATHY");

  private static final Map<BodyRegion, List<Weighted<TreatmentModality>>> MODALITIES_BY_REGION = Map.of(
      BodyRegion.ACHILLES, List.of(w(LOADING_PROGRAMME, 45), w(SHOCKWAVE, 15), w(GAIT_RETRAINING, 12),
          w(FOOTWEAR_AND_ORTHOTICS, 10), w(MANUAL_THERAPY, 8), w(LOAD_MANAGEMENT, 10)),
      BodyRegion.HEEL, List.of(w(LOADING_PROGRAMME, 30), w(FOOTWEAR_AND_ORTHOTICS, 25), w(SHOCKWAVE, 15),
          w(MANUAL_THERAPY, 10), w(GAIT_RETRAINING, 10), w(TAPING, 10)),
      BodyRegion.CALF, List.of(w(LOADING_PROGRAMME, 45), w(MANUAL_THERAPY, 20), w(GAIT_RETRAINING, 15),
          w(LOAD_MANAGEMENT, 10), w(DRY_NEEDLING, 10)),
      BodyRegion.SHIN, List.of(w(LOADING_PROGRAMME, 30), w(LOAD_MANAGEMENT, 25), w(GAIT_RETRAINING, 25),
          w(FOOTWEAR_AND_ORTHOTICS, 20)),
      BodyRegion.KNEE, List.of(w(LOADING_PROGRAMME, 40), w(GAIT_RETRAINING, 20), w(TAPING, 20),
          w(MANUAL_THERAPY, 10), w(EDUCATION, 10)),
      BodyRegion.HIP, List.of(w(LOADING_PROGRAMME, 50), w(MANUAL_THERAPY, 25), w(DRY_NEEDLING, 15),
          w(EDUCATION, 10)),
      BodyRegion.LOW_BACK, List.of(w(MANUAL_THERAPY, 35), w(LOADING_PROGRAMME, 35), w(EDUCATION, 30)),
      BodyRegion.HAMSTRING, List.of(w(LOADING_PROGRAMME, 70), w(MANUAL_THERAPY, 20), w(DRY_NEEDLING, 10)));

  private static final List<Weighted<TreatmentModality>> DEFAULT_MODALITIES = List.of(
      w(LOADING_PROGRAMME, 40), w(MANUAL_THERAPY, 20), w(GAIT_RETRAINING, 15), w(FOOTWEAR_AND_ORTHOTICS, 10),
      w(LOAD_MANAGEMENT, 10), w(EDUCATION, 5));

  private static final Map<String, String> SYMPTOMS = Map.ofEntries(
      Map.entry("CALF_STRAIN", "Sudden pull in the calf during a tempo run; tight on push-off"),
      Map.entry("ACHILLES_TENDINOPATHY", "Morning stiffness and pain in the Achilles tendon, worse on hills"),
      Map.entry("INSERTIONAL_ACHILLES_TENDINOPATHY", "Pain where the Achilles meets the heel bone, worse in spikes"),
      Map.entry("PLANTAR_FASCIITIS", "Sharp heel pain on the first steps in the morning"),
      Map.entry("MEDIAL_TIBIAL_STRESS_SYNDROME", "Diffuse ache along the inner shin after runs on hard surfaces"),
      Map.entry("TIBIAL_STRESS_FRACTURE", "Focal shin pain, tender on one spot, after a jump in mileage"),
      Map.entry("ANKLE_SPRAIN", "Rolled the ankle on a trail descent; swelling on the outside"),
      Map.entry("POSTERIOR_TIBIAL_TENDINOPATHY", "Pain behind the inner ankle; the arch feels weaker"),
      Map.entry("METATARSAL_STRESS_FRACTURE", "Forefoot pain that builds during runs, tender over a metatarsal"),
      Map.entry("PATELLOFEMORAL_PAIN", "Pain around the kneecap on stairs and downhill running"),
      Map.entry("ILIOTIBIAL_BAND_SYNDROME",
          "Pain on the outside of the knee that starts at the same distance each run"),
      Map.entry("PATELLAR_TENDINOPATHY", "Pain just below the kneecap on jumping and fast running"),
      Map.entry("MENISCAL_TEAR", "Knee catches and swells after a twisting movement"),
      Map.entry("HIP_FLEXOR_STRAIN", "Pain at the front of the hip when lifting the knee and on hills"),
      Map.entry("GREATER_TROCHANTERIC_PAIN_SYNDROME", "Ache over the outside of the hip, painful to lie on"),
      Map.entry("LOW_BACK_PAIN", "Low back ache during and after longer runs"),
      Map.entry("HAMSTRING_STRAIN", "Tightness at the back of the thigh during strides"),
      Map.entry("PROXIMAL_HAMSTRING_TENDINOPATHY", "Deep buttock pain when sitting and running uphill"));

  private static final Map<TreatmentModality, String> PLANS = Map.of(
      LOADING_PROGRAMME, "Progressive loading: isometrics, then heavy slow resistance three times a week; "
          + "run-walk return while pain stays at or below 3/10",
      GAIT_RETRAINING, "Gait retraining: cadence up 5-10 %, softer landing; treadmill sessions with video feedback",
      MANUAL_THERAPY, "Manual therapy and soft-tissue work weekly for four weeks, with a home mobility routine",
      FOOTWEAR_AND_ORTHOTICS, "Footwear review and prefabricated orthoses; rotate shoes, lower the drop gradually",
      SHOCKWAVE, "Radial shockwave, three sessions a week apart, alongside the home loading programme",
      TAPING, "Taping for symptom relief during runs while strength is rebuilt",
      DRY_NEEDLING, "Dry needling of trigger points, two sessions, then reassess",
      LOAD_MANAGEMENT, "Cut weekly volume by a third, no hills or speed work for three weeks, then build 10 % a week",
      EDUCATION, "Education on load, pain and recovery, with a graded return-to-running plan");

  private ClinicalPatterns() {}

  static List<Weighted<String>> secondariesAfter(String primaryCode) {
    String family = primaryCode.equals("INSERTIONAL_ACHILLES_TENDINOPATHY") ? "ACHILLES_TENDINOPATHY" : primaryCode;
    return SECONDARIES_BY_PRIMARY.getOrDefault(family, DEFAULT_SECONDARIES);
  }

  static boolean oftenBilateral(String conditionCode) {
    return OFTEN_BILATERAL.contains(conditionCode);
  }

  static List<Weighted<TreatmentModality>> modalitiesFor(BodyRegion region) {
    return MODALITIES_BY_REGION.getOrDefault(region, DEFAULT_MODALITIES);
  }

  static String symptoms(String conditionCode) {
    return SYMPTOMS.get(conditionCode);
  }

  static String plan(TreatmentModality modality, String target) {
    return PLANS.getOrDefault(modality, "Treatment as agreed with the patient") + " (for the " + target + ")";
  }

  /** The region's validated instrument besides NPRS, or null where NPRS alone is usual. */
  static OutcomeInstrument regionalInstrument(BodyRegion region) {
    return switch (region) {
      case ACHILLES -> OutcomeInstrument.VISA_A;
      case KNEE, HIP -> OutcomeInstrument.LEFS;
      case LOW_BACK -> OutcomeInstrument.ODI;
      default -> null;
    };
  }
}
