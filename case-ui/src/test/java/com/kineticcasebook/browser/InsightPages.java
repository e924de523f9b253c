package com.kineticcasebook.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.SelectOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * What a practice owner, an auditor and an administrator do in the browser, step by step, for
 * tests to compose into journeys. Each step waits until the page shows its result.
 */
public final class InsightPages {

  private static final DateTimeFormatter DATETIME_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

  private final Page page;

  public InsightPages(Page page) {
    this.page = page;
  }

  // Practice owner

  /** Opens the outcome dashboard of a clinic the signed-in owner owns, over all dates. */
  public void openDashboard(String clinicName) {
    page.navigate("/dashboards/outcomes");
    Locator picker = page.getByLabel("Clinic", new Page.GetByLabelOptions().setExact(true));
    if (picker.count() > 0) {
      picker.selectOption(new SelectOption().setLabel(clinicName));
      showFigures();
    }
    assertThat(heading()).containsText(clinicName);
  }

  /** Sets the onset range (either end may be null) and shows the figures. */
  public void dashboardRange(LocalDate from, LocalDate to) {
    page.getByLabel("Onset from").fill(from == null ? "" : from.toString());
    page.getByLabel("Onset to").fill(to == null ? "" : to.toString());
    showFigures();
  }

  /** Every figure on the dashboard by its key (as {@link #figuresOf} names them) and its text. */
  public Map<String, String> dashboardFigures() {
    @SuppressWarnings("unchecked")
    List<List<String>> pairs = (List<List<String>>) page.locator("[data-figure]")
        .evaluateAll("elements => elements.map(e => [e.dataset.figure, e.textContent.trim()])");
    Map<String, String> figures = new TreeMap<>();
    pairs.forEach(pair -> figures.put(pair.get(0), pair.get(1)));
    return figures;
  }

  /** The figures the dashboard must show for an answer of {@code GET /api/v1/dashboards/outcomes}. */
  public static Map<String, String> figuresOf(JsonNode api) {
    Map<String, String> figures = new TreeMap<>();
    if (api.get("linkedAfterClearance").asInt() > 0) {
      figures.put("overall.linkedAfterClearance", api.get("linkedAfterClearance").asString());
    }
    JsonNode counts = api.get("secondaries");
    if (counts.get("total").asInt() == 0) {
      return figures;
    }
    for (String count : List.of("total", "clearedAfterPrimaryTreatment", "clearedWithDirectTreatment",
        "clearedBeforePrimaryTreatment", "unresolved")) {
      figures.put("overall." + count, counts.get(count).asString());
    }
    figures.put("overall.clearanceRate", percent(api.get("clearanceRateAfterPrimaryTreatment")));
    figures.put("overall.medianDays", days(api.get("medianDaysToClearance")));
    figures.put("overall.clearanceRateCi", percentInterval(api.get("clearanceRateAfterPrimaryTreatmentCi")));
    figures.put("overall.medianDaysCi", daysInterval(api.get("medianDaysToClearanceCi")));
    insufficient(figures, api, "overall");
    if (!api.get("timeToClearance").isEmpty()) {
      for (JsonNode atRisk : api.get("numbersAtRisk")) {
        figures.put("atRisk." + atRisk.get("day").asInt(), atRisk.get("atRisk").asString());
      }
      for (JsonNode point : api.get("cumulativeIncidence")) {
        String key = "cumulativeIncidence." + point.get("day").asInt();
        figures.put(key + ".clearedWithoutOwnTreatment", percent(point.get("clearedWithoutOwnTreatment")));
        figures.put(key + ".ownTreatment", percent(point.get("ownTreatment")));
      }
    }
    for (JsonNode row : api.get("byChain")) {
      String key = "byChain." + row.get("primaryConditionCode").asString() + ">"
          + row.get("secondaryConditionCode").asString();
      figures.put(key + ".count", row.get("count").asString());
      figures.put(key + ".clearedAfterPrimaryTreatment", row.get("clearedAfterPrimaryTreatment").asString());
      figures.put(key + ".clearanceRateCi", percentInterval(row.get("clearanceRateAfterPrimaryTreatmentCi")));
      insufficient(figures, row, key);
    }
    breakdown(figures, api.get("byPrimaryCondition"), "byPrimaryCondition", "conditionCode", true);
    breakdown(figures, api.get("byClinician"), "byClinician", "clinicianId", true);
    breakdown(figures, api.get("byModality"), "byModality", "modality", true);
    breakdown(figures, api.get("byMonth"), "byMonth", "month", false);
    for (JsonNode row : api.get("byClinician")) {
      figures.put("byClinician." + row.get("clinicianId").asString() + ".clearanceRate",
          percent(row.get("clearanceRateAfterPrimaryTreatment")));
    }
    return figures;
  }

  /** A downloaded file: the name the server gave it and its text. */
  public record Csv(String fileName, String text) {}

  /** Downloads the dashboard's CSV through its link. */
  public Csv downloadCsv() {
    Download download = page.waitForDownload(() ->
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download CSV")).click());
    try {
      return new Csv(download.suggestedFilename(), Files.readString(download.path()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The validation message shown next to a field, found through the field's aria-describedby. */
  public String fieldError(String label) {
    Locator field = page.getByLabel(label);
    assertThat(field).hasAttribute("aria-invalid", "true");
    return page.locator("#" + field.getAttribute("id") + "-error").textContent().strip();
  }

  // Auditor

  /** Finds a case by id on the audit page and opens its history. */
  public void openAuditCase(String caseId) {
    page.navigate("/audit");
    page.getByLabel("Case id").fill(caseId);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open case history")).click();
    assertThat(heading()).hasText("Case history");
  }

  /** The integrity verification's verdict: "Intact" or "Altered". */
  public String integrity() {
    return page.locator(".insights-verification-title .badge").textContent().strip();
  }

  /** One recorded event row as the auditor sees it. */
  public record AuditedEvent(String eventId, String type, String who, String correlationId, String recordedAt) {}

  public List<AuditedEvent> auditedEvents() {
    return page.locator("tr[data-event-id]").all().stream().map(row -> new AuditedEvent(
        row.getAttribute("data-event-id"), row.locator("td:nth-child(3) strong").textContent().strip(),
        row.locator("[data-who]").textContent().strip(), row.locator("[data-correlation]").textContent().strip(),
        row.locator("time").getAttribute("datetime"))).toList();
  }

  /** Shows the case as it stood at an instant, typed into the as-of control (UTC, to the millisecond). */
  public void asOf(Instant instant) {
    page.getByLabel("Date and time (UTC)")
        .fill(datetimeLocal(instant));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show the case then")).click();
    assertThat(page.locator("[data-as-of=state]")).isVisible();
  }

  /**
   * The instant as a datetime-local value in the form Chromium keeps it: trailing zeros of the
   * milliseconds dropped, and the seconds too when they and the milliseconds are zero.
   */
  static String datetimeLocal(Instant instant) {
    String value = DATETIME_LOCAL.format(
        LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC));
    value = value.replaceFirst("\\.?0+$", "");
    return value.endsWith(":00") && value.length() == "yyyy-MM-ddTHH:mm:00".length()
        ? value.substring(0, value.length() - 3) : value;
  }

  /** The status ("Open" or "Resolved") of an injury in the as-of view, by its id. */
  public String injuryStatusAsOf(String injuryId) {
    return page.locator("[data-as-of=state] tr[data-injury='" + injuryId + "'] [data-injury-status]").textContent()
        .strip();
  }

  // Administrator

  /** Creates a user with one role and, when a clinic is named, a first membership ("Works in it" or "Owns it"). */
  public void createUser(String username, String password, String role, String clinicName, String relation) {
    page.navigate("/admin/users/new");
    page.getByLabel("Username").fill(username);
    page.getByLabel("Initial password").fill(password);
    page.getByLabel(role, new Page.GetByLabelOptions().setExact(true)).check();
    if (clinicName != null) {
      page.getByLabel("Clinic", new Page.GetByLabelOptions().setExact(true)).selectOption(new SelectOption().setLabel(clinicName));
      page.getByLabel(relation).check();
    }
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create user")).click();
    assertThat(heading()).hasText(username);
  }

  public void openUsers() {
    page.navigate("/admin/users");
    assertThat(heading()).hasText("Users");
  }

  /** Starts a rebuild from the projections page and waits until its progress bar shows it done. */
  public void rebuildProjection(String name) {
    page.navigate("/admin/projections");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rebuild " + name)).click();
    Locator row = page.locator("tr[data-projection='" + name + "']");
    assertThat(row.locator("[data-state]")).hasText("Up to date", new com.microsoft.playwright.assertions
        .LocatorAssertions.HasTextOptions().setTimeout(60_000));
    assertThat(row.locator("progress")).hasAttribute("value", "100");
  }

  /** Submits the filters and waits for the whole page: its figures arrive after the heading. */
  private void showFigures() {
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show figures")).click();
    page.waitForLoadState(LoadState.LOAD);
  }

  private Locator heading() {
    return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
  }

  private static void breakdown(Map<String, String> figures, JsonNode rows, String section, String keyField,
      boolean withMedian) {
    for (JsonNode row : rows) {
      String key = section + "." + (row.get(keyField).isNull() ? "null" : row.get(keyField).asString());
      figures.put(key + ".secondaries", row.get("secondaries").asString());
      figures.put(key + ".clearedAfterPrimaryTreatment", row.get("clearedAfterPrimaryTreatment").asString());
      figures.put(key + ".clearanceRateCi", percentInterval(row.get("clearanceRateAfterPrimaryTreatmentCi")));
      insufficient(figures, row, key);
      if (withMedian) {
        figures.put(key + ".medianDays", days(row.get("medianDaysToClearance")));
        figures.put(key + ".medianDaysCi", daysInterval(row.get("medianDaysToClearanceCi")));
      }
    }
  }

  private static String percent(JsonNode rate) {
    return rate == null || rate.isNull() ? "—" : Math.round(rate.asDouble() * 100) + "%";
  }

  /** A figure over too few secondaries carries the mark, and only such a figure does. */
  private static void insufficient(Map<String, String> figures, JsonNode figure, String key) {
    if (figure.get("insufficientData").asBoolean()) {
      figures.put(key + ".insufficient", "too few to judge");
    }
  }

  private static String percentInterval(JsonNode interval) {
    return interval == null || interval.isNull() ? "—"
        : Math.round(interval.get("lower").asDouble() * 100) + "–" + Math.round(interval.get("upper").asDouble() * 100)
            + "%";
  }

  private static String daysInterval(JsonNode interval) {
    if (interval.get("lower").isNull()) {
      return "not reached";
    }
    String lower = String.valueOf(Math.round(interval.get("lower").asDouble()));
    return interval.get("upper").isNull() ? lower + " to not reached"
        : lower + "–" + Math.round(interval.get("upper").asDouble());
  }

  private static String days(JsonNode days) {
    return days == null || days.isNull() ? "Not reached" : days.asString();
  }
}
