package com.kineticcasebook.projections.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.kineticcasebook.projections.outcomes.KaplanMeier.Observation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A log-rank test worked out by hand. */
class LogRankTest {

  @Test
  void twoGroupsAreComparedDayByDay() {
    // A clears on days 1 and 3; B clears on day 2 and is censored on day 4.
    // Day 1: 2+2 at risk, 1 clears (A): O-E = 1 - 2/4 = 1/2, V = 1*3/3 * 2/4 * 2/4 = 1/4.
    // Day 2: 1+2 at risk, 1 clears (B): O-E = 0 - 1/3, V = 1*2/2 * 1/3 * 2/3 = 2/9.
    // Day 3: 1+1 at risk, 1 clears (A): O-E = 1 - 1/2 = 1/2, V = 1*1/1 * 1/2 * 1/2 = 1/4.
    // U = 2/3, V = 13/18: chi-square = (4/9) / (13/18) = 8/13, 1 degree of freedom, p = 0.4328.
    Map<String, List<Observation>> groups = new LinkedHashMap<>();
    groups.put("A", List.of(new Observation(1, true), new Observation(3, true)));
    groups.put("B", List.of(new Observation(2, true), new Observation(4, false)));
    LogRank.Result result = LogRank.test(groups);
    assertThat(result.groups()).containsExactly("A", "B");
    assertThat(result.chiSquare()).isCloseTo(8.0 / 13.0, within(1e-12));
    assertThat(result.degreesOfFreedom()).isEqualTo(1);
    assertThat(result.pValue()).isCloseTo(0.4328, within(1e-4));
  }

  @Test
  void oneGroupHasNothingToCompare() {
    assertThat(LogRank.test(Map.of("A", List.of(new Observation(1, true))))).isNull();
  }
}
