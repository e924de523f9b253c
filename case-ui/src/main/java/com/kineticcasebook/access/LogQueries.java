package com.kineticcasebook.access;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** What the access log and the administration log share when an auditor reads them: a time range and a page, newest first. */
final class LogQueries {

  private LogQueries() {}

  /** Appends {@code from}/{@code to} (each optional, inclusive) to the where clause and returns the ordering and page. */
  static String timeRangeAndPage(StringBuilder where, List<Object> arguments, Instant from, Instant to, int page,
      int size) {
    if (from != null) {
      where.append(" AND at >= ?");
      arguments.add(from.atOffset(ZoneOffset.UTC));
    }
    if (to != null) {
      where.append(" AND at <= ?");
      arguments.add(to.atOffset(ZoneOffset.UTC));
    }
    arguments.add(size);
    arguments.add((long) page * size);
    return " ORDER BY id DESC LIMIT ? OFFSET ?";
  }
}
