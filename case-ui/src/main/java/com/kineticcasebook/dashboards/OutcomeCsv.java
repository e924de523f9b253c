package com.kineticcasebook.dashboards;

import com.kineticcasebook.access.CasebookUser;
import com.kineticcasebook.access.UserDirectory;
import com.kineticcasebook.outcomes.ConfidenceInterval;
import com.kineticcasebook.outcomes.OutcomeDashboard;
import com.kineticcasebook.outcomes.OutcomeDashboard.Comparison;
import com.kineticcasebook.reference.OutcomeInstrument;
import com.kineticcasebook.reference.Wording;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The outcome dashboard as a CSV a person can read in a spreadsheet: the clinic, the onset range
 * and when the figures were computed, in the file name and a header block; then one block per
 * kind of figure, each with its own heading row, with conditions, treatments and clinicians
 * named, every share beside its 95 % interval and every median beside its own. The API's download
 * and the dashboard page's download are the same bytes.
 */
@Component
class OutcomeCsv {

  private static final String[] BREAKDOWN = {"Section", "Primary condition", "Secondary condition", "Clinician",
      "First treatment of the primary", "Month of onset", "Secondaries", "Cleared after primary treatment",
      "Clearance rate", "Clearance rate lower 95%", "Clearance rate upper 95%", "Median days to clearance",
      "Median lower 95%", "Median upper 95%", "Too few to judge"};

  private final UserDirectory users;

  OutcomeCsv(UserDirectory users) {
    this.users = users;
  }

  ResponseEntity<String> download(CasebookUser user, OutcomeDashboard dashboard) {
    String clinic = users.clinicsOf(user).stream().filter(c -> c.clinicId().equals(dashboard.clinicId()))
        .map(UserDirectory.Clinic::name).findFirst().orElse("clinic");
    List<UUID> clinicians = dashboard.byClinician().stream().map(OutcomeDashboard.ByClinician::clinicianId).toList();
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(fileName(clinic, dashboard.from(), dashboard.to(), dashboard.asOf())).build()
                .toString())
        .body(write(dashboard, clinic, users.usernames(clinicians)));
  }

  /** {@code outcomes-north-2026-01-01-to-2026-06-30.csv}: the clinic's name made safe for a file name, and the range. */
  static String fileName(String clinic, LocalDate from, LocalDate to) {
    return fileName(clinic, from, to, null);
  }

  /**
   * A report as of an instant ends in {@code -as-of-2026-03-14T17-00-00Z}: the instant, with the
   * colons a file name cannot carry everywhere as {@code -}.
   */
  static String fileName(String clinic, LocalDate from, LocalDate to, Instant asOf) {
    String slug = clinic.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    String range = from != null && to != null ? from + "-to-" + to
        : from != null ? "from-" + from : to != null ? "to-" + to : "all-dates";
    String asOfPart = asOf == null ? "" : "-as-of-" + asOf.toString().replace(':', '-');
    return "outcomes-" + (slug.isEmpty() ? "clinic" : slug) + "-" + range + asOfPart + ".csv";
  }

  static String write(OutcomeDashboard d, String clinic, Map<UUID, String> usernames) {
    StringWriter out = new StringWriter();
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
      csv.printRecord("Outcomes of secondary injuries");
      csv.printRecord("Clinic", clinic);
      csv.printRecord("Onset from", d.from() == null ? "open" : d.from());
      csv.printRecord("Onset to", d.to() == null ? "open" : d.to());
      csv.printRecord("Generated at", d.computedAt());
      if (d.asOf() != null) {
        csv.printRecord("As of (events recorded up to)", d.asOf());
      }
      csv.println();

      var counts = d.secondaries();
      csv.printRecord("Outcome", "Secondaries");
      csv.printRecord("All secondaries", counts.total());
      csv.printRecord("Cleared after primary treatment", counts.clearedAfterPrimaryTreatment());
      csv.printRecord("Cleared with their own treatment", counts.clearedWithDirectTreatment());
      csv.printRecord("Cleared before the primary was treated", counts.clearedBeforePrimaryTreatment());
      csv.printRecord("Still open", counts.unresolved());
      // In no other row: linked to their primary only after they had cleared, counted here only.
      csv.printRecord("Linked to their primary only after they cleared (in no figure)", d.linkedAfterClearance());
      csv.println();

      csv.printRecord((Object[]) BREAKDOWN);
      csv.printRecord(row("All secondaries", null, null, null, null, null, counts.total(),
          counts.clearedAfterPrimaryTreatment(), d.clearanceRateAfterPrimaryTreatment(),
          d.clearanceRateAfterPrimaryTreatmentCi(), d.medianDaysToClearance(), d.medianDaysToClearanceCi(),
          d.insufficientData()));
      for (var r : d.byPrimaryCondition()) {
        csv.printRecord(row("By primary condition", Wording.condition(r.conditionCode()), null, null, null, null,
            r.secondaries(), r.clearedAfterPrimaryTreatment(), r.clearanceRateAfterPrimaryTreatment(),
            r.clearanceRateAfterPrimaryTreatmentCi(), r.medianDaysToClearance(), r.medianDaysToClearanceCi(),
            r.insufficientData()));
      }
      for (var r : d.byChain()) {
        csv.printRecord(row("By chain", Wording.condition(r.primaryConditionCode()),
            Wording.condition(r.secondaryConditionCode()), null, null, null, r.count(), r.clearedAfterPrimaryTreatment(),
            r.clearanceRateAfterPrimaryTreatment(), r.clearanceRateAfterPrimaryTreatmentCi(), null, null,
            r.insufficientData()));
      }
      for (var r : d.byClinician()) {
        csv.printRecord(row("By clinician", null, null, usernames.getOrDefault(r.clinicianId(), "Unknown user"), null,
            null, r.secondaries(), r.clearedAfterPrimaryTreatment(), r.clearanceRateAfterPrimaryTreatment(),
            r.clearanceRateAfterPrimaryTreatmentCi(), r.medianDaysToClearance(), r.medianDaysToClearanceCi(),
            r.insufficientData()));
      }
      for (var r : d.byModality()) {
        csv.printRecord(row("By first treatment of the primary", null, null, null, DashboardView.modality(r.modality()),
            null, r.secondaries(), r.clearedAfterPrimaryTreatment(), r.clearanceRateAfterPrimaryTreatment(),
            r.clearanceRateAfterPrimaryTreatmentCi(), r.medianDaysToClearance(), r.medianDaysToClearanceCi(),
            r.insufficientData()));
      }
      for (var r : d.byMonth()) {
        csv.printRecord(row("By month of onset", null, null, null, null, r.month(), r.secondaries(),
            r.clearedAfterPrimaryTreatment(), r.clearanceRateAfterPrimaryTreatment(),
            r.clearanceRateAfterPrimaryTreatmentCi(), null, null, r.insufficientData()));
      }
      csv.println();

      csv.printRecord("Days after primary treatment", "Still followed (at risk)", "Cleared without own treatment",
          "Given their own treatment first");
      for (var atRisk : d.numbersAtRisk()) {
        var incidence = d.cumulativeIncidence().stream().filter(p -> p.day() == atRisk.day()).findFirst();
        csv.printRecord(atRisk.day(), atRisk.atRisk(),
            incidence.map(p -> share(p.clearedWithoutOwnTreatment())).orElse(""),
            incidence.map(p -> share(p.ownTreatment())).orElse(""));
      }
      csv.println();

      csv.printRecord("Comparison of time to clearance", "Groups", "Chi-square", "Degrees of freedom", "p-value");
      csv.printRecord(comparison("Between first treatments of the primary", d.modalityComparison(),
          DashboardView::modality));
      csv.printRecord(comparison("Between clinicians", d.clinicianComparison(),
          id -> usernames.getOrDefault(UUID.fromString(id), "Unknown user")));
      csv.println();

      csv.printRecord("Outcome measure", "MCID", "Injuries measured twice or more", "Improved by the MCID",
          "Share improved", "Share lower 95%", "Share upper 95%", "Mean improvement", "Too few to judge");
      for (var m : d.outcomeMeasures()) {
        ConfidenceInterval ci = m.improvedByMcidCi();
        csv.printRecord(instrument(m.instrument()), m.mcid(), m.injuries(), m.improvedByMcid(),
            share(m.injuries() == 0 ? null : (double) m.improvedByMcid() / m.injuries()),
            share(ci == null ? null : ci.lower()), share(ci == null ? null : ci.upper()),
            m.meanImprovement() == null ? "" : String.format(Locale.ROOT, "%.1f", m.meanImprovement()),
            m.insufficientData() ? "yes" : "no");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static List<Object> row(String section, String primary, String secondary, String clinician,
      String modality, String month, int secondaries, int cleared, Double rate, ConfidenceInterval rateCi,
      Integer median, ConfidenceInterval medianCi, boolean insufficient) {
    List<Object> row = new ArrayList<>(Arrays.asList(section, primary, secondary, clinician, modality, month,
        secondaries, cleared, share(rate), share(rateCi == null ? null : rateCi.lower()),
        share(rateCi == null ? null : rateCi.upper())));
    if (medianCi == null) {
      row.addAll(Arrays.asList(null, null, null));
    } else {
      row.addAll(Stream.of(median == null ? null : median.doubleValue(), medianCi.lower(), medianCi.upper())
          .map(days -> days == null ? "not reached" : String.valueOf(Math.round(days))).toList());
    }
    row.add(insufficient ? "yes" : "no");
    return row;
  }

  private static List<Object> comparison(String label, Comparison c, Function<String, String> name) {
    if (c == null) {
      return List.of(label, "too few to compare", "", "", "");
    }
    return List.of(label, String.join("; ", c.groups().stream().map(name).toList()),
        String.format(Locale.ROOT, "%.3f", c.chiSquare()), c.degreesOfFreedom(),
        String.format(Locale.ROOT, "%.4g", c.pValue()));
  }

  /** A share as a percentage with one decimal, which spreadsheets read as a number. */
  private static String share(Double share) {
    return share == null ? "" : String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  private static String instrument(String instrument) {
    return Arrays.stream(OutcomeInstrument.values()).filter(i -> i.name().equals(instrument)).findFirst()
        .map(OutcomeInstrument::label).orElse(instrument);
  }
}
