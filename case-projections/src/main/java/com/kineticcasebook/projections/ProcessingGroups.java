package com.kineticcasebook.projections;

/** The names of the read side's processing groups: configuration, operations and tests use these. */
public final class ProcessingGroups {

  /** Subscribing, in the recording transaction: which clinic each case belongs to. */
  public static final String CASE_DIRECTORY = "case-directory";

  /** Tracking, in batches: case views, timelines and outcome rows. */
  public static final String CASE_VIEWS = "case-views";

  private ProcessingGroups() {}
}
