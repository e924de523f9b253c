package com.kineticcasebook.projections.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Wilson score intervals worked out by hand. */
class WilsonTest {

  @Test
  void oneOfTwoIsAlmostAnythingBetweenNineAndNinetyPercent() {
    // z^2 = 3.8415; centre (0.5 + 3.8415/4) / (1 + 3.8415/2) = 0.5;
    // half width 1.96 / 2.9207 * sqrt(0.25/2 + 3.8415/16) = 0.4055.
    var interval = Wilson.interval(1, 2);
    assertThat(interval.lower()).isCloseTo(0.0945, within(1e-4));
    assertThat(interval.upper()).isCloseTo(0.9055, within(1e-4));
  }

  @Test
  void allOrNoneStillLeavesRoomOnTheOtherSide() {
    assertThat(Wilson.interval(0, 5).lower()).isZero();
    assertThat(Wilson.interval(0, 5).upper()).isCloseTo(0.4345, within(1e-4));
    assertThat(Wilson.interval(20, 20).upper()).isCloseTo(1.0, within(1e-12));
    assertThat(Wilson.interval(20, 20).lower()).isCloseTo(0.8389, within(1e-4));
  }

  @Test
  void noTrialsHaveNoInterval() {
    assertThat(Wilson.interval(0, 0)).isNull();
  }
}
