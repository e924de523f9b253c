package com.kineticcasebook.projections.outcomes;

import static com.kineticcasebook.projections.outcomes.CumulativeIncidence.Outcome.CENSORED;
import static com.kineticcasebook.projections.outcomes.CumulativeIncidence.Outcome.CLEARED_WITHOUT_OWN_TREATMENT;
import static com.kineticcasebook.projections.outcomes.CumulativeIncidence.Outcome.OWN_TREATMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.kineticcasebook.projections.outcomes.CumulativeIncidence.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Aalen-Johansen estimates worked out by hand. */
class CumulativeIncidenceTest {

  // Day 10: 1 of 4 clears untreated: 1/4, nothing waiting left 3/4.
  // Day 20: 1 of 3 gets its own treatment: 3/4 * 1/3 = 1/4; one more censored; waiting 1/2.
  // Day 30: the last one clears untreated: 1/4 + 1/2 * 1/1 = 3/4.
  private final CumulativeIncidence incidence = new CumulativeIncidence(List.of(
      new Observation(10, CLEARED_WITHOUT_OWN_TREATMENT), new Observation(20, OWN_TREATMENT),
      new Observation(20, CENSORED), new Observation(30, CLEARED_WITHOUT_OWN_TREATMENT)));

  @Test
  void eachOutcomeIsTheChanceOfReachingItFirst() {
    assertThat(incidence.at(25).clearedWithoutOwnTreatment()).isCloseTo(0.25, within(1e-12));
    assertThat(incidence.at(25).ownTreatment()).isCloseTo(0.25, within(1e-12));
    assertThat(incidence.at(30).clearedWithoutOwnTreatment()).isCloseTo(0.75, within(1e-12));
    assertThat(incidence.at(180).ownTreatment()).isCloseTo(0.25, within(1e-12));
  }

  @Test
  void beforeAnyOutcomeBothAreZero() {
    assertThat(incidence.at(5).clearedWithoutOwnTreatment()).isZero();
    assertThat(incidence.at(5).ownTreatment()).isZero();
  }

  @Test
  void aTreatmentBeforeThePrimarysIsAnOutcomeOnDayZero() {
    CumulativeIncidence early = new CumulativeIncidence(List.of(new Observation(0, OWN_TREATMENT),
        new Observation(40, CLEARED_WITHOUT_OWN_TREATMENT)));
    assertThat(early.at(0).ownTreatment()).isCloseTo(0.5, within(1e-12));
    assertThat(early.at(60).clearedWithoutOwnTreatment()).isCloseTo(0.5, within(1e-12));
  }
}
