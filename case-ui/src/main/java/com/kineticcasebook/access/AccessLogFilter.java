package com.kineticcasebook.access;

import com.kineticcasebook.eventstore.EventMetadata;
import com.kineticcasebook.http.RequestPath;
import com.kineticcasebook.patientcase.CanonicalUuid;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records every request that reads or changes clinical data (cases, audit replays, dashboards and
 * their exports, break-glass grants), through the JSON API or the web pages, in the access log once it has been answered, allowed or
 * refused, with who asked, from where, for which case, and whether break-glass was used. It runs
 * outside Spring Security, so requests refused there are logged too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class AccessLogFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(AccessLogFilter.class);
  private static final Pattern LOGGED = Pattern.compile("(/api/v1)?/(cases|audit|dashboards|break-glass)(/.*)?");
  private static final Pattern UUID_SEGMENT =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern CASE_IN_PATH = Pattern.compile("/cases/(" + UUID_SEGMENT.pattern() + ")(?:/|$|[?#])");
  private static final Pattern VIDEO = Pattern.compile("(/api/v1)?/cases/[^/]+/gait-recordings/[^/]+/video");
  private static final Pattern RANGE_FROM_START =
      Pattern.compile("\\s*bytes\\s*=\\s*0+\\s*-.*", Pattern.CASE_INSENSITIVE);
  private static final Pattern SIGN_IN = Pattern.compile("(https?://[^/]*)?/login([?#].*)?");
  /** A video's later range requests within this time belong to the playback already logged. */
  private static final Duration PLAYBACK = Duration.ofMinutes(30);

  private final AccessLog accessLog;
  private final Clock clock;
  /** A bearer token's context is left on the request; a signed-in page's is in the HTTP session. */
  private final SecurityContextRepository apiContexts = new RequestAttributeSecurityContextRepository();
  private final SecurityContextRepository pageContexts = new DelegatingSecurityContextRepository(
      new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

  AccessLogFilter(AccessLog accessLog, Clock clock) {
    this.accessLog = accessLog;
    this.clock = clock;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !LOGGED.matcher(RequestPath.of(request)).matches();
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
      AccessLog.Entry entry = new AccessLog.Entry(clock.instant(),
          user == null ? null : user.id(), user == null ? null : user.username(),
          user == null ? null : user.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
          caseOf(request, response), clinic == null ? null : UUID.fromString(clinic.toString()),
          action(request), request.getRemoteAddr(), outcome(status, response), status, reason != null,
          reason == null ? null : reason.toString(), correlation == null ? null : correlation.toString());
      if (!continuesLoggedPlayback(request, entry)) {
        accessLog.append(entry);
      }
    } catch (RuntimeException e) {
      // The answer has been given; losing its log line is reported loudly rather than hidden.
      log.error("Could not write the access log for a {} request", request.getMethod(), e);
    }
  }

  /**
   * A video player fetches one playback in many range requests. A request that starts the video
   * (no {@code Range}, or one from byte 0) is always logged; a later range of an allowed playback
   * is not, if the same user's playback of this case's video is already in the log within
   * {@link #PLAYBACK}. A range request with no such row (a client that skips byte 0) is logged.
   */
  private boolean continuesLoggedPlayback(HttpServletRequest request, AccessLog.Entry entry) {
    String range = request.getHeader(HttpHeaders.RANGE);
    if (!"GET".equals(request.getMethod()) || range == null || RANGE_FROM_START.matcher(range).matches()
        || entry.outcome() != AccessLog.Outcome.ALLOWED || entry.userId() == null || entry.caseId() == null
        || !VIDEO.matcher(RequestPath.of(request)).matches()) {
      return false;
    }
    return accessLog.hasAllowedSince(entry.caseId(), entry.userId(), entry.action(), entry.at().minus(PLAYBACK));
  }

  /** The user the request was decided for: the API never reads the session, so neither does its row. */
  private CasebookUser user(HttpServletRequest request) {
    SecurityContextRepository contexts = RequestPath.of(request).startsWith("/api/") ? apiContexts : pageContexts;
    SecurityContext context = contexts.loadDeferredContext(request).get();
    Authentication authentication = context == null ? null : context.getAuthentication();
    return authentication != null && authentication.getPrincipal() instanceof CasebookUser user ? user : null;
  }

  /** The method and the path with ids replaced, e.g. {@code POST /api/v1/cases/{id}/injuries}. */
  private static String action(HttpServletRequest request) {
    String path = UUID_SEGMENT.matcher(RequestPath.of(request)).replaceAll("{id}");
    return request.getMethod() + " " + (path.length() > 180 ? path.substring(0, 180) : path);
  }

  /**
   * The case the request concerns: named in its path, in the {@code Location} of the case it
   * opened, in a {@code caseId} query parameter, or in the body of a break-glass grant. Ids are
   * logged in lower case whatever case the client wrote them in.
   */
  private static UUID caseOf(HttpServletRequest request, HttpServletResponse response) {
    Matcher inPath = CASE_IN_PATH.matcher(RequestPath.of(request));
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
    if (request.getAttribute(BreakGlass.CASE_ATTRIBUTE) instanceof UUID granted) {
      return granted;
    }
    String[] asked = request.getParameterMap().get("caseId");
    // The first value, as Spring binds it.
    if (asked != null && asked.length > 0 && CanonicalUuid.isCanonical(asked[0])) {
      return UUID.fromString(asked[0]);
    }
    return null;
  }

  /** A page request sent to sign in first was refused, though its status is a redirect. */
  private static AccessLog.Outcome outcome(int status, HttpServletResponse response) {
    if (status >= 500) {
      return AccessLog.Outcome.FAILED;
    }
    String location = response.getHeader("Location");
    boolean toSignIn = status / 100 == 3 && location != null && SIGN_IN.matcher(location).matches();
    return status >= 400 || toSignIn ? AccessLog.Outcome.REFUSED : AccessLog.Outcome.ALLOWED;
  }
}
