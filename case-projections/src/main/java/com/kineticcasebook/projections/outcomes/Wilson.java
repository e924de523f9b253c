package com.kineticcasebook.projections.outcomes;

import com.kineticcasebook.outcomes.ConfidenceInterval;

/**
 * The Wilson score interval of a share: unlike the textbook p ± 1.96·SE, it stays inside 0..1 and
 * keeps a sensible width for 2 of 2 or 0 of 5, which is what a small clinic's rows look like. It is
 * R's {@code prop.test(x, n, correct = FALSE)$conf.int}.
 */
final class Wilson {

  private Wilson() {}

  /** Null when there are no trials: a share of nothing has no interval either. */
  static ConfidenceInterval interval(int successes, int trials) {
    if (trials == 0) {
      return null;
    }
    double z2 = Confidence.Z * Confidence.Z;
    double share = (double) successes / trials;
    double centre = (share + z2 / (2.0 * trials)) / (1.0 + z2 / trials);
    double halfWidth = Confidence.Z / (1.0 + z2 / trials)
        * Math.sqrt(share * (1.0 - share) / trials + z2 / (4.0 * trials * trials));
    return new ConfidenceInterval(Math.max(0.0, centre - halfWidth), Math.min(1.0, centre + halfWidth));
  }
}
