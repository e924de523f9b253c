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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The front and back body chart of the injury forms: every region of {@link BodyRegion} is a
 * clickable spot on one view, on each side of the body where it has one, and the case's injuries
 * are marked on their spots with their role in the hypothesis. The front view shows the patient's
 * right on the viewer's left, as when facing the patient; the back view the other way round; each
 * view says which side is which.
 *
 * <p>Each view is drawn in a {@value #WIDTH} × {@value #HEIGHT} box that the page scales to its
 * card. No spot is narrower or shorter than {@value #MIN_SPOT} units, so that at the smallest
 * width the page gives a view (about 160 px with a mouse, 310 px on a touch screen) every spot is
 * at least 24 px (44 px on touch) across.
 */
public final class BodyChart {

  static final int WIDTH = 240;
  static final int HEIGHT = 524;
  static final int MIN_SPOT = 36;

  /** One clickable region of a view, a rounded rectangle in the view's drawing. */
  public record Spot(BodyRegion region, Side side, int x, int y, int width, int height, int radius) {

    /** The spot's accessible name, e.g. "Left calf" or "Low back". */
    public String name() {
      String region = this.region.label();
      return side == Side.NOT_APPLICABLE ? region
          : side.label() + " " + region.toLowerCase(Locale.ROOT);
    }

    int centreX() {
      return x + width / 2;
    }

    int centreY() {
      return y + height / 2;
    }
  }

  /**
   * An injury of the case drawn on its spot: "P" for the hypothesis's primary, "S" for a
   * secondary, no letter for an injury outside the hypothesis. {@code label} is its text alternative.
   */
  public record Mark(int cx, int cy, String letter, String role, String label, boolean open) {}

  /**
   * One view of the body. {@code viewersLeft} is the patient's side shown on the viewer's left,
   * which the view labels in words at its top.
   */
  public record View(String key, String title, Side viewersLeft, List<Spot> spots, List<Mark> marks) {

    /** The patient's side on the viewer's left, written on that side of the figure: "Right" on the front. */
    public String viewersLeftLabel() {
      return viewersLeft.label();
    }

    public String viewersRightLabel() {
      return (viewersLeft == Side.RIGHT ? Side.LEFT : Side.RIGHT).label();
    }

    /** Said under the view's title, e.g. "patient's right on your left". */
    public String orientation() {
      return "patient's " + viewersLeftLabel().toLowerCase(Locale.ROOT) + " on your left";
    }

    View withMarks(List<Mark> marks) {
      return new View(key, title, viewersLeft, spots, List.copyOf(marks));
    }
  }

  /** An injury as the chart needs it: where it is, its role ("PRIMARY", "SECONDARY", "NONE"), its name. */
  public record Injury(BodyRegion region, Side side, String role, String name, boolean open) {}

  static final View FRONT = new View("front", "Front", Side.RIGHT, paired(new Object[][] {
      {HIP, 38, 176, 36, 40, 10},
      {GROIN, 80, 176, 36, 40, 8},
      {THIGH, 72, 222, 44, 66, 14},
      {KNEE, 72, 292, 44, 38, 14},
      {SHIN, 74, 334, 40, 60, 10},
      {ANKLE, 74, 398, 40, 36, 9},
      {FOOT, 70, 438, 46, 36, 9},
      {TOES, 70, 478, 46, 36, 8}}, true), List.of());

  static final View BACK = new View("back", "Back", Side.LEFT, backSpots(), List.of());

  static final List<View> VIEWS = List.of(FRONT, BACK);

  private BodyChart() {}

  /** The two views with the given injuries marked on them. */
  static List<View> views(List<Injury> injuries) {
    List<View> views = new ArrayList<>();
    for (View view : VIEWS) {
      views.add(view.withMarks(marks(view, injuries)));
    }
    return List.copyOf(views);
  }

  /**
   * The marks of one view: each injury on the spot of its region and side (both sides for a
   * bilateral one); several on one spot stand side by side.
   */
  static List<Mark> marks(View view, List<Injury> injuries) {
    List<Mark> marks = new ArrayList<>();
    Map<Spot, Integer> onSpot = new HashMap<>();
    for (Injury injury : injuries) {
      for (Spot spot : view.spots()) {
        boolean here = spot.region() == injury.region()
            && (spot.side() == injury.side() || spot.side() == Side.NOT_APPLICABLE
                || injury.side() == Side.BILATERAL);
        if (!here) {
          continue;
        }
        int index = onSpot.merge(spot, 1, Integer::sum) - 1;
        String letter = switch (injury.role()) {
          case "PRIMARY" -> "P";
          case "SECONDARY" -> "S";
          default -> "";
        };
        String role = switch (injury.role()) {
          case "PRIMARY" -> "Primary injury";
          case "SECONDARY" -> "Secondary injury";
          default -> "Injury";
        };
        String label = role + ": " + injury.name() + (injury.open() ? "" : ", resolved");
        marks.add(new Mark(spot.centreX() + index * 14, spot.centreY(), letter, injury.role(), label,
            injury.open()));
      }
    }
    return List.copyOf(marks);
  }

  private static List<Spot> backSpots() {
    List<Spot> spots = new ArrayList<>();
    spots.add(new Spot(LOW_BACK, Side.NOT_APPLICABLE, 84, 130, 72, 40, 10));
    spots.addAll(paired(new Object[][] {
        {PELVIS, 72, 176, 44, 44, 12},
        {HAMSTRING, 72, 226, 44, 76, 14},
        {CALF, 72, 308, 44, 70, 14},
        {ACHILLES, 76, 384, 36, 44, 8},
        {HEEL, 72, 434, 44, 40, 12}}, false));
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
      spots.add(new Spot(region, viewersRight, WIDTH - x - width, y, width, height, radius));
    }
    return List.copyOf(spots);
  }
}
