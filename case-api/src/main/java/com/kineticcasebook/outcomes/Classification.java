package com.kineticcasebook.outcomes;

/** What became of a secondary injury, by the rules of DESIGN.md "Outcome classification". */
public enum Classification {
  CLEARED_AFTER_PRIMARY_TREATMENT,
  CLEARED_WITH_DIRECT_TREATMENT,
  CLEARED_BEFORE_PRIMARY_TREATMENT,
  UNRESOLVED
}
