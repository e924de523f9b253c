package com.kineticcasebook.reference;

import java.util.Locale;

/**
 * How Casebook says things to people: injuries, file sizes, scores and constants. Pages, the
 * timeline, the audit views and the CSV export all word them here, so one video is never "2 MB"
 * in one place and "1.6 MB" in another, and an injury has one name everywhere. Nothing here names
 * the patient.
 */
public final class Wording {

  private Wording() {}

  /**
   * An injury by its condition and where it is: "Calf (gastrocnemius or soleus) strain (left
   * calf)", "Patellofemoral pain (knee, both sides)"; by its region alone when no condition is
   * named: "Knee (right)", "Low back".
   */
  public static String injury(BodyRegion region, Side side, String conditionCode) {
    String regionWords = region.label().toLowerCase(Locale.ROOT);
    return ConditionCatalogue.find(conditionCode).map(Condition::label)
        .map(condition -> condition + " (" + switch (side) {
          case LEFT, RIGHT -> side.label().toLowerCase(Locale.ROOT) + " " + regionWords;
          case BILATERAL -> regionWords + ", both sides";
          case NOT_APPLICABLE -> regionWords;
        } + ")")
        .orElseGet(() -> region.label() + switch (side) {
          case LEFT, RIGHT -> " (" + side.label().toLowerCase(Locale.ROOT) + ")";
          case BILATERAL -> " (both sides)";
          case NOT_APPLICABLE -> "";
        });
  }

  /** A condition's label; "No condition recorded" when none was named, the code itself when it is unknown. */
  public static String condition(String code) {
    return code == null ? "No condition recorded" : ConditionCatalogue.find(code).map(Condition::label).orElse(code);
  }

  /** "2 KB" below a mebibyte (a short clip is a few hundred KB; "0.0 MB" would mislead), else "3.0 MB". */
  public static String size(long bytes) {
    if (bytes < 1024 * 1024) {
      return Math.max(1, Math.round(bytes / 1024.0)) + " KB";
    }
    return String.format(Locale.UK, "%.1f MB", bytes / (1024.0 * 1024.0));
  }

  /**
   * A case's injuries still open, in words: "2" for an open case; for a closed one they were left
   * unresolved at its closure, "Closed with 2 unresolved", and "0" when none were.
   */
  public static String openInjuries(boolean closed, int open) {
    return closed && open > 0 ? "Closed with " + open + " unresolved" : Integer.toString(open);
  }

  /** A score as recorded: "7" for a whole number, "6.5" for a PSFS mean. */
  public static String score(double score) {
    return score == Math.rint(score) ? Long.toString((long) score) : Double.toString(score);
  }

  /** A constant such as NOT_APPLICABLE or INJURY_REPORTED in words: "Not applicable", "Injury reported". */
  public static String constant(String constant) {
    if (constant == null || constant.isEmpty()) {
      return "—";
    }
    String words = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  static String constant(Enum<?> value) {
    return constant(value.name());
  }
}
