package com.kineticcasebook.problem;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds the problem bodies of the API, each with a stable type URI. */
public final class Problems {

  /** One invalid field of a request, named as in the request's JSON. */
  public record FieldError(String field, String message) {}

  private Problems() {}

  public static ProblemDetail of(HttpStatus status, String slug, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("urn:kinetic-casebook:problem:" + slug));
    problem.setTitle(title);
    return problem;
  }

  public static ProblemDetail validation(List<FieldError> errors) {
    String detail = errors.size() == 1
        ? "The field " + errors.get(0).field() + " is invalid."
        : errors.size() + " fields are invalid.";
    ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "validation", "Invalid request", detail);
    problem.setProperty("errors", errors);
    return problem;
  }

  public static ProblemDetail unauthenticated() {
    return of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
        "Send a valid bearer token: POST /api/v1/auth/tokens issues one.");
  }

  public static ProblemDetail forbidden() {
    return of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", "Your role does not allow this.");
  }

  public static ProblemDetail databaseUnavailable() {
    return of(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "Database unavailable",
        "The database cannot be reached. Nothing was recorded by this request; retry shortly.");
  }

  public static ProblemDetail notFound(String what) {
    return of(HttpStatus.NOT_FOUND, "not-found", "Not found", "No such " + what + ".");
  }
}
