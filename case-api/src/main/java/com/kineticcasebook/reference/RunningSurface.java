package com.kineticcasebook.reference;

/** What the runner ran on while filmed. */
public enum RunningSurface {
  TREADMILL,
  TRACK,
  ROAD,
  TRAIL,
  INDOOR_OVERGROUND;

  public String label() {
    return Wording.constant(this);
  }
}
