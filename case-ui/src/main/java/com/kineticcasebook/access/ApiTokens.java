package com.kineticcasebook.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.kineticcasebook.CasebookProperties;
import com.kineticcasebook.integrity.Sha256;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.stereotype.Service;

/**
 * Opaque bearer tokens for the JSON API: 256 random bits, stored only as their SHA-256, with an
 * expiry and a revocation time. Checking a token is one indexed look-up, never a password hash,
 * and its answer is kept for {@link #RECHECK} so that a client's run of requests does not repeat
 * it: a revocation takes effect at once on the node that revoked it and within {@link #RECHECK} on
 * the others. The token's user is taken as they stand now ({@link UserStanding}), so disabling
 * them or changing their roles or clinics reaches their tokens within {@link UserStanding#RECHECK}.
 */
@Service
class ApiTokens implements OpaqueTokenIntrospector {

  /** A freshly issued token; its value is shown once and never stored. */
  record IssuedToken(String token, Instant expiresAt) {}

  static final Duration RECHECK = Duration.ofSeconds(2);

  private static final SecureRandom RANDOM = new SecureRandom();

  /** A token found valid: whose it is and until when. */
  private record Checked(UUID userId, Instant expiresAt) {}

  private final Cache<String, Checked> checked = Caffeine.newBuilder()
      .expireAfterWrite(RECHECK)
      .maximumSize(10_000)
      .build();
  private final JdbcTemplate jdbc;
  private final UserStanding users;
  private final Clock clock;
  private final CasebookProperties properties;

  ApiTokens(JdbcTemplate jdbc, UserStanding users, Clock clock, CasebookProperties properties) {
    this.jdbc = jdbc;
    this.users = users;
    this.clock = clock;
    this.properties = properties;
  }

  IssuedToken issue(CasebookUser user) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = "cbk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Instant now = clock.instant();
    Instant expiresAt = now.plus(properties.tokens().timeToLive());
    jdbc.update(
        "INSERT INTO api_token (id, user_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
        UUID.randomUUID(), user.id(), hash(token), utc(now), utc(expiresAt));
    return new IssuedToken(token, expiresAt);
  }

  void revoke(String token) {
    checked.invalidate(hash(token));
    jdbc.update("UPDATE api_token SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL",
        utc(clock.instant()), hash(token));
  }

  @Override
  public OAuth2AuthenticatedPrincipal introspect(String token) {
    try {
      return lookUp(token);
    } catch (DataAccessException e) {
      // Not the client's fault: the entry point answers 503 for this, not 401.
      throw new AuthenticationServiceException("The token could not be checked", e);
    }
  }

  private OAuth2AuthenticatedPrincipal lookUp(String token) {
    String tokenHash = hash(token);
    Instant now = clock.instant();
    Checked known = checked.getIfPresent(tokenHash);
    if (known == null || !known.expiresAt().isAfter(now)) {
      known = jdbc
          .query(
              "SELECT user_id, expires_at FROM api_token WHERE token_hash = ? AND revoked_at IS NULL AND expires_at > ?",
              (rs, i) -> new Checked(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class).toInstant()),
              tokenHash, utc(now))
          .stream()
          .findFirst()
          .orElseThrow(() -> new BadOpaqueTokenException("The token is unknown, expired or revoked"));
      checked.put(tokenHash, known);
    }
    return users.current(known.userId())
        .orElseThrow(() -> new BadOpaqueTokenException("The token's user is disabled"));
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  static String hash(String token) {
    return Sha256.hex(token);
  }

}
