package com.kineticcasebook.projections.caseview;

/**
 * Thrown for an event of a case that has earlier events parked: the dead-letter queue then parks
 * this one too, so that the case's events are projected in order once they are retried.
 */
class CaseParked extends RuntimeException {

  CaseParked() {
    super("An earlier event of this case is parked in the dead-letter queue", null, false, false);
  }
}
