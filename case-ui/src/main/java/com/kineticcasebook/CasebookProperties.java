package com.kineticcasebook;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the application under {@code casebook.*}.
 *
 * @param dataDir where the embedded database and uploaded videos live
 * @param timeZone the clinics' zone: "today" for clinical dates is taken in it
 */
@ConfigurationProperties("casebook")
public record CasebookProperties(
    Path dataDir, ZoneId timeZone, Tokens tokens, Login login, Api api, Videos videos, Demo demo,
    InitialAdmin initialAdmin) {

  /** Bearer tokens of the JSON API. */
  public record Tokens(Duration timeToLive) {}

  /**
   * Sign-in throttling: failures counted per account and per client address within the window;
   * over a limit, sign-in is refused for {@code firstRefusal}, doubling with each further failure up
   * to {@code longestRefusal}.
   */
  public record Login(int maxFailuresPerAccount, int maxFailuresPerAddress, Duration window,
      Duration firstRefusal, Duration longestRefusal) {}

  /** Limits of the JSON API. */
  public record Api(int maxJsonBodyBytes) {}

  /** Gait video uploads. */
  public record Videos(long maxBytes) {}

  /** Demo clinics, users and synthetic cases, created only on the embedded default. */
  public record Demo(boolean enabled, String password, int cases) {}

  /** The first administrator of an empty production database. */
  public record InitialAdmin(String username, String password) {}
}
