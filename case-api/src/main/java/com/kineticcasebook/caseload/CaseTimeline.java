package com.kineticcasebook.caseload;

import java.util.List;

/** Every recorded event of a case, in clinical order. */
public record CaseTimeline(List<TimelineEntry> entries) {
  public CaseTimeline {
    entries = List.copyOf(entries);
  }
}
