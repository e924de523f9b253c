package com.kineticcasebook.pages;

import com.kineticcasebook.patientcase.CaseRuleViolation;
import com.kineticcasebook.patientcase.InvalidCommandException;
import com.kineticcasebook.problem.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Failures of the web pages as pages: a case the user may not see is the 404 page, a refusal the
 * 403 page. Forms catch invalid input themselves, to show it next to the fields; what reaches here
 * is shown on the error page with its message. JSON endpoints keep their problem+json answers: the
 * API's handler comes first and applies to REST controllers only.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

  @ExceptionHandler(ApiException.class)
  ModelAndView decided(ApiException e, HttpServletResponse response) {
    ProblemDetail problem = e.problem();
    return page(HttpStatus.valueOf(problem.getStatus()), problem.getTitle(), problem.getDetail(), response);
  }

  @ExceptionHandler(AccessDeniedException.class)
  ModelAndView denied(HttpServletResponse response) {
    return page(HttpStatus.FORBIDDEN, null, null, response);
  }

  @ExceptionHandler(CaseRuleViolation.class)
  ModelAndView ruleViolation(CaseRuleViolation e, HttpServletResponse response) {
    return page(HttpStatus.CONFLICT, "Not allowed in the case's current state", e.getMessage(), response);
  }

  @ExceptionHandler(InvalidCommandException.class)
  ModelAndView invalid(InvalidCommandException e, HttpServletResponse response) {
    String detail = String.join("; ", FormErrors.of(e).entrySet().stream()
        .map(entry -> entry.getKey() + " " + entry.getValue()).toList());
    return page(HttpStatus.BAD_REQUEST, "Some fields need attention", detail, response);
  }

  private static ModelAndView page(HttpStatus status, String title, String detail, HttpServletResponse response) {
    response.setStatus(status.value());
    String view = switch (status) {
      case FORBIDDEN -> "error/403";
      case NOT_FOUND -> "error/404";
      default -> "error/error";
    };
    ModelAndView page = new ModelAndView(view, Map.of("status", status.value()), status);
    if (title != null) {
      page.addObject("title", title);
    }
    if (detail != null) {
      page.addObject("detail", detail);
    }
    return page;
  }
}
