package com.kineticcasebook.pages;

import com.kineticcasebook.patientcase.CaseRuleViolation;
import com.kineticcasebook.patientcase.InvalidCommandException;
import com.kineticcasebook.problem.ApiException;
import com.kineticcasebook.problem.DatabaseFailures;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.ModelAndView;

/**
 * Failures of the web pages as pages: a case the user may not see is the 404 page, a refusal the
 * 403 page, anything unexpected a 500 page that reveals nothing. Forms catch invalid input
 * themselves, to show it next to the fields; what reaches here is shown on the error page. It
 * applies to {@link PageController}s only and comes before the API's problem+json handler.
 */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(PageExceptionHandler.class);

  @ExceptionHandler(ApiException.class)
  ModelAndView decided(ApiException e, HttpServletResponse response) {
    ProblemDetail problem = e.problem();
    return page(HttpStatus.valueOf(problem.getStatus()), problem.getTitle(), problem.getDetail(), response);
  }

  @ExceptionHandler(AccessDeniedException.class)
  ModelAndView denied(HttpServletResponse response) {
    return page(HttpStatus.FORBIDDEN, null, null, response);
  }

  @ExceptionHandler(AggregateNotFoundException.class)
  ModelAndView noSuchCase(HttpServletResponse response) {
    return page(HttpStatus.NOT_FOUND, null, "No such case.", response);
  }

  @ExceptionHandler(CaseRuleViolation.class)
  ModelAndView ruleViolation(CaseRuleViolation e, HttpServletResponse response) {
    return page(HttpStatus.CONFLICT, "Not allowed in the case's current state", e.getMessage(), response);
  }

  @ExceptionHandler(ConcurrencyException.class)
  ModelAndView concurrentChange(HttpServletResponse response) {
    return page(HttpStatus.CONFLICT, "The case changed at the same moment",
        "Another change to this case was recorded at the same moment. Go back, reload the case and try again.",
        response);
  }

  @ExceptionHandler(InvalidCommandException.class)
  ModelAndView invalid(InvalidCommandException e, HttpServletResponse response) {
    String detail = String.join("; ", FormErrors.of(e).entrySet().stream()
        .map(entry -> entry.getKey() + " " + entry.getValue()).toList());
    return page(HttpStatus.BAD_REQUEST, "Some fields need attention", detail, response);
  }

  @ExceptionHandler({TypeMismatchException.class, HttpMessageNotReadableException.class})
  ModelAndView malformed(HttpServletResponse response) {
    return page(HttpStatus.BAD_REQUEST, "That address or form is not valid", null, response);
  }

  @ExceptionHandler(Exception.class)
  ModelAndView unexpected(Exception e, HttpServletResponse response) {
    if (e instanceof ErrorResponse springError) {
      // Spring's own request errors (a missing parameter, a wrong method) keep their status.
      return page(HttpStatus.valueOf(springError.getStatusCode().value()), null, null, response);
    }
    if (DatabaseFailures.isUnavailable(e)) {
      log.warn("Database unavailable: {}", e.getClass().getSimpleName());
      response.setHeader("Retry-After", "5");
      return page(HttpStatus.SERVICE_UNAVAILABLE, "The database cannot be reached",
          "Nothing was recorded by this request. Try again in a moment.", response);
    }
    // The exception class and stack go to the log, never to the page.
    log.error("Unhandled failure of a page", e);
    return page(HttpStatus.INTERNAL_SERVER_ERROR, null, null, response);
  }

  private static String currentPath() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
        ? attributes.getRequest().getRequestURI() : "";
  }

  private static ModelAndView page(HttpStatus status, String title, String detail, HttpServletResponse response) {
    response.setStatus(status.value());
    String view = switch (status) {
      case FORBIDDEN -> "error/403";
      case NOT_FOUND -> "error/404";
      default -> "error/error";
    };
    ModelAndView page = new ModelAndView(view, Map.of("status", status.value()), status);
    page.addObject(ErrorPages.CASE_ADDRESS, ErrorPages.isCaseAddress(currentPath()));
    if (title != null) {
      page.addObject(ErrorPages.HEADING, title);
    }
    if (detail != null) {
      page.addObject("detail", detail);
    }
    return page;
  }
}
