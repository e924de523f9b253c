package com.kineticcasebook.dashboards;

import com.kineticcasebook.access.CasebookUser;
import com.kineticcasebook.operations.ReadConsistency;
import com.kineticcasebook.outcomes.OutcomeDashboard;
import com.kineticcasebook.projections.ProcessingGroups;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Outcome dashboards for the clinics a practice owner owns. */
@RestController
@RequestMapping("/api/v1/dashboards")
class OutcomeDashboardController {

  private final OutcomeDashboards dashboards;
  private final ReadConsistency consistency;
  private final OutcomeCsv csv;

  OutcomeDashboardController(OutcomeDashboards dashboards, ReadConsistency consistency, OutcomeCsv csv) {
    this.dashboards = dashboards;
    this.consistency = consistency;
    this.csv = csv;
  }

  @GetMapping("/outcomes")
  OutcomeDashboard outcomes(@AuthenticationPrincipal CasebookUser user,
      @RequestParam(required = false) UUID clinicId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String asOf,
      @RequestHeader(name = ReadConsistency.HEADER, required = false) String consistencyHeader) {
    consistency.await(consistencyHeader, ProcessingGroups.CASE_VIEWS);
    return dashboards.find(user, clinicId, from, to, asOf);
  }

  @GetMapping("/outcomes.csv")
  ResponseEntity<String> outcomesCsv(@AuthenticationPrincipal CasebookUser user,
      @RequestParam(required = false) UUID clinicId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String asOf,
      @RequestHeader(name = ReadConsistency.HEADER, required = false) String consistencyHeader) {
    consistency.await(consistencyHeader, ProcessingGroups.CASE_VIEWS);
    return csv.download(user, dashboards.find(user, clinicId, from, to, asOf));
  }
}
