package com.kineticcasebook.audit;

import com.kineticcasebook.access.AccessLog;
import com.kineticcasebook.problem.ApiException;
import com.kineticcasebook.problem.Paging;
import com.kineticcasebook.problem.Problems;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The access log for auditors, newest first, filtered by case, user and time: {@code from} and
 * {@code to} are instants or days in UTC (a day is all of it), both included.
 */
@RestController
class AccessLogController {

  private static final int MAX_PAGE_SIZE = 500;
  private static final String TIME_FORMAT = "must be an instant such as 2026-03-14T09:30:00Z or a day such as 2026-03-14";

  private final AccessLog accessLog;

  AccessLogController(AccessLog accessLog) {
    this.accessLog = accessLog;
  }

  @GetMapping("/api/v1/audit/access-log")
  Map<String, Object> find(
      @RequestParam(required = false) UUID caseId,
      @RequestParam(required = false) UUID userId,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "100") int size) {
    List<Problems.FieldError> errors = new ArrayList<>();
    Instant start = instant(from, "from", false, errors);
    Instant end = instant(to, "to", true, errors);
    if (start != null && end != null && end.isBefore(start)) {
      errors.add(new Problems.FieldError("to", "must not be before from"));
    }
    if (!errors.isEmpty()) {
      throw new ApiException(Problems.validation(errors));
    }
    Paging.require(page, size, MAX_PAGE_SIZE);
    return Map.of("entries", accessLog.find(caseId, userId, start, end, page, size), "page", page, "size", size);
  }

  /** An instant as given, or a day from its first instant ({@code from}) or to its last ({@code to}). */
  private static Instant instant(String text, String field, boolean end, List<Problems.FieldError> errors) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String value = text.strip();
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException notAnInstant) {
      try {
        LocalDate day = LocalDate.parse(value);
        return end ? AuditPages.endOf(day) : AuditPages.startOf(day);
      } catch (DateTimeParseException notADay) {
        errors.add(new Problems.FieldError(field, TIME_FORMAT));
        return null;
      }
    }
  }
}
