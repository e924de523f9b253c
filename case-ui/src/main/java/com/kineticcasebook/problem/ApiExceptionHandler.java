package com.kineticcasebook.problem;

import com.kineticcasebook.patientcase.CaseRuleViolation;
import com.kineticcasebook.patientcase.InvalidCommandException;
import com.kineticcasebook.patientcase.OpenInjuriesAtClosure;
import java.util.Arrays;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Maps every failure of the JSON API to problem+json: bad input to 400 with the fields named,
 * rules the case's state forbids to 409, and anything unexpected to a 500 that reveals nothing. It
 * also answers requests that found no handler at all (an unknown path, a wrong method). Web pages
 * have their own handler, which comes first.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> decided(ApiException e) {
    return respond(e.problem());
  }

  @ExceptionHandler(InvalidCommandException.class)
  ResponseEntity<ProblemDetail> invalidCommand(InvalidCommandException e) {
    return respond(Problems.validation(
        e.violations().stream().map(v -> new Problems.FieldError(v.field(), v.message())).toList()));
  }

  @ExceptionHandler(CaseRuleViolation.class)
  ResponseEntity<ProblemDetail> ruleViolation(CaseRuleViolation e) {
    return respond(Problems.of(HttpStatus.CONFLICT, "case-rule", "Not allowed in the case's current state", e.getMessage()));
  }

  /** The open injuries are listed so that a client can show them before asking to close anyway. */
  @ExceptionHandler(OpenInjuriesAtClosure.class)
  ResponseEntity<ProblemDetail> openInjuriesAtClosure(OpenInjuriesAtClosure e) {
    ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "open-injuries-at-closure", "The case has open injuries",
        e.getMessage() + " Send closeOpenInjuriesAsUnresolved: true to close it with them unresolved.");
    problem.setProperty("openInjuryIds", e.openInjuryIds().stream().map(id -> id.value().toString()).toList());
    return respond(problem);
  }

  @ExceptionHandler(ConcurrencyException.class)
  ResponseEntity<ProblemDetail> concurrentChange(ConcurrencyException e) {
    return respond(Problems.of(HttpStatus.CONFLICT, "concurrent-change", "The case changed at the same moment",
        "Another change to this case was recorded at the same moment. Reload the case and try again."));
  }

  @ExceptionHandler(AggregateNotFoundException.class)
  ResponseEntity<ProblemDetail> caseNotFound(AggregateNotFoundException e) {
    return respond(Problems.notFound("case"));
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e) {
    return respond(Problems.forbidden());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> badPathOrParameter(MethodArgumentTypeMismatchException e) {
    return respond(Problems.validation(List.of(new Problems.FieldError(e.getName(), "has the wrong format"))));
  }

  /** The database cannot be reached: nothing was recorded, and the client may retry (with its Idempotency-Key). */
  @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
      TransientDataAccessException.class})
  ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
    log.warn("Database unavailable: {}", e.getClass().getSimpleName());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
        .body(Problems.databaseUnavailable());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    if (DatabaseFailures.isUnavailable(e)) {
      return databaseUnavailable(e);
    }
    // The exception class and stack go to the log, never to the client.
    log.error("Unhandled failure", e);
    return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
        "The request could not be completed. Nothing was recorded by it."));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return problemResponse(Problems.validation(List.of(describe(e.getCause()))));
  }

  @Override
  protected ResponseEntity<Object> createResponseEntity(
      Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
    // Spring's own MVC errors (405, 406, 415, ...) keep their status but get our body shape.
    if (body instanceof ProblemDetail problem
        && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
      problem.setType(java.net.URI.create("urn:kinetic-casebook:problem:http-" + statusCode.value()));
    }
    return super.createResponseEntity(body, headers, statusCode, request);
  }

  private static Problems.FieldError describe(Throwable cause) {
    if (cause instanceof UnrecognizedPropertyException unknown) {
      return new Problems.FieldError(path(unknown), "is not a field of this request");
    }
    if (cause instanceof InvalidFormatException format && format.getTargetType() != null
        && format.getTargetType().isEnum()) {
      String allowed = String.join(", ",
          Arrays.stream(format.getTargetType().getEnumConstants()).map(Object::toString).toList());
      return new Problems.FieldError(path(format), "must be one of " + allowed);
    }
    if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      return new Problems.FieldError(path(mismatch), "has the wrong type or format");
    }
    if (cause instanceof JacksonException json && !json.getPath().isEmpty()) {
      return new Problems.FieldError(path(json), "has the wrong type or format");
    }
    return new Problems.FieldError("body", "is missing or is not valid JSON");
  }

  private static String path(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference reference : e.getPath()) {
      if (reference.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }

  private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus()).body(problem);
  }

  private static ResponseEntity<Object> problemResponse(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus()).body(problem);
  }
}
