package com.kineticcasebook.http;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Every redirect is sent as a path, never as an absolute URL built from a {@code Host} some client
 * sent: a forged {@code Host} must not send a browser to another site. Spring Security builds some
 * redirects (to the sign-in page, back to the page asked for before signing in, which was saved
 * with the host of that earlier request) as absolute URLs; they are cut back to their path here.
 * The application redirects to no other site, so no absolute URL needs to survive. Tomcat itself
 * is told to leave relative redirects relative ({@code server.tomcat.use-relative-redirects}).
 */
final class RelativeRedirects extends HttpServletResponseWrapper {

  RelativeRedirects(HttpServletResponse response) {
    super(response);
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

  /** An absolute URL (or a scheme-relative {@code //host/...}) becomes its path, query and fragment. */
  private static String relative(String location) {
    URI uri;
    try {
      uri = new URI(location);
    } catch (URISyntaxException e) {
      return location;
    }
    if (uri.getRawAuthority() == null) {
      return location;
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
        + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
  }
}
