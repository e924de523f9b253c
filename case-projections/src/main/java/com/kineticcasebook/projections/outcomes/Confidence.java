package com.kineticcasebook.projections.outcomes;

import org.apache.commons.math3.distribution.NormalDistribution;

/** The one confidence level of every figure: 95 %, two-sided. */
final class Confidence {

  /** The standard normal quantile of 0.975, as R's {@code qnorm(0.975)} gives it. */
  static final double Z = new NormalDistribution().inverseCumulativeProbability(0.975);

  private Confidence() {}
}
