package com.kineticcasebook.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The clinician's pages as steps a person takes: each method uses the page as a clinician would
 * (labels, buttons, the body chart) and waits for the page's answer. Journeys across roles are
 * composed from these steps.
 */
public final class CaseworkPages {

  private static final Pattern CASE_PATH = Pattern.compile(".*/cases/([0-9a-f-]{36})(/first-visit/[a-z]+)?$");

  private final Page page;

  public CaseworkPages(Page page) {
    this.page = page;
  }

  /** An injury as the report form takes it; {@code chartSpot} is a body chart button, e.g. "Left calf". */
  public record Injury(String chartSpot, String condition, String description, int painScore) {}

  /** Findings of a gait filming as the form takes them; labels as the form shows them. */
  public record GaitFilming(String view, String surface, boolean antalgic, String stanceAsymmetryPct,
      String pushOffDelayMs, String hipHikeSide, String trunkLeanCm, String cadenceSpm) {}

  /** Opens a case in the clinician's only clinic from the caseload; returns the case's id. */
  public String openCase(String patientRef) {
    page.navigate("/cases");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open a case").setExact(true)).click();
    page.getByLabel("Patient reference").fill(patientRef);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open case")).click();
    assertThat(notice()).hasText(
        "Case opened. Record the first visit step by step; skip any step you do not need.");
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText(patientRef);
    String caseId = caseId();
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Go to the case page").setExact(true)).click();
    assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/cases/" + caseId + "$"));
    return caseId;
  }

  /** The id of the case whose page is open. */
  public String caseId() {
    var matcher = CASE_PATH.matcher(page.url().replaceFirst("#.*$", ""));
    if (!matcher.matches()) {
      throw new IllegalStateException("not on a case page: " + page.url());
    }
    return matcher.group(1);
  }

  public void showCase(String caseId) {
    page.navigate("/cases/" + caseId);
  }

  /** Opens one of the "Record" forms by its title, e.g. "Report an injury". */
  public Locator openForm(String title) {
    Locator details = page.locator("details.quick-form", new Page.LocatorOptions().setHas(
        page.locator("summary", new Page.LocatorOptions().setHasText(title))));
    if (details.getAttribute("open") == null) {
      details.locator("summary").click();
    }
    return details;
  }

  /** Picks the region and side on the body chart, then fills the rest; leaves the form unsent. */
  public Locator fillInjury(Injury injury) {
    Locator form = openForm("Report an injury");
    form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(injury.chartSpot()).setExact(true)).click();
    form.getByLabel("Condition (optional)").selectOption(new SelectOption().setLabel(injury.condition()));
    form.getByLabel("Description").fill(injury.description());
    form.getByLabel("Pain now (0–10)").fill(Integer.toString(injury.painScore()));
    return form;
  }

  /** Reports an injury through the body chart; returns its name as the case page shows it. */
  public String reportInjury(Injury injury) {
    Locator form = fillInjury(injury);
    form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Report injury")).click();
    assertThat(notice()).hasText("Injury reported.");
    Locator added = page.locator(".injury-name", new Page.LocatorOptions().setHasText(injury.condition()));
    assertThat(added).isVisible();
    return added.textContent().strip();
  }

  /** Records a gait filming; returns the id of the recording's element on the page. */
  public String recordGaitFilming(GaitFilming filming) {
    int before = page.locator("article.recording").count();
    Locator form = openForm("Record gait filming");
    form.getByLabel("Camera view").selectOption(new SelectOption().setLabel(filming.view()));
    form.getByLabel("Surface").selectOption(new SelectOption().setLabel(filming.surface()));
    form.getByLabel(filming.antalgic() ? "Yes, guarding a side" : "No", new Locator.GetByLabelOptions().setExact(true))
        .check();
    form.getByLabel("Stance asymmetry (%)").fill(filming.stanceAsymmetryPct());
    form.getByLabel("Push-off delay (ms)").fill(filming.pushOffDelayMs());
    form.getByLabel("Hip hike").selectOption(new SelectOption().setLabel(filming.hipHikeSide()));
    form.getByLabel("Trunk lean (cm)").fill(filming.trunkLeanCm());
    form.getByLabel("Cadence (steps/min)").fill(filming.cadenceSpm());
    form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record gait filming")).click();
    assertThat(notice()).hasText("Gait filming recorded. You can upload its video below.");
    assertThat(page.locator("article.recording")).hasCount(before + 1);
    return page.locator("article.recording").last().getAttribute("id");
  }

  /** Uploads a video file to a recording and waits until the page plays it back. */
  public Locator uploadVideo(String recordingElementId, Path video) {
    Locator recording = page.locator("#" + recordingElementId);
    recording.getByLabel("Video of this filming").setInputFiles(video);
    recording.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Upload video")).click();
    assertThat(notice()).hasText("Video uploaded. It plays below the recording's findings.");
    Locator player = page.locator("#" + recordingElementId + " video");
    assertThat(player).isVisible();
    return player;
  }

  public void hypothesise(String primary, List<String> secondaries, String rationale, boolean withAllEvidence) {
    Locator form = openForm("Hypothesise the primary");
    form.getByLabel("Primary injury").selectOption(new SelectOption().setLabel(primary));
    for (String secondary : secondaries) {
      form.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName(Pattern.compile("^Secondary injuries")))
          .getByLabel(secondary).check();
    }
    form.getByLabel("Rationale").fill(rationale);
    if (withAllEvidence) {
      Locator evidence = form.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions()
          .setName(Pattern.compile("^Evidence"))).getByRole(AriaRole.CHECKBOX);
      for (int i = 0; i < evidence.count(); i++) {
        evidence.nth(i).check();
      }
    }
    form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record hypothesis")).click();
    assertThat(notice()).containsText("Hypothesis recorded.");
  }

  public void startTreatment(String injury, String modality, String plan) {
    Locator form = openForm("Start a treatment");
    form.getByLabel("Injury treated").selectOption(new SelectOption().setLabel(injury));
    form.getByLabel("Modality").selectOption(new SelectOption().setLabel(modality));
    form.getByLabel("Plan").fill(plan);
    form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Start treatment")).click();
    assertThat(notice()).hasText("Treatment started.");
  }

  /** Records an outcome measure; {@code instrument} is the instrument's code, e.g. "NPRS". */
  public void recordOutcomeMeasure(String injury, String instrument, String score) {
    Locator form = openForm("Record an outcome measure");
    form.getByLabel("Injury").selectOption(new SelectOption().setLabel(injury));
    form.getByLabel("Instrument").selectOption(instrument);
    form.getByLabel("Score").fill(score);
    form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record measure")).click();
    assertThat(notice()).hasText("Outcome measure recorded.");
  }

  /** Resolves an injury from its row; returns the notice, which says whether a secondary cleared. */
  public String resolveInjury(String injury, String note) {
    Locator row = injuryRow(injury);
    row.locator("summary", new Locator.LocatorOptions().setHasText("Resolve")).click();
    row.getByLabel("Note (optional)").fill(note);
    row.locator("form").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Resolve " + injury)).click();
    assertThat(notice()).isVisible();
    assertThat(injuryRow(injury).locator(".badge", new Locator.LocatorOptions().setHasText("Resolved"))).isVisible();
    return notice().textContent().strip();
  }

  /** Marks the timeline entry whose summary contains {@code summary} in error. */
  public void markInError(String summary, String reason) {
    Locator entry = timelineEntry(summary);
    entry.locator("summary", new Locator.LocatorOptions().setHasText("Mark in error")).click();
    entry.getByLabel("Why is this entry wrong?").fill(reason);
    entry.locator("form").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark in error")).click();
    assertThat(notice()).hasText("Entry marked in error. It stays on the timeline, struck through.");
    assertThat(timelineEntry(summary).locator("del")).isVisible();
  }

  public void closeCase(String reason) {
    page.locator(".case-status-action summary", new Page.LocatorOptions().setHasText("Close case")).click();
    page.getByLabel("Reason").fill(reason);
    Locator unresolved = page.locator("#closure-closeOpenInjuriesAsUnresolved");
    if (unresolved.count() > 0) {
      unresolved.check();
    }
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close this case")).click();
    assertThat(notice()).hasText("Case closed.");
    assertThat(page.locator("h1 .badge")).hasText("Closed");
  }

  /** The visit form's row of an open injury, holding its instrument, score and "resolved" box. */
  public Locator visitRow(String injury) {
    return openForm("Record a visit").locator(".visit-injury", new Locator.LocatorOptions().setHas(
        page.locator(".visit-injury-name", new Page.LocatorOptions().setHasText(injury))));
  }

  public Locator injuryRow(String injury) {
    return page.locator("li.injury", new Page.LocatorOptions().setHas(
        page.locator(".injury-name", new Page.LocatorOptions().setHasText(injury))));
  }

  public Locator timelineEntry(String summary) {
    return page.locator("li.timeline-entry", new Page.LocatorOptions().setHasText(summary)).first();
  }

  public Locator hypothesis() {
    return page.locator(".hypothesis-words");
  }

  public Locator notice() {
    return page.locator(".notice[role=status]");
  }

  /** Searches the caseload as the clinician types, and returns the results' table rows. */
  public Locator searchCaseload(String text) {
    if (!page.url().replaceFirst("\\?.*$", "").endsWith("/cases")) {
      page.navigate("/cases");
    }
    page.waitForResponse(response -> response.url().contains("q="), () -> page.getByLabel("Search").fill(text));
    assertThat(page.locator(".caseload-count")).containsText("matching “" + text + "”");
    assertThat(page).hasURL(Pattern.compile(".*[?&]q=.*"));
    return page.locator("#caseload-results tbody tr");
  }
}
