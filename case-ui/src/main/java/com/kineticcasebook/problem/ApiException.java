package com.kineticcasebook.problem;

import org.springframework.http.ProblemDetail;

/** Thrown by web code that has already decided which problem the client gets. */
public class ApiException extends RuntimeException {

  private final transient ProblemDetail problem;

  public ApiException(ProblemDetail problem) {
    super(problem.getDetail(), null, false, false);
    this.problem = problem;
  }

  public ProblemDetail problem() {
    return problem;
  }
}
