package com.kineticcasebook.identity;

import com.kineticcasebook.CasebookProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Slows password guessing: after too many failed sign-ins to one account, or from one client
 * address, within the window ({@code casebook.login.*}: 5, 20 and 15 minutes by default), further
 * attempts are refused without checking the password until the window has passed. A success clears the
 * account's failures. The same rule holds for unknown usernames, so it reveals nothing.
 */
@Component
class LoginThrottle {


  /** Refusal because of too many recent failures. */
  static final class TooManyFailures extends LockedException {
    TooManyFailures() {
      super("Too many failed sign-ins");
    }
  }

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final CasebookProperties.Login limits;

  LoginThrottle(JdbcTemplate jdbc, Clock clock, CasebookProperties properties) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.limits = properties.login();
  }

  Duration window() {
    return limits.window();
  }

  /** Wraps a provider so that every password check passes through the throttle. */
  AuthenticationProvider guard(AuthenticationProvider provider) {
    return new AuthenticationProvider() {
      @Override
      public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        if (username == null || username.isEmpty() || username.length() > 100
            || username.chars().anyMatch(Character::isISOControl)) {
          // No such account can exist; refused before it reaches the database.
          throw new BadCredentialsException("Bad credentials");
        }
        String address = clientAddress();
        if (tooMany(username, address)) {
          throw new TooManyFailures();
        }
        try {
          Authentication result = provider.authenticate(authentication);
          jdbc.update("DELETE FROM login_failure WHERE username = ?", username);
          return result;
        } catch (AuthenticationException e) {
          jdbc.update("INSERT INTO login_failure (username, client_address, at) VALUES (?, ?, ?)",
              truncate(username), address, clock.instant().atOffset(ZoneOffset.UTC));
          throw e;
        }
      }

      @Override
      public boolean supports(Class<?> authentication) {
        return provider.supports(authentication);
      }
    };
  }

  private boolean tooMany(String username, String address) {
    var since = clock.instant().minus(limits.window()).atOffset(ZoneOffset.UTC);
    Integer forAccount = jdbc.queryForObject(
        "SELECT COUNT(*) FROM login_failure WHERE username = ? AND at > ?", Integer.class, truncate(username), since);
    Integer forAddress = address == null ? 0 : jdbc.queryForObject(
        "SELECT COUNT(*) FROM login_failure WHERE client_address = ? AND at > ?", Integer.class, address, since);
    return forAccount >= limits.maxFailuresPerAccount() || forAddress >= limits.maxFailuresPerAddress();
  }

  private static String clientAddress() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
        ? request.getRequest().getRemoteAddr()
        : null;
  }

  private static String truncate(String username) {
    return username == null ? "" : username.length() > 100 ? username.substring(0, 100) : username;
  }
}
