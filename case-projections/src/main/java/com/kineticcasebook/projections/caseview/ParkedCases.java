package com.kineticcasebook.projections.caseview;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;

/**
 * Where the case-views projection parks the events of a case whose rows cannot be written (the
 * application keeps them in Axon's dead-letter queue), so that every other case carries on.
 */
public interface ParkedCases {

  /** Parks the events, in order, behind any events of the case that are parked already. */
  void park(String caseId, List<? extends EventMessage<?>> events, Throwable cause);

  /** Whether any event of the case is parked. */
  boolean isParked(String caseId);
}
