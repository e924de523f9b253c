package com.kineticcasebook.generator;

import java.time.LocalDate;

/**
 * One planned command of a case, placed on the case's clinical calendar.
 *
 * @param date the day the clinician records it, which orders the case (not always the command's own
 *     date: an injury is reported on the day the case opens, though its onset lies before)
 * @param phase orders steps of the same day so the rules hold (an injury is reported before a
 *     hypothesis names it, a treatment starts before its injury resolves)
 * @param seq creation order: the last tie-breaker and the step's identity
 * @param command the case-api command, or null for a mark in error
 * @param markedSeq for a mark in error, the {@code seq} of the step it marks; otherwise -1
 * @param reason for a mark in error, why; otherwise null
 */
record Step(LocalDate date, int phase, int seq, Object command, int markedSeq, String reason) {

  boolean isMark() {
    return command == null;
  }
}
