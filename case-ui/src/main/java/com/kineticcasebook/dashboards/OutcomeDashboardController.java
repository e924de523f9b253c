package com.kineticcasebook.dashboards;

import com.kineticcasebook.identity.CasebookUser;
import com.kineticcasebook.operations.ReadConsistency;
import com.kineticcasebook.outcomes.FindOutcomeDashboard;
import com.kineticcasebook.outcomes.OutcomeDashboard;
import com.kineticcasebook.patientcase.ClinicId;
import com.kineticcasebook.problem.ApiException;
import com.kineticcasebook.problem.Problems;
import com.kineticcasebook.projections.caseview.CaseViewProjection;
import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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

  private static final String[] CSV_HEADER = {"section", "primaryConditionCode", "secondaryConditionCode",
      "clinicianId", "modality", "month", "secondaries", "clearedAfterPrimaryTreatment", "medianDaysToClearance"};

  private final QueryGateway queries;
  private final ReadConsistency consistency;

  OutcomeDashboardController(QueryGateway queries, ReadConsistency consistency) {
    this.queries = queries;
    this.consistency = consistency;
  }

  @GetMapping("/outcomes")
  OutcomeDashboard outcomes(@AuthenticationPrincipal CasebookUser user,
      @RequestParam(required = false) UUID clinicId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestHeader(name = ReadConsistency.HEADER, required = false) String consistencyHeader) {
    consistency.await(consistencyHeader, CaseViewProjection.GROUP);
    return dashboard(user, clinicId, from, to);
  }

  @GetMapping("/outcomes.csv")
  ResponseEntity<String> outcomesCsv(@AuthenticationPrincipal CasebookUser user,
      @RequestParam(required = false) UUID clinicId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestHeader(name = ReadConsistency.HEADER, required = false) String consistencyHeader)
      throws IOException {
    consistency.await(consistencyHeader, CaseViewProjection.GROUP);
    OutcomeDashboard d = dashboard(user, clinicId, from, to);
    StringWriter out = new StringWriter();
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(CSV_HEADER).get())) {
      csv.printRecord("total", null, null, null, null, null, d.secondaries().total(),
          d.secondaries().clearedAfterPrimaryTreatment(), d.medianDaysToClearance());
      for (var row : d.byPrimaryCondition()) {
        csv.printRecord("byPrimaryCondition", row.conditionCode(), null, null, null, null, row.secondaries(),
            row.clearedAfterPrimaryTreatment(), row.medianDaysToClearance());
      }
      for (var row : d.byChain()) {
        csv.printRecord("byChain", row.primaryConditionCode(), row.secondaryConditionCode(), null, null, null,
            row.count(), row.clearedAfterPrimaryTreatment(), null);
      }
      for (var row : d.byClinician()) {
        csv.printRecord("byClinician", null, null, row.clinicianId(), null, null, row.secondaries(),
            row.clearedAfterPrimaryTreatment(), row.medianDaysToClearance());
      }
      for (var row : d.byModality()) {
        csv.printRecord("byModality", null, null, null, row.modality(), null, row.secondaries(),
            row.clearedAfterPrimaryTreatment(), row.medianDaysToClearance());
      }
      for (var row : d.byMonth()) {
        csv.printRecord("byMonth", null, null, null, null, row.month(), row.secondaries(),
            row.clearedAfterPrimaryTreatment(), null);
      }
    }
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"outcomes.csv\"")
        .body(out.toString());
  }

  private OutcomeDashboard dashboard(CasebookUser user, UUID clinicId, LocalDate from, LocalDate to) {
    UUID clinic = clinicId;
    if (clinic == null) {
      if (user.owns().size() != 1) {
        throw new ApiException(Problems.validation(List.of(
            new Problems.FieldError("clinicId", "is required when you own more than one clinic"))));
      }
      clinic = user.owns().iterator().next();
    } else if (!user.owns().contains(clinic)) {
      throw new ApiException(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
          "You do not own that clinic."));
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw new ApiException(Problems.validation(List.of(new Problems.FieldError("from", "must not be after to"))));
    }
    return queries.query(new FindOutcomeDashboard(new ClinicId(clinic), from, to), OutcomeDashboard.class).join();
  }
}
