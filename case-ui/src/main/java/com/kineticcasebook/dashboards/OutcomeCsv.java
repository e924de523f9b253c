package com.kineticcasebook.dashboards;

import com.kineticcasebook.outcomes.OutcomeDashboard;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The outcome dashboard as CSV, one row per figure line: the API's download and the dashboard
 * page's download are the same file.
 */
final class OutcomeCsv {

  private static final String[] HEADER = {"section", "primaryConditionCode", "secondaryConditionCode",
      "clinicianId", "modality", "month", "secondaries", "clearedAfterPrimaryTreatment", "medianDaysToClearance"};

  private OutcomeCsv() {}

  static ResponseEntity<String> download(OutcomeDashboard dashboard) {
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"outcomes.csv\"")
        .body(write(dashboard));
  }

  static String write(OutcomeDashboard d) {
    StringWriter out = new StringWriter();
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
      csv.printRecord("total", null, null, null, null, null, d.secondaries().total(),
          d.secondaries().clearedAfterPrimaryTreatment(), d.medianDaysToClearance());
      // In no other row: counted here only.
      csv.printRecord("linkedAfterClearance", null, null, null, null, null, d.linkedAfterClearance(), null, null);
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
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
