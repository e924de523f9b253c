package com.kineticcasebook.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The operator lists proxies by address or range; anything else stops the start rather than trusting too much. */
class TrustedProxiesTest {

  @Test
  void noneListedTrustsNone() {
    assertThat(TrustedProxies.ranges(null)).isEmpty();
    assertThat(TrustedProxies.ranges("")).isEmpty();
    assertThat(TrustedProxies.ranges("  ")).isEmpty();
  }

  @Test
  void addressesBecomeRangesOfOneAndRangesAreKept() {
    assertThat(TrustedProxies.ranges(" 10.0.4.7, 172.16.0.0/12 ,::1,fd00::/8"))
        .containsExactly("10.0.4.7/32", "172.16.0.0/12", "0:0:0:0:0:0:0:1/128", "fd00:0:0:0:0:0:0:0/8");
  }

  @Test
  void namesPatternsAndBadRangesAreRefused() {
    for (String listed : new String[] {"proxy", "10.0.0.*", ".*", "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/a",
        "10.0.0.1,,10.0.0.2", "256.1.1.1"}) {
      assertThatThrownBy(() -> TrustedProxies.ranges(listed)).as(listed).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
