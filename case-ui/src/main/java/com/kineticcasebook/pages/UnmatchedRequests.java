package com.kineticcasebook.pages;

import com.kineticcasebook.problem.ProblemWriter;
import com.kineticcasebook.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Requests that matched no page and no endpoint (an unknown path, a method a path does not take):
 * under {@code /api} they are answered with problem+json like every API error, elsewhere with the
 * 404 or error page. They have no controller, so only an advice without selectors sees them.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnmatchedRequests {

  private final ProblemWriter problems;

  UnmatchedRequests(ProblemWriter problems) {
    this.problems = problems;
  }

  @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class,
      HttpRequestMethodNotSupportedException.class})
  ModelAndView unmatched(Exception e, HttpServletRequest request, HttpServletResponse response) {
    ErrorResponse error = (ErrorResponse) e;
    HttpStatus status = HttpStatus.valueOf(error.getStatusCode().value());
    error.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
    response.setStatus(status.value());
    if (request.getRequestURI().startsWith("/api/") || request.getRequestURI().startsWith("/v3/")) {
      ProblemDetail problem = Problems.of(status, "http-" + status.value(), status.getReasonPhrase(),
          error.getBody().getDetail());
      return new ModelAndView((model, req, res) -> problems.write(res, problem));
    }
    return new ModelAndView(status == HttpStatus.NOT_FOUND ? "error/404" : "error/error",
        Map.of("status", status.value(), ErrorPages.CASE_ADDRESS, ErrorPages.isCaseAddress(request.getRequestURI())),
        status);
  }
}
