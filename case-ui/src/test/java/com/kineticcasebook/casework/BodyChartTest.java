package com.kineticcasebook.casework;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.reference.BodyRegion;
import com.kineticcasebook.reference.Side;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BodyChartTest {

  private final List<BodyChart.Spot> spots = BodyChart.VIEWS.stream().flatMap(v -> v.spots().stream()).toList();

  @Test
  void everyBodyRegionCanBePickedOnTheChart() {
    Set<BodyRegion> onChart = spots.stream().map(BodyChart.Spot::region).collect(Collectors.toSet());
    assertThat(onChart).containsExactlyInAnyOrder(BodyRegion.values());
  }

  @Test
  void everySpotHasAUniqueAccessibleName() {
    List<String> names = spots.stream().map(BodyChart.Spot::name).toList();
    assertThat(names).doesNotHaveDuplicates();
    assertThat(names).contains("Left calf", "Right knee", "Low back");
  }

  @Test
  void theFrontShowsThePatientsRightOnTheViewersLeftAndTheBackTheOtherWayRound() {
    BodyChart.Spot frontRightKnee = spot(BodyChart.FRONT, BodyRegion.KNEE, Side.RIGHT);
    BodyChart.Spot frontLeftKnee = spot(BodyChart.FRONT, BodyRegion.KNEE, Side.LEFT);
    assertThat(frontRightKnee.x()).isLessThan(frontLeftKnee.x());
    BodyChart.Spot backLeftCalf = spot(BodyChart.BACK, BodyRegion.CALF, Side.LEFT);
    BodyChart.Spot backRightCalf = spot(BodyChart.BACK, BodyRegion.CALF, Side.RIGHT);
    assertThat(backLeftCalf.x()).isLessThan(backRightCalf.x());
    assertThat(backLeftCalf.x() + backLeftCalf.width() + backRightCalf.x()).as("mirrored about x = 100")
        .isEqualTo(200);
  }

  private static BodyChart.Spot spot(BodyChart.View view, BodyRegion region, Side side) {
    return view.spots().stream().filter(s -> s.region() == region && s.side() == side).findFirst().orElseThrow();
  }
}
