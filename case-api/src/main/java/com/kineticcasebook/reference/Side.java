package com.kineticcasebook.reference;

/** Which side of the body; NOT_APPLICABLE for midline regions such as the low back. */
public enum Side {
  LEFT,
  RIGHT,
  BILATERAL,
  NOT_APPLICABLE;

  public String label() {
    return Wording.constant(this);
  }
}
