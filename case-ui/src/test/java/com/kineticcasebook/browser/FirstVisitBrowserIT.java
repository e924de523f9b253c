package com.kineticcasebook.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The first visit of a new case in a real browser: from the caseload through opening the case,
 * two injuries on the body chart at once, a gait filming with its video, the hypothesis and a
 * first treatment, to the case page; and a refused step that keeps the clinician on it with the
 * focus on what to correct.
 */
class FirstVisitBrowserIT extends BrowserTest {

  private static final String CALF = "Calf (gastrocnemius or soleus) strain";
  private static final String KNEE = "Patellofemoral pain";

  @Test
  void aClinicianRecordsTheFirstVisitStepByStep() throws Exception {
    CaseworkPages pages = new CaseworkPages(page);
    signIn("clinician.north");
    page.navigate("/cases");
    AtomicInteger loads = new AtomicInteger();
    page.onLoad(p -> loads.incrementAndGet());

    String ref = "N-" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open a case").setExact(true)).click();
    page.getByLabel("Patient reference").fill(ref);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open case")).click();
    assertThat(page).hasURL(Pattern.compile(".*/cases/[0-9a-f-]{36}/first-visit/injuries$"));
    assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("1. Injuries")))
        .hasAttribute("aria-current", "step");

    Locator chart = page.locator("[data-body-chart]");
    spot(chart, "Left calf").click();
    Locator first = row(1);
    assertThat(first.getByLabel("Body region")).hasValue("CALF");
    assertThat(first.getByLabel("Side", new Locator.GetByLabelOptions().setExact(true))).hasValue("LEFT");
    first.getByLabel("Condition (optional)").selectOption(new SelectOption().setLabel(CALF));
    first.getByLabel("Description").fill("Tight after hill repeats");
    first.getByLabel("Pain now (0–10)").fill("6");
    spot(chart, "Right knee").click();
    Locator second = row(2);
    assertThat(second.getByLabel("Body region")).hasValue("KNEE");
    assertThat(second.getByLabel("Side", new Locator.GetByLabelOptions().setExact(true))).hasValue("RIGHT");
    assertThat(first.getByLabel("Body region")).hasValue("CALF");
    second.getByLabel("Condition (optional)").selectOption(new SelectOption().setLabel(KNEE));
    second.getByLabel("Description").fill("Aches on stairs");
    second.getByLabel("Pain now (0–10)").fill("4");
    screenshot("first-visit-injuries");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record injuries and continue")).click();

    assertThat(page).hasURL(Pattern.compile(".*/first-visit/gait$"));
    assertThat(pages.notice()).hasText("2 injuries reported.");
    page.getByLabel("Camera view").selectOption(new SelectOption().setLabel("Posterior"));
    page.getByLabel("Surface").selectOption(new SelectOption().setLabel("Treadmill"));
    page.getByLabel("Yes, guarding a side", new Page.GetByLabelOptions().setExact(true)).check();
    page.getByLabel("Video of this filming (optional)").setInputFiles(
        Path.of(FirstVisitBrowserIT.class.getResource("/videos/gait-sample.webm").toURI()));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record gait filming and continue")).click();

    assertThat(page).hasURL(Pattern.compile(".*/first-visit/hypothesis$"));
    assertThat(pages.notice()).hasText("Gait filming recorded with its video.");
    page.getByLabel("Primary injury").selectOption(new SelectOption().setLabel(CALF + " (left calf)"));
    page.getByLabel(KNEE + " (right knee)", new Page.GetByLabelOptions().setExact(true)).check();
    page.getByLabel("Rationale").fill("Guarding the left calf loads the right knee");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record hypothesis and continue")).click();

    assertThat(page).hasURL(Pattern.compile(".*/first-visit/treatment$"));
    assertThat(page.getByLabel("Injury treated")).hasValue(Pattern.compile("[0-9a-f-]{36}"));
    page.getByLabel("Modality").selectOption(new SelectOption().setLabel("Progressive loading programme"));
    page.getByLabel("Plan").fill("Eccentric heel drops, 3 × 15 daily");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start treatment and finish")).click();

    assertThat(page).hasURL(Pattern.compile(".*/cases/[0-9a-f-]{36}$"));
    assertThat(pages.notice()).hasText("Treatment started. The first visit is recorded.");
    assertThat(pages.hypothesis()).hasText("Primary: " + CALF + " (left calf) → secondary: " + KNEE + " (right knee)");
    assertThat(page.locator("article.recording video")).hasCount(1);
    assertThat(page.locator("table", new Page.LocatorOptions().setHasText("Plan"))).containsText("Eccentric heel drops");
    pages.openForm("Report an injury");
    assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions()
        .setName("Primary injury: " + CALF + " (left calf)")).locator("text")).hasText("P");
    System.out.printf("First visit journey: %d page loads from the caseload to the case page%n", loads.get());
    org.assertj.core.api.Assertions.assertThat(loads.get()).isEqualTo(6);
  }

  @Test
  void aRefusedStepKeepsTheClinicianOnItWithTheFocusOnWhatToCorrect() {
    new CaseworkPages(page);
    signIn("clinician.north");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open a case").setExact(true)).click();
    page.getByLabel("Patient reference").fill("N-" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open case")).click();
    String stepUrl = page.url();

    Locator chart = page.locator("[data-body-chart]");
    spot(chart, "Low back").press("Enter");
    row(1).getByLabel("Description").fill("Stiff in the mornings");
    row(1).getByLabel("Pain now (0–10)").fill("11");
    row(2).getByLabel("Body region").selectOption("HIP");
    row(2).getByLabel("Description").fill("Clicks when running");
    row(2).getByLabel("Pain now (0–10)").fill("3");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record injuries and continue")).click();

    org.assertj.core.api.Assertions.assertThat(stepUrl).endsWith("/first-visit/injuries");
    assertThat(page).hasURL(stepUrl + "#injuries-errors");
    Locator summary = page.locator("[data-error-summary]");
    assertThat(summary).isFocused();
    assertThat(summary).containsText("2 fields need attention:");
    assertThat(summary.getByRole(AriaRole.LINK)).hasText(new String[] {
        "Injury 1, Pain now (0–10): Must be between 0 and 10.", "Injury 2, Side: Please fill this in."});
    assertThat(row(1).getByLabel("Description")).hasValue("Stiff in the mornings");
    assertThat(row(1).getByLabel("Pain now (0–10)")).hasAttribute("aria-invalid", "true");
    assertThat(row(2).getByLabel("Side", new Locator.GetByLabelOptions().setExact(true)))
        .hasAttribute("aria-invalid", "true");
    screenshot("first-visit-refused");
    summary.getByRole(AriaRole.LINK).nth(1).click();
    assertThat(row(2).getByLabel("Side", new Locator.GetByLabelOptions().setExact(true))).isFocused();

    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Skip this step")).click();
    assertThat(page).hasURL(Pattern.compile(".*/first-visit/gait$"));
  }

  private Locator row(int number) {
    return page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Injury " + number).setExact(true));
  }

  private static Locator spot(Locator chart, String name) {
    return chart.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
  }
}
