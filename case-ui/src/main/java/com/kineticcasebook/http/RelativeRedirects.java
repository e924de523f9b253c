package com.kineticcasebook.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Redirects within the application are sent as paths, never as absolute URLs built from the
 * {@code Host} the client sent: a forged {@code Host} must not send a browser to another site.
 * Spring Security builds some redirects (to the sign-in page, back to the page asked for before
 * signing in) from the request's host; those are cut back to their path here, and Tomcat itself
 * is told to leave relative redirects relative ({@code server.tomcat.use-relative-redirects}).
 */
final class RelativeRedirects extends HttpServletResponseWrapper {

  private final HttpServletRequest request;

  RelativeRedirects(HttpServletRequest request, HttpServletResponse response) {
    super(response);
    this.request = request;
  }

  @Override
  public void sendRedirect(String location) throws IOException {
    super.sendRedirect(relative(location));
  }

  @Override
  public void sendRedirect(String location, boolean clearBuffer) throws IOException {
    super.sendRedirect(relative(location), clearBuffer);
  }

  @Override
  public void sendRedirect(String location, int sc) throws IOException {
    super.sendRedirect(relative(location), sc);
  }

  @Override
  public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
    super.sendRedirect(relative(location), sc, clearBuffer);
  }

  /** An absolute URL on the request's own host becomes its path, query and fragment. */
  private String relative(String location) {
    URI uri;
    try {
      uri = new URI(location);
    } catch (URISyntaxException e) {
      return location;
    }
    if (uri.getHost() == null || !uri.getHost().equalsIgnoreCase(request.getServerName())) {
      return location;
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
        + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
  }
}
