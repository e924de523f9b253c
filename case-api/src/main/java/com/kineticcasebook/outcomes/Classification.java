package com.kineticcasebook.outcomes;

import java.time.LocalDate;

/**
 * What became of a secondary injury of a case's hypothesis, set against the earliest start of a
 * treatment of its primary (tP). This is the question the product exists to answer: did the
 * secondary clear once the primary was treated, without a treatment of its own?
 */
public enum Classification {
  /** It resolved on or after tP, and no treatment ever targeted it. */
  CLEARED_AFTER_PRIMARY_TREATMENT,
  /** It resolved, and some treatment targeted it: that treatment is the nearer explanation, whenever it cleared. */
  CLEARED_WITH_DIRECT_TREATMENT,
  /** It resolved without a treatment of its own, but before tP, or the primary was never treated. */
  CLEARED_BEFORE_PRIMARY_TREATMENT,
  /** It is still open. */
  UNRESOLVED;

  /**
   * Classifies one secondary.
   *
   * @param resolvedOn its live resolution's clinical date, null while it is open
   * @param directlyTreated whether any live treatment targeted it
   * @param primaryTreatedOn tP, null if the primary was never treated
   */
  public static Classification of(LocalDate resolvedOn, boolean directlyTreated, LocalDate primaryTreatedOn) {
    if (resolvedOn == null) {
      return UNRESOLVED;
    }
    if (directlyTreated) {
      return CLEARED_WITH_DIRECT_TREATMENT;
    }
    if (primaryTreatedOn == null || resolvedOn.isBefore(primaryTreatedOn)) {
      return CLEARED_BEFORE_PRIMARY_TREATMENT;
    }
    return CLEARED_AFTER_PRIMARY_TREATMENT;
  }
}
