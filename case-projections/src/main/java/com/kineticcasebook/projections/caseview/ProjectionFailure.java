package com.kineticcasebook.projections.caseview;

import org.springframework.core.NestedExceptionUtils;

/**
 * Why a case could not be projected, as kept with its parked events: the innermost cause's type
 * and message only, never the statement with the case's values that a JDBC exception carries.
 */
class ProjectionFailure extends RuntimeException {

  private static final int MAX_MESSAGE = 500;

  ProjectionFailure(Throwable cause) {
    super(describe(NestedExceptionUtils.getMostSpecificCause(cause)), null, false, false);
  }

  private static String describe(Throwable cause) {
    String message = cause.getClass().getSimpleName() + ": " + cause.getMessage();
    return message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message;
  }
}
