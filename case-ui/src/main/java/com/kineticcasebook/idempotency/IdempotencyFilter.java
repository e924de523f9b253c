package com.kineticcasebook.idempotency;

import com.kineticcasebook.CasebookProperties;
import com.kineticcasebook.access.CasebookUser;
import com.kineticcasebook.eventstore.EventMetadata;
import com.kineticcasebook.http.CachedBodyRequest;
import com.kineticcasebook.http.RequestPath;
import com.kineticcasebook.integrity.Sha256;
import com.kineticcasebook.problem.ProblemWriter;
import com.kineticcasebook.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes every recording {@code POST} under {@code /api/v1/cases} idempotent when it carries an
 * {@code Idempotency-Key}. The key (per user) is claimed, the request runs, and its response is
 * saved, all in one transaction with the events the request appended: a concurrent duplicate
 * waits for the first and then replays its response; a request that failed leaves no claim; the
 * same key with another body is refused with 422.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 100)
class IdempotencyFilter extends OncePerRequestFilter {

  static final String HEADER = "Idempotency-Key";

  private final IdempotencyRecords records;
  private final TransactionTemplate transactions;
  private final ProblemWriter problems;
  private final int maxBodyBytes;

  IdempotencyFilter(IdempotencyRecords records, TransactionTemplate transactions, ProblemWriter problems,
      CasebookProperties properties) {
    this.records = records;
    this.transactions = transactions;
    this.problems = problems;
    this.maxBodyBytes = properties.api().maxJsonBodyBytes();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || !RequestPath.of(request).startsWith("/api/v1/cases")
        || request.getHeader(HEADER) == null;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<UUID> user = currentUser();
    if (user.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    String key = request.getHeader(HEADER);
    if (!IdempotencyRecords.valid(key)) {
      problems.write(response, Problems.validation(List.of(new Problems.FieldError(HEADER,
          "must be 1 to 255 visible ASCII characters"))));
      return;
    }
    byte[] body = readBody(request);
    if (body == null) {
      problems.write(response, Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request too large",
          "A request body may have at most " + maxBodyBytes + " bytes."));
      return;
    }
    String requestHash = hash(request.getMethod() + " " + RequestPath.of(request) + "\n", body);
    request.setAttribute(EventMetadata.IDEMPOTENCY_KEY_ATTRIBUTE, key);
    ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
    IdempotencyRecords.Earlier earlier = transactions.execute(tx -> {
      Optional<IdempotencyRecords.Earlier> held = records.claim(user.get(), key, requestHash);
      if (held.isPresent()) {
        return held.get();
      }
      try {
        chain.doFilter(new CachedBodyRequest(request, body), captured);
      } catch (IOException | ServletException e) {
        throw new IllegalStateException(e);
      }
      if (captured.getStatus() / 100 == 2) {
        records.complete(user.get(), key, captured.getStatus(), captured.getContentType(),
            captured.getHeader("Location"), positionOf(captured),
            new String(captured.getContentAsByteArray(), StandardCharsets.UTF_8));
      } else {
        tx.setRollbackOnly();
      }
      return null;
    });
    if (earlier == null) {
      captured.copyBodyToResponse();
    } else if (!earlier.requestHash().equals(requestHash)) {
      problems.write(response, Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
          "Idempotency-Key already used", "This Idempotency-Key was used for a different request."));
    } else {
      replay(earlier, response);
    }
  }

  /** The body, or null when it is larger than the limit. */
  private byte[] readBody(HttpServletRequest request) throws IOException {
    byte[] body = request.getInputStream().readNBytes(maxBodyBytes + 1);
    return body.length > maxBodyBytes ? null : body;
  }

  private static void replay(IdempotencyRecords.Earlier saved, HttpServletResponse response) throws IOException {
    response.setStatus(saved.status());
    response.setHeader("Idempotent-Replayed", "true");
    if (saved.contentType() != null) {
      response.setContentType(saved.contentType());
    }
    if (saved.location() != null) {
      response.setHeader("Location", saved.location());
    }
    if (saved.eventPosition() != null) {
      response.setHeader("X-Event-Position", saved.eventPosition().toString());
    }
    if (saved.body() != null) {
      response.getOutputStream().write(saved.body().getBytes(StandardCharsets.UTF_8));
    }
  }

  private static Long positionOf(HttpServletResponse response) {
    String position = response.getHeader("X-Event-Position");
    return position == null ? null : Long.valueOf(position);
  }

  private static Optional<UUID> currentUser() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.getPrincipal() instanceof CasebookUser user
        ? Optional.of(user.id())
        : Optional.empty();
  }

  private static String hash(String prefix, byte[] body) {
    return Sha256.hex(prefix.getBytes(StandardCharsets.UTF_8), body);
  }

}
