package com.kineticcasebook.audit;

import com.kineticcasebook.access.AccessLog;
import com.kineticcasebook.problem.ApiException;
import com.kineticcasebook.problem.Problems;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The access log for auditors, newest first. */
@RestController
class AccessLogController {

  private static final int MAX_PAGE_SIZE = 500;

  private final AccessLog accessLog;

  AccessLogController(AccessLog accessLog) {
    this.accessLog = accessLog;
  }

  @GetMapping("/api/v1/audit/access-log")
  Map<String, Object> find(
      @RequestParam(required = false) UUID caseId,
      @RequestParam(required = false) UUID userId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "100") int size) {
    if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
      throw new ApiException(Problems.validation(List.of(new Problems.FieldError(page < 0 ? "page" : "size",
          page < 0 ? "must be 0 or more" : "must be between 1 and " + MAX_PAGE_SIZE))));
    }
    return Map.of("entries", accessLog.find(caseId, userId, from, to, page, size), "page", page, "size", size);
  }
}
