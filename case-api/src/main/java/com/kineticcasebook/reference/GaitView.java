package com.kineticcasebook.reference;

/** The camera's view of the runner. */
public enum GaitView {
  SAGITTAL_LEFT,
  SAGITTAL_RIGHT,
  POSTERIOR,
  ANTERIOR;

  public String label() {
    return Wording.constant(this);
  }
}
