package com.kineticcasebook.reference;

/** Where an injury is, from the low back down the kinetic chain to the toes. */
public enum BodyRegion {
  LOW_BACK("Low back"),
  PELVIS("Pelvis and sacroiliac joint"),
  HIP("Hip"),
  GROIN("Groin"),
  THIGH("Thigh"),
  HAMSTRING("Hamstring"),
  KNEE("Knee"),
  SHIN("Shin"),
  CALF("Calf"),
  ACHILLES("Achilles tendon"),
  ANKLE("Ankle"),
  HEEL("Heel and plantar fascia"),
  FOOT("Foot"),
  TOES("Toes");

  private final String label;

  BodyRegion(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
