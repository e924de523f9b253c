package com.kineticcasebook.outcomes;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Whether a secondary was linked to its primary only after it had cleared. A link stated in
 * hindsight cannot test the hypothesis (the outcome was already known when it was made), so such a
 * secondary is left out of every outcome figure and only counted.
 *
 * <p>The link of secondary S to primary P began with the earliest live hypothesis that names S as a
 * secondary of P: revising the hypothesis later, with the same primary, does not move it. A
 * hypothesis naming another primary is another link, with its own beginning.
 */
public final class Hindsight {

  /** One hypothesis of the case as stated; one entered in error states nothing. */
  public record Statement(UUID primaryInjuryId, List<UUID> secondaryInjuryIds, LocalDate hypothesisedOn,
      boolean enteredInError) {

    boolean links(UUID primary, UUID secondary) {
      return !enteredInError && primaryInjuryId.equals(primary) && secondaryInjuryIds.contains(secondary);
    }
  }

  private Hindsight() {}

  /**
   * Decides for one secondary of the current hypothesis.
   *
   * @param resolvedOn the secondary's live resolution, null while it is open (an open secondary is
   *     never linked in hindsight)
   * @param hypotheses the case's hypotheses, in any order
   * @return true when every live hypothesis linking it to {@code primary} is dated after {@code resolvedOn}
   */
  public static boolean linkedAfterClearance(UUID primary, UUID secondary, LocalDate resolvedOn,
      List<Statement> hypotheses) {
    if (resolvedOn == null) {
      return false;
    }
    return hypotheses.stream()
        .filter(hypothesis -> hypothesis.links(primary, secondary))
        .map(Statement::hypothesisedOn)
        .min(LocalDate::compareTo)
        .map(linkedOn -> linkedOn.isAfter(resolvedOn))
        .orElse(false);
  }
}
