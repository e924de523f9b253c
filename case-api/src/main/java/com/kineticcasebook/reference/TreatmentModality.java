package com.kineticcasebook.reference;

/** The main kind of a treatment; dashboards break clearance down by it. */
public enum TreatmentModality {
  LOADING_PROGRAMME("Progressive loading programme"),
  MANUAL_THERAPY("Manual therapy"),
  GAIT_RETRAINING("Gait retraining"),
  FOOTWEAR_AND_ORTHOTICS("Footwear and orthotics"),
  TAPING("Taping"),
  SHOCKWAVE("Shockwave therapy"),
  DRY_NEEDLING("Dry needling"),
  LOAD_MANAGEMENT("Training load management"),
  EDUCATION("Education"),
  INJECTION("Injection"),
  SURGICAL_REFERRAL("Surgical referral");

  private final String label;

  TreatmentModality(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
