package com.kineticcasebook.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * Spring Security's masked CSRF tokens, except that a token which does not unmask (altered,
 * truncated, not Base64) counts as no token, so the form post is refused with the 403 page like any
 * wrong token. The stock handler lets the failure to decode the unmasked bytes escape as a 500.
 */
final class MalformedCsrfTokens implements CsrfTokenRequestHandler {

  private final XorCsrfTokenRequestAttributeHandler masked = new XorCsrfTokenRequestAttributeHandler();

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
    masked.handle(request, response, token);
  }

  @Override
  public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
    try {
      return masked.resolveCsrfTokenValue(request, token);
    } catch (IllegalArgumentException malformed) {
      return null;
    }
  }
}
