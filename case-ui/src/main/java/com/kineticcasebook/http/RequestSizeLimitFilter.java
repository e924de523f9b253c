package com.kineticcasebook.http;

import com.kineticcasebook.CasebookProperties;
import com.kineticcasebook.problem.ProblemWriter;
import com.kineticcasebook.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses JSON API bodies larger than {@code casebook.api.max-json-body-bytes} before anything
 * parses them: by their declared length, or, for chunked bodies that declare none, by reading at
 * most one byte past the limit first. Video uploads have their own, larger limit in the video store.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class RequestSizeLimitFilter extends OncePerRequestFilter {

  /** A video upload, the one API body that is not JSON: its own, larger limit applies in the video store. */
  private static final Pattern VIDEO_UPLOAD = Pattern.compile("/api/v1/cases/[^/]+/gait-recordings/[^/]+/video");

  private final ProblemWriter problems;
  private final long maxBytes;

  RequestSizeLimitFilter(ProblemWriter problems, CasebookProperties properties) {
    this.problems = problems;
    this.maxBytes = properties.api().maxJsonBodyBytes();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = RequestPath.of(request);
    return !path.startsWith("/api/") || "PUT".equals(request.getMethod()) && VIDEO_UPLOAD.matcher(path).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > maxBytes) {
      refuse(response);
      return;
    }
    if (request.getContentLengthLong() < 0) {
      // A chunked body declares no length: read it, up to one byte past the limit, before anyone parses it.
      byte[] body = request.getInputStream().readNBytes((int) maxBytes + 1);
      if (body.length > maxBytes) {
        refuse(response);
        return;
      }
      chain.doFilter(new CachedBodyRequest(request, body), response);
      return;
    }
    chain.doFilter(request, response);
  }

  private void refuse(HttpServletResponse response) throws IOException {
    problems.write(response, Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request too large",
        "A request body may have at most " + maxBytes + " bytes."));
  }
}
