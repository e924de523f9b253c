package com.kineticcasebook.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.kineticcasebook.browser.CaseworkPages.GaitFilming;
import com.kineticcasebook.browser.CaseworkPages.Injury;
import com.kineticcasebook.support.CaseScript;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * A clinician's day in a real browser: a whole case from the first injury to a resolved secondary,
 * a refused form that keeps what was typed, keyboard-only use, and another clinic's clinician who
 * cannot reach the case.
 */
class CaseworkBrowserIT extends BrowserTest {

  private static final String CALF = "Calf (gastrocnemius or soleus) strain";
  private static final String KNEE = "Patellofemoral pain";


  @Test
  void aClinicianRecordsAWholeCaseFromFirstInjuryToResolvedSecondary() throws Exception {
    CaseworkPages pages = new CaseworkPages(page);
    String ref = patientRef();
    signIn("clinician.north");
    assertThat(page).hasURL(url("/cases"));

    String caseId = pages.openCase(ref);
    pages.fillInjury(new Injury("Left calf", CALF, "Tight and sore after hill repeats", 6));
    assertThat(page.getByLabel("Body region")).hasValue("CALF");
    assertThat(page.getByLabel("Side", new Page.GetByLabelOptions().setExact(true))).hasValue("LEFT");
    assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Left calf").setExact(true)))
        .hasAttribute("aria-pressed", "true");
    screenshot("body-chart");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Report injury")).click();
    assertThat(pages.notice()).hasText("Injury reported.");
    String calf = pages.injuryRow(CALF).locator(".injury-name").textContent().strip();
    String knee = pages.reportInjury(new Injury("Right knee", KNEE, "Aches on stairs since the calf went", 4));
    org.assertj.core.api.Assertions.assertThat(calf).isEqualTo(CALF + " (left calf)");
    org.assertj.core.api.Assertions.assertThat(knee).isEqualTo(KNEE + " (right knee)");

    String recording = pages.recordGaitFilming(new GaitFilming("Posterior", "Treadmill", true, "8.5", "40", "Left",
        "2.5", "168"));
    assertThat(page.locator("#" + recording + " .findings")).containsText("Stance asymmetry 8.5 %");
    Locator player = pages.uploadVideo(recording, sampleVideo());
    page.waitForFunction("v => v.readyState >= 1 && v.duration > 0", player.elementHandle());
    String videoPath = player.getAttribute("src");
    APIResponse range = page.request().get(url(videoPath), RequestOptions.create().setHeader("Range", "bytes=0-99"));
    org.assertj.core.api.Assertions.assertThat(range.status()).isEqualTo(206);
    org.assertj.core.api.Assertions.assertThat(range.headers().get("content-type")).isEqualTo("video/webm");
    org.assertj.core.api.Assertions.assertThat(range.body()).hasSize(100);
    player.scrollIntoViewIfNeeded();
    screenshot("gait-video");

    pages.hypothesise(calf, List.of(knee), "Antalgic gait off the left calf loads the right knee", true);
    assertThat(pages.hypothesis()).hasText("Primary: " + calf + " → secondary: " + knee);
    assertThat(pages.injuryRow(calf).locator(".badge-primary")).hasText("Primary");
    assertThat(pages.injuryRow(knee).locator(".badge-secondary")).hasText("Secondary");

    pages.startTreatment(calf, "Progressive loading programme", "Eccentric heel drops, 3 × 15 daily");
    pages.recordOutcomeMeasure(knee, "NPRS", "3");
    assertThat(page.locator("table", new Page.LocatorOptions().setHasText("Instrument"))).containsText("3 / 10");

    String resolved = pages.resolveInjury(knee, "Stairs pain free after the calf loading");
    org.assertj.core.api.Assertions.assertThat(resolved).startsWith("Secondary resolved");
    assertThat(pages.timelineEntry("Secondary injury resolved")).containsText("clinician.north");
    screenshot("case-page");

    page.navigate("/cases");
    Locator row = page.locator("#caseload-results tbody tr", new Page.LocatorOptions().setHasText(ref));
    assertThat(row).containsText(CALF);
    assertThat(row.locator("td.num")).hasText("1");
    screenshot("caseload");
    row.getByRole(AriaRole.LINK).click();

    pages.markInError("Numeric Pain Rating Scale 3", "Scored the wrong knee");
    assertThat(pages.timelineEntry("Numeric Pain Rating Scale 3")).containsText("Scored the wrong knee");

    tablet();
    signIn("clinician.north");
    CaseworkPages onTablet = new CaseworkPages(page);
    onTablet.showCase(caseId);
    screenshot("case-page-tablet");
    double summaryHeight = page.locator("details.quick-form summary").first().boundingBox().height;
    org.assertj.core.api.Assertions.assertThat(summaryHeight).as("touch target").isGreaterThanOrEqualTo(44);
    onTablet.closeCase("Discharged, back to full training");

    var stored = as("clinician.north").get("/api/v1/cases/" + caseId).json();
    org.assertj.core.api.Assertions.assertThat(stored.get("status").asString()).isEqualTo("CLOSED");
    org.assertj.core.api.Assertions.assertThat(stored.get("injuries").get(1).get("status").asString())
        .isEqualTo("RESOLVED");
  }

  @Test
  void aRefusedFormKeepsWhatWasTypedAndSaysWhyNextToTheField() {
    CaseworkPages pages = new CaseworkPages(page);
    signIn("clinician.north");
    pages.openCase(patientRef());
    Locator form = pages.fillInjury(new Injury("Right hip", "Gluteal tendinopathy", "Lateral hip pain lying on it", 4));
    form.getByLabel("Pain now (0–10)").fill("14");
    form.getByLabel("Onset on").fill(LocalDate.now().plusDays(3).toString());
    form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Report injury")).click();

    Locator pain = page.getByLabel("Pain now (0–10)");
    assertThat(pain).hasValue("14");
    assertThat(pain).hasAttribute("aria-invalid", "true");
    assertThat(pain).hasAttribute("aria-describedby", "injury-painScore-error");
    assertThat(page.locator("#injury-painScore-error")).hasText("Must be between 0 and 10.");
    assertThat(page.locator("#injury-onsetOn-error")).hasText("Must not be in the future.");
    assertThat(page.getByLabel("Description")).hasValue("Lateral hip pain lying on it");
    assertThat(page.getByLabel("Body region")).hasValue("HIP");
    assertThat(page.getByLabel("Side", new Page.GetByLabelOptions().setExact(true))).hasValue("RIGHT");
    assertThat(page.getByLabel("Condition (optional)")).hasValue("GLUTEAL_TENDINOPATHY");
    assertThat(page.locator(".form-error")).isVisible();
    screenshot("form-error");

    page.getByLabel("Pain now (0–10)").fill("4");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Report injury")).click();
    assertThat(page.getByLabel("Onset on")).hasAttribute("aria-describedby", "injury-onsetOn-error");
    assertThat(page.locator("#injury-onsetOn-error")).hasText("Must not be in the future.");
    assertThat(page.getByLabel("Pain now (0–10)")).hasValue("4");
    assertThat(page.locator(".injury-name")).hasCount(0);
  }

  @Test
  void aClinicianOfAnotherClinicGetsTheNotFoundPageAndNeverSeesTheCase() {
    String ref = patientRef();
    CaseScript script = CaseScript.open(as("clinician.north"), north.toString(), ref, LocalDate.now().minusDays(5), 0);
    script.injury("CALF", "LEFT", "CALF_STRAIN", 1);

    signIn("clinician.north");
    CaseworkPages pages = new CaseworkPages(page);
    Locator rows = pages.searchCaseload(ref);
    assertThat(rows).hasCount(1);
    assertThat(rows.first()).containsText("Open");
    assertThat(pages.searchCaseload("calf strain").filter(new Locator.FilterOptions().setHasText(ref))).hasCount(1);
    signOut();

    signIn("clinician.south");
    Response response = page.navigate("/cases/" + script.caseId());
    org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(404);
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("No such case");
    assertThat(page.locator(".error-code")).hasText("404");
    page.navigate("/cases?q=" + ref);
    assertThat(page.locator("#caseload-results")).containsText("No cases match");
    org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain(ref + "</a>");
  }

  @Test
  void anInjuryCanBeReportedWithTheKeyboardAlone() {
    CaseworkPages pages = new CaseworkPages(page);
    signIn("clinician.north");
    pages.openCase(patientRef());

    page.locator("#report-injury summary").focus();
    page.keyboard().press("Enter");
    tabUntil("document.activeElement.getAttribute('aria-label') === 'Right hip'");
    assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Right hip").setExact(true)))
        .isFocused();
    page.keyboard().press("Enter");
    assertThat(page.getByLabel("Body region")).hasValue("HIP");
    tabTo("injury-description");
    page.keyboard().type("Pain on the outside of the hip at night");
    tabTo("injury-painScore");
    page.keyboard().type("3");
    page.keyboard().press("Enter");

    assertThat(pages.notice()).hasText("Injury reported.");
    assertThat(pages.injuryRow("Hip (right)")).isVisible();
  }

  private void tabTo(String id) {
    tabUntil("document.activeElement.id === '" + id + "'");
  }

  /** Presses Tab until the condition holds, as a keyboard user moves through a form. */
  private void tabUntil(String condition) {
    for (int i = 0; i < 60; i++) {
      if (Boolean.TRUE.equals(page.evaluate(condition))) {
        return;
      }
      page.keyboard().press("Tab");
    }
    throw new AssertionError("keyboard focus never reached " + condition + "; it is on "
        + page.evaluate("document.activeElement.outerHTML.substring(0, 120)"));
  }

  private static String patientRef() {
    return "N-" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
  }

  /** A one-second VP9 WebM of ffmpeg's test pattern, 4.5 KB (ffmpeg -f lavfi -i testsrc=size=160x120:rate=10 -t 1). */
  private static Path sampleVideo() throws URISyntaxException {
    return Path.of(CaseworkBrowserIT.class.getResource("/videos/gait-sample.webm").toURI());
  }
}
