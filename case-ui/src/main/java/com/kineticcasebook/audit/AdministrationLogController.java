package com.kineticcasebook.audit;

import com.kineticcasebook.access.AdministrationLog;
import com.kineticcasebook.problem.Paging;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The administration log for auditors, newest first. */
@RestController
class AdministrationLogController {

  private static final int MAX_PAGE_SIZE = 500;

  private final AdministrationLog log;

  AdministrationLogController(AdministrationLog log) {
    this.log = log;
  }

  @GetMapping("/api/v1/audit/administration-log")
  Map<String, Object> administrationLog(
      @RequestParam(required = false) UUID userId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "100") int size) {
    Paging.require(page, size, MAX_PAGE_SIZE);
    return Map.of("entries", log.find(userId, from, to, page, size), "page", page, "size", size);
  }
}
