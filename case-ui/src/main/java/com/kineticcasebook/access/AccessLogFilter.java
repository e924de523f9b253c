package com.kineticcasebook.access;

import com.kineticcasebook.eventstore.EventMetadata;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records every request that reads or changes clinical data (cases, audit replays, dashboards and
 * their exports, break-glass grants), through the JSON API or the web pages, in the access log once it has been answered, allowed or
 * refused, with who asked, from where, for which case, and whether break-glass was used. It runs
 * outside Spring Security, so requests refused there are logged too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class AccessLogFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(AccessLogFilter.class);
  private static final Pattern LOGGED = Pattern.compile("(/api/v1)?/(cases|audit|dashboards|break-glass)(/.*)?");
  private static final Pattern UUID_SEGMENT =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern CASE_IN_PATH = Pattern.compile("/cases/(" + UUID_SEGMENT.pattern() + ")");
  private static final Pattern CASE_IN_QUERY = Pattern.compile("(?:^|&)caseId=(" + UUID_SEGMENT.pattern() + ")");

  private final AccessLog accessLog;
  private final Clock clock;
  private final RequestAttributeSecurityContextRepository contexts = new RequestAttributeSecurityContextRepository();

  AccessLogFilter(AccessLog accessLog, Clock clock) {
    this.accessLog = accessLog;
    this.clock = clock;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !LOGGED.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    int status = 500;
    try {
      chain.doFilter(request, response);
      status = response.getStatus();
    } finally {
      record(request, response, status);
    }
  }

  private void record(HttpServletRequest request, HttpServletResponse response, int status) {
    try {
      CasebookUser user = user(request);
      Object clinic = request.getAttribute(EventMetadata.AUTHORISED_CLINIC_ATTRIBUTE);
      Object reason = request.getAttribute(BreakGlass.REASON_ATTRIBUTE);
      Object correlation = request.getAttribute(EventMetadata.CORRELATION_ID_ATTRIBUTE);
      accessLog.append(new AccessLog.Entry(clock.instant(),
          user == null ? null : user.id(), user == null ? null : user.username(),
          user == null ? null : user.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
          caseOf(request, response), clinic == null ? null : UUID.fromString(clinic.toString()),
          action(request), request.getRemoteAddr(), outcome(status), status, reason != null,
          reason == null ? null : reason.toString(), correlation == null ? null : correlation.toString()));
    } catch (RuntimeException e) {
      // The answer has been given; losing its log line is reported loudly rather than hidden.
      log.error("Could not write the access log for a {} request", request.getMethod(), e);
    }
  }

  private CasebookUser user(HttpServletRequest request) {
    SecurityContext context = contexts.loadDeferredContext(request).get();
    Authentication authentication = context == null ? null : context.getAuthentication();
    return authentication != null && authentication.getPrincipal() instanceof CasebookUser user ? user : null;
  }

  /** The method and the path with ids replaced, e.g. {@code POST /api/v1/cases/{id}/injuries}. */
  private static String action(HttpServletRequest request) {
    String path = UUID_SEGMENT.matcher(request.getRequestURI()).replaceAll("{id}");
    return request.getMethod() + " " + (path.length() > 180 ? path.substring(0, 180) : path);
  }

  private static UUID caseOf(HttpServletRequest request, HttpServletResponse response) {
    Matcher inPath = CASE_IN_PATH.matcher(request.getRequestURI());
    if (inPath.find()) {
      return UUID.fromString(inPath.group(1));
    }
    String location = response.getHeader("Location");
    if (location != null) {
      Matcher opened = CASE_IN_PATH.matcher(location);
      if (opened.find()) {
        return UUID.fromString(opened.group(1));
      }
    }
    String query = request.getQueryString();
    if (query != null) {
      Matcher inQuery = CASE_IN_QUERY.matcher(query);
      if (inQuery.find()) {
        return UUID.fromString(inQuery.group(1));
      }
    }
    return null;
  }

  private static AccessLog.Outcome outcome(int status) {
    if (status >= 500) {
      return AccessLog.Outcome.FAILED;
    }
    return status >= 400 ? AccessLog.Outcome.REFUSED : AccessLog.Outcome.ALLOWED;
  }
}
