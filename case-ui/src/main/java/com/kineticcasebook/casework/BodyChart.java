package com.kineticcasebook.casework;

import static com.kineticcasebook.reference.BodyRegion.ACHILLES;
import static com.kineticcasebook.reference.BodyRegion.ANKLE;
import static com.kineticcasebook.reference.BodyRegion.CALF;
import static com.kineticcasebook.reference.BodyRegion.FOOT;
import static com.kineticcasebook.reference.BodyRegion.GROIN;
import static com.kineticcasebook.reference.BodyRegion.HAMSTRING;
import static com.kineticcasebook.reference.BodyRegion.HEEL;
import static com.kineticcasebook.reference.BodyRegion.HIP;
import static com.kineticcasebook.reference.BodyRegion.KNEE;
import static com.kineticcasebook.reference.BodyRegion.LOW_BACK;
import static com.kineticcasebook.reference.BodyRegion.PELVIS;
import static com.kineticcasebook.reference.BodyRegion.SHIN;
import static com.kineticcasebook.reference.BodyRegion.THIGH;
import static com.kineticcasebook.reference.BodyRegion.TOES;

import com.kineticcasebook.reference.BodyRegion;
import com.kineticcasebook.reference.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The front and back body chart of the injury form: every region of {@link BodyRegion} is a
 * clickable spot on one view, on each side of the body where it has one. The front view shows the
 * patient's right on the viewer's left, as when facing the patient; the back view the other way round.
 */
public final class BodyChart {

  /** One clickable region of a view, a rounded rectangle in the view's 200 × 460 drawing. */
  public record Spot(BodyRegion region, Side side, int x, int y, int width, int height, int radius) {

    /** The spot's accessible name, e.g. "Left calf" or "Low back". */
    public String name() {
      String region = this.region.label();
      return side == Side.NOT_APPLICABLE ? region
          : side.label() + " " + region.toLowerCase(Locale.ROOT);
    }
  }

  public record View(String key, String title, List<Spot> spots) {}

  static final View FRONT = new View("front", "Front", paired(new Object[][] {
      {HIP, 54, 176, 24, 34, 10},
      {THIGH, 62, 214, 36, 76, 14},
      {GROIN, 82, 190, 16, 22, 6},
      {KNEE, 66, 292, 30, 30, 14},
      {SHIN, 68, 324, 26, 64, 10},
      {ANKLE, 68, 390, 26, 16, 7},
      {FOOT, 62, 408, 34, 22, 8},
      {TOES, 60, 432, 38, 14, 6}}, true));

  static final View BACK = new View("back", "Back", backSpots());

  static final List<View> VIEWS = List.of(FRONT, BACK);

  private BodyChart() {}

  private static List<Spot> backSpots() {
    List<Spot> spots = new ArrayList<>();
    spots.add(new Spot(LOW_BACK, Side.NOT_APPLICABLE, 74, 138, 52, 34, 10));
    spots.addAll(paired(new Object[][] {
        {PELVIS, 62, 176, 36, 36, 12},
        {HAMSTRING, 62, 214, 36, 78, 14},
        {CALF, 66, 294, 30, 64, 14},
        {ACHILLES, 72, 360, 18, 30, 6},
        {HEEL, 68, 392, 26, 22, 10}}, false));
    return List.copyOf(spots);
  }

  /**
   * A spot for each side from the viewer's left-hand one, mirrored about the centre line.
   *
   * @param rightOnViewersLeft true for the front view
   */
  private static List<Spot> paired(Object[][] leftHandSpots, boolean rightOnViewersLeft) {
    List<Spot> spots = new ArrayList<>();
    for (Object[] s : leftHandSpots) {
      BodyRegion region = (BodyRegion) s[0];
      int x = (int) s[1];
      int y = (int) s[2];
      int width = (int) s[3];
      int height = (int) s[4];
      int radius = (int) s[5];
      Side viewersLeft = rightOnViewersLeft ? Side.RIGHT : Side.LEFT;
      Side viewersRight = rightOnViewersLeft ? Side.LEFT : Side.RIGHT;
      spots.add(new Spot(region, viewersLeft, x, y, width, height, radius));
      spots.add(new Spot(region, viewersRight, 200 - x - width, y, width, height, radius));
    }
    return List.copyOf(spots);
  }
}
