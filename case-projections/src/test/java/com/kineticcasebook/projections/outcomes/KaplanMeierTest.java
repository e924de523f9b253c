package com.kineticcasebook.projections.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.kineticcasebook.projections.outcomes.KaplanMeier.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Kaplan-Meier estimates worked out by hand. */
class KaplanMeierTest {

  @Test
  void withoutCensoringTheMedianIsTheFirstDayHalfHaveCleared() {
    // 4 at risk: day 10 -> 3/4, day 20 -> 2/4 = 0.5, so the median is 20.
    KaplanMeier km = new KaplanMeier(List.of(new Observation(10, true), new Observation(20, true),
        new Observation(30, true), new Observation(40, true)));
    assertThat(km.median()).isEqualTo(20);
  }

  @Test
  void censoredFollowUpLeavesTheRiskSetWithoutAnEvent() {
    // Day 20 event: 5 at risk -> 0.8. Day 25 censored: none. Day 30 event: 3 at risk -> 0.8*2/3 = 0.5333.
    // Day 40 event: 2 at risk -> 0.2667 <= 0.5, so the median is 40 (a naive median would say 30).
    KaplanMeier km = new KaplanMeier(List.of(new Observation(20, true), new Observation(25, false),
        new Observation(30, true), new Observation(40, true), new Observation(90, false)));
    assertThat(km.curve()).hasSize(5);
    assertThat(km.curve().get(2).survival()).isCloseTo(0.5333, within(1e-4));
    assertThat(km.curve().get(2).atRisk()).isEqualTo(3);
    assertThat(km.median()).isEqualTo(40);
  }

  @Test
  void aCensoringOnTheDayOfAnEventStillCountsAsAtRiskForIt() {
    // Day 10: one event and one censored among 2 at risk -> 0.5, median 10.
    KaplanMeier km = new KaplanMeier(List.of(new Observation(10, true), new Observation(10, false)));
    assertThat(km.curve().get(0).atRisk()).isEqualTo(2);
    assertThat(km.median()).isEqualTo(10);
  }

  @Test
  void whenTheEstimateNeverReachesOneHalfThereIsNoMedian() {
    KaplanMeier km = new KaplanMeier(List.of(new Observation(10, true), new Observation(50, false),
        new Observation(60, false)));
    assertThat(km.median()).isNull();
    assertThat(new KaplanMeier(List.of()).median()).isNull();
  }

  @Test
  void eachStepCarriesItsLogLogGreenwoodBand() {
    // Day 10: S = 3/4, Greenwood 1/(4*3) = 1/12, se = 0.2887, log S = -0.2877, z*se/log S = -1.9667,
    // log(-log S) = -1.2459: lower exp(-exp(-1.2459 + 1.9667)) = 0.1279, upper exp(-exp(-3.2126)) = 0.9605.
    KaplanMeier km = new KaplanMeier(List.of(new Observation(10, true), new Observation(20, true),
        new Observation(30, true), new Observation(40, true)));
    KaplanMeier.Step first = km.steps().get(0);
    assertThat(first.lower()).isCloseTo(0.1279469, within(1e-6));
    assertThat(first.upper()).isCloseTo(0.9605486, within(1e-6));
    // Once every secondary has cleared, S = 0 and the band is undefined.
    assertThat(km.steps().get(3).lower()).isNull();
  }

  @Test
  void theMedianIntervalIsWhereTheBandCrossesOneHalf() {
    // Lower edges 0.128, 0.058, 0.009: the first at or below 0.5 is day 10. Upper edges 0.961, 0.845,
    // 0.665, then undefined at S = 0: it never reaches 0.5, so the interval is open above.
    KaplanMeier km = new KaplanMeier(List.of(new Observation(10, true), new Observation(20, true),
        new Observation(30, true), new Observation(40, true)));
    assertThat(km.medianInterval().lower()).isEqualTo(10.0);
    assertThat(km.medianInterval().upper()).isNull();
  }

  @Test
  void theNumberAtRiskOnADayCountsEveryoneStillFollowedThatDay() {
    KaplanMeier km = new KaplanMeier(List.of(new Observation(20, true), new Observation(25, false),
        new Observation(30, true), new Observation(40, true), new Observation(90, false)));
    assertThat(km.atRisk(0)).isEqualTo(5);
    assertThat(km.atRisk(26)).isEqualTo(3);
    assertThat(km.atRisk(90)).isEqualTo(1);
    assertThat(km.atRisk(91)).isZero();
  }
}
