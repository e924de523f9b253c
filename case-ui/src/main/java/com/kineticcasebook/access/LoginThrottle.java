package com.kineticcasebook.access;

import com.kineticcasebook.CasebookProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
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
 * Slows password guessing, for every way of signing in (the login form and the token endpoint
 * share one {@code AuthenticationManager}, whose only provider this wraps). Failed sign-ins are
 * counted in the database, so the limits hold across nodes, over a sliding window
 * ({@code casebook.login.window}). Two rules refuse a sign-in without checking the password:
 *
 * <ul>
 *   <li>an address with too many failures (any accounts) is refused, whatever account it names;
 *   <li>an account with too many failures (any addresses) is refused to the addresses that have
 *       themselves failed on it, counted from their own latest failure. An address that has not
 *       failed on the account still gets its attempt, so failures from elsewhere cannot lock the
 *       account's owner out, and a failed address waits no longer than the longest refusal.
 * </ul>
 *
 * A refusal lasts {@code first-refusal} after the latest failure, doubling with each further
 * failure over the limit up to {@code longest-refusal}. Refused attempts are not failures, so
 * waiting out a refusal is the only way on. A success clears the failures of that account from
 * that address. Unknown usernames are counted and refused exactly like known ones, so the
 * throttle reveals nothing about which accounts exist.
 */
@Component
class LoginThrottle {

  /** Refusal because of too many recent failures; {@code retryAfter} says for how long. */
  static final class TooManyFailures extends LockedException {
    private final Duration retryAfter;

    TooManyFailures(Duration retryAfter) {
      super("Too many failed sign-ins");
      this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
      return retryAfter;
    }

    /** Whole seconds, rounded up, as {@code Retry-After} wants them. */
    long retryAfterSeconds() {
      return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /** The wait in words for people: whole minutes, rounded up. */
    String inWords() {
      long minutes = Math.max(1, (retryAfterSeconds() + 59) / 60);
      return "Too many failed sign-ins for this account or address. Try again in " + minutes
          + (minutes == 1 ? " minute." : " minutes.");
    }
  }

  /**
   * The failures within the window that concern one attempt.
   *
   * @param account failures of the account, from any address
   * @param pair failures of the account from this address; {@code pairLatest} the newest of them
   * @param address failures from this address, for any account; {@code addressLatest} the newest
   */
  record Failures(int account, int pair, Instant pairLatest, int address, Instant addressLatest) {}

  private static final int MAX_USERNAME = 100;
  private static final int MAX_ADDRESS = 64;

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final CasebookProperties.Login limits;

  LoginThrottle(JdbcTemplate jdbc, Clock clock, CasebookProperties properties) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.limits = properties.login();
  }

  /** Wraps a provider so that every password check passes through the throttle. */
  AuthenticationProvider guard(AuthenticationProvider provider) {
    return new AuthenticationProvider() {
      @Override
      public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        if (username == null || username.isEmpty() || username.length() > MAX_USERNAME
            || username.chars().anyMatch(Character::isISOControl)) {
          // No such account can exist; refused before it reaches the database.
          throw new BadCredentialsException("Bad credentials");
        }
        String address = clientAddress();
        Instant now = clock.instant();
        Optional<Duration> refusal = refusal(failures(username, address, now), now, limits);
        if (refusal.isPresent()) {
          throw new TooManyFailures(refusal.get());
        }
        try {
          Authentication result = provider.authenticate(authentication);
          jdbc.update("DELETE FROM login_failure WHERE username = ? AND client_address = ?", username, address);
          return result;
        } catch (AuthenticationException e) {
          recordFailure(username, address, now);
          throw e;
        }
      }

      @Override
      public boolean supports(Class<?> authentication) {
        return provider.supports(authentication);
      }
    };
  }

  /** How much longer an attempt with these failures must wait, if it must. */
  static Optional<Duration> refusal(Failures failures, Instant now, CasebookProperties.Login limits) {
    Instant until = null;
    if (failures.address() >= limits.maxFailuresPerAddress()) {
      until = failures.addressLatest().plus(delay(failures.address() - limits.maxFailuresPerAddress(), limits));
    }
    if (failures.pair() > 0 && failures.account() >= limits.maxFailuresPerAccount()) {
      Instant forAccount =
          failures.pairLatest().plus(delay(failures.account() - limits.maxFailuresPerAccount(), limits));
      until = until == null || forAccount.isAfter(until) ? forAccount : until;
    }
    return until != null && until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
  }

  /** The first refusal, doubled for each failure beyond the limit, never longer than the longest. */
  private static Duration delay(int beyondLimit, CasebookProperties.Login limits) {
    Duration delay = limits.firstRefusal();
    for (int i = 0; i < beyondLimit && delay.compareTo(limits.longestRefusal()) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(limits.longestRefusal()) < 0 ? delay : limits.longestRefusal();
  }

  private Failures failures(String username, String address, Instant now) {
    return jdbc.queryForObject(
        """
        SELECT COUNT(CASE WHEN username = ? THEN 1 END),
               COUNT(CASE WHEN username = ? AND client_address = ? THEN 1 END),
               MAX(CASE WHEN username = ? AND client_address = ? THEN at END),
               COUNT(CASE WHEN client_address = ? THEN 1 END),
               MAX(CASE WHEN client_address = ? THEN at END)
        FROM login_failure WHERE (username = ? OR client_address = ?) AND at > ?""",
        (rs, row) -> new Failures(rs.getInt(1), rs.getInt(2), instant(rs.getObject(3, OffsetDateTime.class)),
            rs.getInt(4), instant(rs.getObject(5, OffsetDateTime.class))),
        username, username, address, username, address, address, address, username, address,
        utc(now.minus(limits.window())));
  }

  private void recordFailure(String username, String address, Instant now) {
    jdbc.update("INSERT INTO login_failure (username, client_address, at) VALUES (?, ?, ?)",
        username, address, utc(now));
    // Failures older than the window carry no weight.
    jdbc.update("DELETE FROM login_failure WHERE at <= ?", utc(now.minus(limits.window())));
  }

  private static String clientAddress() {
    String address = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
        ? request.getRequest().getRemoteAddr()
        : null;
    if (address == null) {
      return "";
    }
    return address.length() > MAX_ADDRESS ? address.substring(0, MAX_ADDRESS) : address;
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
