package com.kineticcasebook.caseload;

import java.util.List;

/** One page of a caseload, with the total number of matching cases. */
public record CaseListPage(List<CaseListItem> items, int page, int size, long total) {
  public CaseListPage {
    items = List.copyOf(items);
  }
}
