package com.kineticcasebook.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.CasebookProperties;
import com.kineticcasebook.access.LoginThrottle.Failures;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The throttle's policy: when an attempt is refused and for how long. */
class LoginThrottleTest {

  private static final CasebookProperties.Login LIMITS = new CasebookProperties.Login(
      5, 20, Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofMinutes(15));
  private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

  private static Optional<Duration> refusal(int account, int pair, Duration pairAgo, int address, Duration addressAgo) {
    return LoginThrottle.refusal(new Failures(account, pair, pair == 0 ? null : NOW.minus(pairAgo), address,
        address == 0 ? null : NOW.minus(addressAgo)), NOW, LIMITS);
  }

  @Test
  void underTheLimitsNothingIsRefused() {
    assertThat(refusal(4, 4, Duration.ZERO, 19, Duration.ZERO)).isEmpty();
  }

  @Test
  void atTheAccountLimitTheFailedAddressWaitsTheFirstRefusalFromItsLatestFailure() {
    assertThat(refusal(5, 5, Duration.ofSeconds(10), 5, Duration.ofSeconds(10))).contains(Duration.ofSeconds(50));
    assertThat(refusal(5, 5, Duration.ofSeconds(61), 5, Duration.ofSeconds(61))).isEmpty();
  }

  @Test
  void eachFurtherFailureDoublesTheRefusalUpToTheLongest() {
    assertThat(refusal(6, 6, Duration.ZERO, 6, Duration.ZERO)).contains(Duration.ofMinutes(2));
    assertThat(refusal(8, 8, Duration.ZERO, 8, Duration.ZERO)).contains(Duration.ofMinutes(8));
    assertThat(refusal(9, 9, Duration.ZERO, 9, Duration.ZERO)).contains(Duration.ofMinutes(15));
    assertThat(refusal(1_000, 1_000, Duration.ZERO, 1_000, Duration.ZERO)).contains(Duration.ofMinutes(15));
    assertThat(refusal(1_000, 1_000, Duration.ofMinutes(15), 1_000, Duration.ofMinutes(15))).isEmpty();
  }

  @Test
  void anAddressThatHasNotFailedOnTheAccountIsNotLockedOutByFailuresFromElsewhere() {
    assertThat(refusal(500, 0, null, 0, null)).isEmpty();
  }

  @Test
  void anAddressThatFailedOnceWaitsAsTheAccountsFailuresSayButNoLongerThanTheLongest() {
    assertThat(refusal(500, 1, Duration.ofMinutes(10), 1, Duration.ofMinutes(10))).contains(Duration.ofMinutes(5));
    assertThat(refusal(500, 1, Duration.ofMinutes(15), 1, Duration.ofMinutes(15))).isEmpty();
  }

  @Test
  void anAddressOverItsOwnLimitIsRefusedForEveryAccountEvenOnesItNeverTried() {
    assertThat(refusal(0, 0, null, 20, Duration.ZERO)).contains(Duration.ofMinutes(1));
    assertThat(refusal(0, 0, null, 22, Duration.ofMinutes(1))).contains(Duration.ofMinutes(3));
  }
}
