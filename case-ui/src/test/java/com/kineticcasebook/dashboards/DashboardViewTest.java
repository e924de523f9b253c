package com.kineticcasebook.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.outcomes.ConfidenceInterval;
import com.kineticcasebook.outcomes.OutcomeDashboard;
import com.kineticcasebook.outcomes.OutcomeDashboard.AtRisk;
import com.kineticcasebook.outcomes.OutcomeDashboard.ByChain;
import com.kineticcasebook.outcomes.OutcomeDashboard.ByClinician;
import com.kineticcasebook.outcomes.OutcomeDashboard.ByModality;
import com.kineticcasebook.outcomes.OutcomeDashboard.ByMonth;
import com.kineticcasebook.outcomes.OutcomeDashboard.ByPrimaryCondition;
import com.kineticcasebook.outcomes.OutcomeDashboard.Comparison;
import com.kineticcasebook.outcomes.OutcomeDashboard.Counts;
import com.kineticcasebook.outcomes.OutcomeDashboard.IncidencePoint;
import com.kineticcasebook.outcomes.OutcomeDashboard.SurvivalPoint;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DashboardViewTest {

  private final UUID clinician = UUID.randomUUID();
  private final UUID other = UUID.randomUUID();

  /** Seven secondaries, two cleared after primary treatment: 2/7 reads 29%, its interval 8-64%. */
  private OutcomeDashboard dashboard(Integer median) {
    ConfidenceInterval twoOfSeven = new ConfidenceInterval(0.0822189, 0.6410655);
    ConfidenceInterval medianCi = median == null ? new ConfidenceInterval(null, null)
        : new ConfidenceInterval(20.0, null);
    return new OutcomeDashboard(UUID.randomUUID(), null, null, new Counts(7, 2, 1, 1, 3), 2.0 / 7, median,
        List.of(new ByPrimaryCondition("CALF_STRAIN", 4, 1, 40, 0.25, new ConfidenceInterval(0.0456, 0.6994),
                new ConfidenceInterval(30.0, 40.0), true),
            new ByPrimaryCondition(null, 1, 0, null, 0.0, new ConfidenceInterval(0.0, 0.7935),
                new ConfidenceInterval(null, null), true)),
        List.of(new ByChain("CALF_STRAIN", "PATELLOFEMORAL_PAIN", 3, 1, 1.0 / 3, new ConfidenceInterval(0.0615, 0.7923),
            true)),
        List.of(new ByClinician(clinician, 7, 2, 2.0 / 7, median, twoOfSeven, medianCi, true)),
        List.of(new ByModality("LOADING_PROGRAMME", 25, 10, 40, 0.4, new ConfidenceInterval(0.234, 0.593),
                new ConfidenceInterval(30.0, 50.0), false),
            new ByModality(null, 2, 0, null, 0.0, new ConfidenceInterval(0.0, 0.658), new ConfidenceInterval(null, null),
                true)),
        List.of(new ByMonth("2026-09", 2, 1, 0.5, new ConfidenceInterval(0.0945, 0.9055), true)), List.of(),
        List.of(new SurvivalPoint(20, 0.8, 5, 1, 0, 0.2038, 0.9692), new SurvivalPoint(55, 0.4, 2, 0, 1, 0.052, 0.7528)),
        2, twoOfSeven, medianCi, true, List.of(new AtRisk(0, 5), new AtRisk(30, 4)),
        List.of(new IncidencePoint(30, 0.4, 0.2)),
        new Comparison(List.of("LOADING_PROGRAMME", "SHOCKWAVE"), 12.18, 1, 0.00227),
        new Comparison(List.of(clinician.toString(), other.toString()), 1.77, 1, 0.4118), Instant.EPOCH);
  }

  @Test
  void ratesAreWholePercentagesAndAMissingMedianIsNotReached() {
    DashboardView view = DashboardView.of(dashboard(null), Map.of(clinician, "clinician.north"));
    assertThat(view.overall().clearanceRate()).isEqualTo("29%");
    assertThat(view.overall().medianDays()).isEqualTo("Not reached");
    assertThat(view.chains().get(0).clearanceRate()).isEqualTo("33%");
    assertThat(view.byPrimaryCondition().get(0).clearanceRate()).isEqualTo("25%");
    assertThat(view.curve().get(1).stillOpen()).isEqualTo("40%");
    assertThat(view.overall().linkedAfterClearance()).isEqualTo(2);
    assertThat(view.overall().linkedAfterClearanceSentence()).isEqualTo(
        "secondaries were linked to their primary only after they had cleared; they are left out of every figure.");
  }

  @Test
  void peopleConditionsTreatmentsAndMonthsAreNamed() {
    DashboardView view = DashboardView.of(dashboard(40), Map.of(clinician, "clinician.north"));
    assertThat(view.byClinician().get(0).label()).isEqualTo("clinician.north");
    assertThat(view.byClinician().get(0).key()).isEqualTo(clinician.toString());
    assertThat(view.byPrimaryCondition()).extracting(DashboardView.Row::label)
        .containsExactly("Calf (gastrocnemius or soleus) strain", "No condition recorded");
    assertThat(view.byModality()).extracting(DashboardView.Row::label)
        .containsExactly("Progressive loading programme", "Primary not treated");
    assertThat(view.byModality().get(1).key()).isEqualTo("null");
    assertThat(view.byMonth().get(0).label()).isEqualTo("Sep 2026");
    assertThat(view.chains().get(0).key()).isEqualTo("CALF_STRAIN>PATELLOFEMORAL_PAIN");
    assertThat(view.overall().medianDays()).isEqualTo("40");
  }

  @Test
  void aClinicianNoLongerInTheDirectoryIsShownAsUnknown() {
    DashboardView view = DashboardView.of(dashboard(40), Map.of());
    assertThat(view.byClinician().get(0).label()).isEqualTo("Unknown user");
  }

  @Test
  void everyShareReadsWithItsIntervalAndMediansWithTheirsOrNotReached() {
    DashboardView view = DashboardView.of(dashboard(40), Map.of(clinician, "clinician.north"));
    assertThat(view.overall().clearanceRateInterval()).isEqualTo("8–64%");
    assertThat(view.overall().medianDaysInterval()).isEqualTo("20 to not reached");
    assertThat(view.overall().insufficient()).isTrue();
    assertThat(view.byModality().get(0).medianDaysInterval()).isEqualTo("30–50");
    assertThat(view.byModality().get(0).insufficient()).isFalse();
    assertThat(view.byModality().get(1).medianDaysInterval()).isEqualTo("not reached");
    assertThat(view.chains().get(0).clearanceRateInterval()).isEqualTo("6–79%");
    assertThat(view.curve().get(0).band()).isEqualTo("20–97%");
    assertThat(view.cumulativeIncidence().get(0).cleared()).isEqualTo("40%");
  }

  @Test
  void theComparisonsReadInPlainWordsWithoutSayingWhy() {
    DashboardView view = DashboardView.of(dashboard(40), Map.of(clinician, "clinician.north", other, "clinician.two"));
    assertThat(view.modalityComparison().sentence()).isEqualTo("Time to clearance differed between first treatments "
        + "of the primary (Progressive loading programme and Shockwave therapy) more than chance alone would often "
        + "produce (p = 0.002); this does not say why.");
    assertThat(view.clinicianComparison().sentence()).startsWith("Time to clearance did not differ between "
        + "clinicians (clinician.north and clinician.two) more than chance alone would often produce (p = 0.41)");
    assertThat(DashboardView.pValue(4e-10)).isEqualTo("< 0.001");
  }
}
