package com.kineticcasebook.http;

import com.kineticcasebook.problem.ProblemWriter;
import com.kineticcasebook.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The front door: a request whose path is not in its one canonical spelling (see
 * {@link RequestPath#isCanonical}) is refused with 400 before any filter that looks at paths (only
 * the correlation id is given first), the security chain or a handler sees it, so the access log,
 * the size limit, idempotency, the access rules and the router all see one and the same path. Under {@code /api}, {@code /v3} and
 * {@code /actuator} the refusal is problem+json, elsewhere the error page. Every response's
 * redirects are also kept free of any host a client named ({@link RelativeRedirects}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class CanonicalRequestFilter extends OncePerRequestFilter {

  private final ProblemWriter problems;

  CanonicalRequestFilter(ProblemWriter problems) {
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!RequestPath.isCanonical(request)) {
      refuse(request, response);
      return;
    }
    chain.doFilter(request, new RelativeRedirects(response));
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
    // Classified by the path as the container decoded and normalised it, as the router would read it.
    String routed = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    if (routed.startsWith("/api/") || routed.startsWith("/v3/") || routed.startsWith("/actuator/")) {
      problems.write(response, Problems.validation(List.of(new Problems.FieldError("path",
          "is not a valid address: write it without percent-encoding, dot segments, empty segments, "
              + "path parameters or backslashes"))));
      return;
    }
    response.sendError(HttpServletResponse.SC_BAD_REQUEST);
  }
}
