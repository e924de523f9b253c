package com.kineticcasebook.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a web session's user in step with the user tables: a session whose user was disabled is
 * ended and sent to the sign-in page; a session whose user's roles or clinics changed carries the
 * new ones from this request on, so a removed role or clinic is refused at once. The session holds
 * the user as they were at sign-in; {@link UserStanding} says how they stand now.
 */
final class SessionRevocationFilter extends OncePerRequestFilter {

  private final UserStanding standing;
  private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
  private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

  SessionRevocationFilter(UserStanding standing) {
    this.standing = standing;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = contexts.getContext().getAuthentication();
    if (authentication == null || !(authentication.getPrincipal() instanceof CasebookUser signedIn)) {
      chain.doFilter(request, response);
      return;
    }
    Optional<CasebookUser> now;
    try {
      now = standing.current(signedIn.id());
    } catch (DataAccessException e) {
      // Whether the user may still act cannot be known: refuse, as the API does with a 503.
      response.setHeader("Retry-After", "5");
      response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      return;
    }
    if (now.isEmpty()) {
      contexts.clearContext();
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
      response.sendRedirect(request.getContextPath() + "/login?revoked");
      return;
    }
    if (!now.get().equals(signedIn)) {
      UsernamePasswordAuthenticationToken updated =
          UsernamePasswordAuthenticationToken.authenticated(now.get(), null, now.get().getAuthorities());
      updated.setDetails(authentication.getDetails());
      SecurityContext context = contexts.createEmptyContext();
      context.setAuthentication(updated);
      contexts.setContext(context);
      sessions.saveContext(context, request, response);
    }
    chain.doFilter(request, response);
  }
}
