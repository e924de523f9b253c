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
    assertThat(backLeftCalf.x() + backLeftCalf.width() + backRightCalf.x()).as("mirrored about x = 120")
        .isEqualTo(BodyChart.WIDTH);
  }


  @Test
  void noSpotIsSmallerThanTheMinimumNorOverlapsAnother() {
    for (BodyChart.View view : BodyChart.VIEWS) {
      for (BodyChart.Spot spot : view.spots()) {
        assertThat(Math.min(spot.width(), spot.height())).as(spot.name()).isGreaterThanOrEqualTo(BodyChart.MIN_SPOT);
        assertThat(spot.x()).as(spot.name()).isNotNegative();
        assertThat(spot.x() + spot.width()).as(spot.name()).isLessThanOrEqualTo(BodyChart.WIDTH);
        assertThat(spot.y() + spot.height()).as(spot.name()).isLessThanOrEqualTo(BodyChart.HEIGHT);
        for (BodyChart.Spot other : view.spots()) {
          boolean overlap = other != spot && spot.x() < other.x() + other.width() && other.x() < spot.x() + spot.width()
              && spot.y() < other.y() + other.height() && other.y() < spot.y() + spot.height();
          assertThat(overlap).as(spot.name() + " and " + other.name()).isFalse();
        }
      }
    }
  }

  @Test
  void eachViewSaysWhichSideOfThePatientIsOnTheViewersLeft() {
    assertThat(BodyChart.FRONT.viewersLeftLabel()).isEqualTo("Right");
    assertThat(BodyChart.FRONT.viewersRightLabel()).isEqualTo("Left");
    assertThat(BodyChart.FRONT.orientation()).isEqualTo("patient's right on your left");
    assertThat(BodyChart.BACK.viewersLeftLabel()).isEqualTo("Left");
    assertThat(BodyChart.BACK.viewersRightLabel()).isEqualTo("Right");
    assertThat(BodyChart.BACK.orientation()).isEqualTo("patient's left on your left");
    for (BodyChart.View view : BodyChart.VIEWS) {
      BodyChart.Spot onViewersLeft = view.spots().stream().filter(s -> s.side() != Side.NOT_APPLICABLE)
          .min(java.util.Comparator.comparingInt(BodyChart.Spot::x)).orElseThrow();
      assertThat(onViewersLeft.side()).as(view.key()).isEqualTo(view.viewersLeft());
    }
  }

  @Test
  void theCasesInjuriesAreMarkedOnTheirSpotsWithTheirRole() {
    List<BodyChart.Injury> injuries = List.of(
        new BodyChart.Injury(BodyRegion.CALF, Side.LEFT, "PRIMARY", "Calf strain (left calf)", true),
        new BodyChart.Injury(BodyRegion.KNEE, Side.RIGHT, "SECONDARY", "Patellofemoral pain (right knee)", true),
        new BodyChart.Injury(BodyRegion.KNEE, Side.BILATERAL, "NONE", "Knee pain (both knees)", false),
        new BodyChart.Injury(BodyRegion.LOW_BACK, Side.NOT_APPLICABLE, "SECONDARY", "Low back pain", true));
    List<BodyChart.View> views = BodyChart.views(injuries);
    BodyChart.View front = views.get(0);
    BodyChart.View back = views.get(1);

    BodyChart.Spot rightKnee = spot(front, BodyRegion.KNEE, Side.RIGHT);
    BodyChart.Spot leftKnee = spot(front, BodyRegion.KNEE, Side.LEFT);
    assertThat(front.marks()).extracting(BodyChart.Mark::letter, BodyChart.Mark::label, BodyChart.Mark::cx)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("S", "Secondary injury: Patellofemoral pain (right knee)",
                rightKnee.x() + rightKnee.width() / 2),
            org.assertj.core.groups.Tuple.tuple("", "Injury: Knee pain (both knees), resolved",
                rightKnee.x() + rightKnee.width() / 2 + 14),
            org.assertj.core.groups.Tuple.tuple("", "Injury: Knee pain (both knees), resolved",
                leftKnee.x() + leftKnee.width() / 2));
    BodyChart.Spot leftCalf = spot(back, BodyRegion.CALF, Side.LEFT);
    assertThat(back.marks()).extracting(BodyChart.Mark::letter, BodyChart.Mark::cx, BodyChart.Mark::cy)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("P", leftCalf.x() + leftCalf.width() / 2,
                leftCalf.y() + leftCalf.height() / 2),
            org.assertj.core.groups.Tuple.tuple("S", 120, 150));
    assertThat(back.marks().get(0).label()).isEqualTo("Primary injury: Calf strain (left calf)");
    assertThat(BodyChart.VIEWS).allSatisfy(view -> assertThat(view.marks()).isEmpty());
  }

  private static BodyChart.Spot spot(BodyChart.View view, BodyRegion region, Side side) {
    return view.spots().stream().filter(s -> s.region() == region && s.side() == side).findFirst().orElseThrow();
  }
}
