package com.kineticcasebook.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.outcomes.OutcomeDashboard;
import com.kineticcasebook.outcomes.OutcomeDashboard.ByChain;
import com.kineticcasebook.outcomes.OutcomeDashboard.ByClinician;
import com.kineticcasebook.outcomes.OutcomeDashboard.ByModality;
import com.kineticcasebook.outcomes.OutcomeDashboard.ByMonth;
import com.kineticcasebook.outcomes.OutcomeDashboard.ByPrimaryCondition;
import com.kineticcasebook.outcomes.OutcomeDashboard.Counts;
import com.kineticcasebook.outcomes.OutcomeDashboard.SurvivalPoint;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DashboardViewTest {

  private final UUID clinician = UUID.randomUUID();

  /** Seven secondaries, two cleared after primary treatment: 2/7 reads 29%. */
  private OutcomeDashboard dashboard(Integer median) {
    return new OutcomeDashboard(UUID.randomUUID(), null, null, new Counts(7, 2, 1, 1, 3), 2.0 / 7, median,
        List.of(new ByPrimaryCondition("CALF_STRAIN", 4, 1, 40), new ByPrimaryCondition(null, 1, 0, null)),
        List.of(new ByChain("CALF_STRAIN", "PATELLOFEMORAL_PAIN", 3, 1)),
        List.of(new ByClinician(clinician, 7, 2, 2.0 / 7, median)),
        List.of(new ByModality("LOADING_PROGRAMME", 5, 2, 40), new ByModality(null, 2, 0, null)),
        List.of(new ByMonth("2026-09", 2, 1)), List.of(),
        List.of(new SurvivalPoint(20, 0.8, 5, 1, 0), new SurvivalPoint(55, 0.4, 2, 0, 1)), 2);
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
}
