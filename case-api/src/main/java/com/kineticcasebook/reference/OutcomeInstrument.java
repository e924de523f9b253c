package com.kineticcasebook.reference;

/**
 * Validated outcome measures with their score range and minimal clinically important difference
 * (MCID): a change of at least the MCID in the better direction counts as improvement. Range and
 * MCID are whole numbers for every instrument, so they are {@code int}; scores are {@code double}
 * because PSFS is a mean.
 */
public enum OutcomeInstrument {
  NPRS("Numeric Pain Rating Scale", 0, 10, 2, false, true),
  LEFS("Lower Extremity Functional Scale", 0, 80, 9, true, true),
  VISA_A("VISA-A (Achilles)", 0, 100, 14, true, true),
  ODI("Oswestry Disability Index", 0, 100, 10, false, true),
  PSFS("Patient-Specific Functional Scale", 0, 10, 2, true, false);

  private final String label;
  private final int min;
  private final int max;
  private final int mcid;
  private final boolean higherIsBetter;
  private final boolean integerScores;

  OutcomeInstrument(String label, int min, int max, int mcid, boolean higherIsBetter, boolean integerScores) {
    this.label = label;
    this.min = min;
    this.max = max;
    this.mcid = mcid;
    this.higherIsBetter = higherIsBetter;
    this.integerScores = integerScores;
  }

  public String label() {
    return label;
  }

  public int min() {
    return min;
  }

  public int max() {
    return max;
  }

  public int mcid() {
    return mcid;
  }

  public boolean higherIsBetter() {
    return higherIsBetter;
  }

  /** PSFS is the mean of several activity scores, so it may have decimals; the others are whole numbers. */
  public boolean integerScores() {
    return integerScores;
  }

  /** Whether the score lies within the range and, for integer instruments, is a whole number. */
  public boolean accepts(double score) {
    return score >= min && score <= max && (!integerScores || score == Math.rint(score));
  }
}
