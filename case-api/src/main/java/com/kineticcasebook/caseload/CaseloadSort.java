package com.kineticcasebook.caseload;

import java.util.Arrays;
import java.util.Optional;

/** The columns a caseload can be ordered by, under the names the API takes in {@code sort}. */
public enum CaseloadSort {
  PATIENT_REF("patientRef", false),
  OPENED_ON("openedOn", true),
  STATUS("status", false),
  LAST_ACTIVITY_AT("lastActivityAt", true);

  private final String apiName;
  private final boolean newestFirst;

  CaseloadSort(String apiName, boolean newestFirst) {
    this.apiName = apiName;
    this.newestFirst = newestFirst;
  }

  /** The name of the column in the API's {@code sort} parameter and in the page's links. */
  public String apiName() {
    return apiName;
  }

  /** Whether the column reads best descending when no order is asked for: the dates, newest first. */
  public boolean descendingByDefault() {
    return newestFirst;
  }

  public static Optional<CaseloadSort> ofApiName(String name) {
    return Arrays.stream(values()).filter(sort -> sort.apiName.equals(name)).findFirst();
  }
}
