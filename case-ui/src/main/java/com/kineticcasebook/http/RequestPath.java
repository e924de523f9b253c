package com.kineticcasebook.http;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;

/**
 * The one path of a request that every filter matches on. Spring decodes and normalises the path
 * before it routes and authorises, while the raw request URI keeps the client's spelling; the two
 * could disagree ({@code /api/v1/%63ases/...} is routed as {@code /api/v1/cases/...}). So only
 * requests whose raw path is already canonical are let in ({@link CanonicalRequestFilter}), and
 * for those the raw path is the routed one.
 */
public final class RequestPath {

  /**
   * Canonical: {@code /}, or {@code /}-separated segments of ASCII letters, digits and
   * {@code - . _ ~}, none empty and none {@code .} or {@code ..}. No percent-encoding (of
   * anything: every address of the product is plain), no {@code ;} path parameters, no
   * backslashes, no doubled or trailing slashes.
   */
  private static final Pattern CANONICAL = Pattern.compile("/|(/(?!\\.{1,2}(?:/|$))[A-Za-z0-9._~-]+)+");

  private RequestPath() {}

  /** The path within the application, e.g. {@code /api/v1/cases/7c0e.../timeline}, without the query. */
  public static String of(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  static boolean isCanonical(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    return uri.startsWith(context) && CANONICAL.matcher(uri.substring(context.length())).matches();
  }
}
