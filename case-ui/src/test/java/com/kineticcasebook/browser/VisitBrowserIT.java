package com.kineticcasebook.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.kineticcasebook.support.CaseScript;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The visit form in a real browser: a whole visit in one submit, and a refused visit with every error at once. */
class VisitBrowserIT extends BrowserTest {

  private static final String CALF = "Calf (gastrocnemius or soleus) strain (left calf)";
  private static final String KNEE = "Patellofemoral pain (right knee)";

  private CaseworkPages pages;
  private CaseScript script;

  @BeforeEach
  void caseWithCalfAndKnee() {
    script = CaseScript.open(as("clinician.north"), north.toString(),
        "N-" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999), LocalDate.now(), -30);
    String calf = script.injury("CALF", "LEFT", "CALF_STRAIN", -30);
    String knee = script.injury("KNEE", "RIGHT", "PATELLOFEMORAL_PAIN", -20);
    script.hypothesis(calf, List.of(knee));
    pages = new CaseworkPages(page);
    signIn("clinician.north");
    pages.showCase(script.caseId());
  }

  @Test
  void aVisitIsRecordedInOneSubmit() {
    Locator form = pages.openForm("Record a visit");
    Locator knee = pages.visitRow(KNEE);
    knee.getByLabel("Instrument").selectOption("NPRS");
    knee.getByLabel("Score").fill("2");
    knee.getByLabel("Resolved: " + KNEE).check();
    form.getByLabel("Injury treated").selectOption(new SelectOption().setLabel(CALF));
    form.getByLabel("Modality").selectOption(new SelectOption().setLabel("Progressive loading programme"));
    form.getByLabel("Plan").fill("Single-leg calf raises, 3 × 12");
    form.getByLabel("Note (optional)").fill("Knee quiet on the hill loop");
    form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record visit")).click();

    assertThat(pages.notice()).hasText("Visit recorded.");
    assertThat(pages.timelineEntry("Numeric Pain Rating Scale 2 for " + KNEE)).isVisible();
    assertThat(pages.timelineEntry("Treatment started")).isVisible();
    assertThat(pages.timelineEntry("Secondary injury resolved")).isVisible();
    assertThat(pages.timelineEntry("Visit noted: Knee quiet on the hill loop")).isVisible();
    assertThat(pages.injuryRow(KNEE).locator(".badge", new Locator.LocatorOptions().setHasText("Resolved")))
        .isVisible();
  }

  @Test
  void aRefusedVisitShowsEveryErrorAtOnceAndRecordsNothing() {
    long before = events();
    Locator form = pages.openForm("Record a visit");
    Locator knee = pages.visitRow(KNEE);
    knee.getByLabel("Instrument").selectOption("NPRS");
    knee.getByLabel("Score").fill("11");
    form.getByLabel("Injury treated").selectOption(new SelectOption().setLabel(CALF));
    form.getByLabel("Modality").selectOption(new SelectOption().setLabel("Progressive loading programme"));
    form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record visit")).click();

    Locator refused = pages.openForm("Record a visit");
    assertThat(refused.locator(".field-error")).hasCount(2);
    assertThat(pages.visitRow(KNEE).locator(".field-error")).hasText("NPRS scores are whole numbers from 0 to 10.");
    assertThat(refused.getByLabel("Plan")).hasAttribute("aria-invalid", "true");
    assertThat(pages.visitRow(KNEE).getByLabel("Score")).hasValue("11");
    assertThat(refused.getByLabel("Modality")).hasValue("LOADING_PROGRAMME");
    org.assertj.core.api.Assertions.assertThat(events()).isEqualTo(before);
  }

  @Test
  void aScoreOutOfRangeAndADateBeforeTheCaseOpenedAreShownInOnePass() {
    long before = events();
    Locator form = pages.openForm("Record a visit");
    form.getByLabel("Visit on").fill(LocalDate.now().minusDays(31).toString());
    Locator knee = pages.visitRow(KNEE);
    knee.getByLabel("Instrument").selectOption("NPRS");
    knee.getByLabel("Score").fill("11");
    form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record visit")).click();

    Locator refused = pages.openForm("Record a visit");
    assertThat(pages.visitRow(KNEE).getByLabel("Score")).hasAttribute("aria-invalid", "true");
    assertThat(refused.getByLabel("Visit on")).hasAttribute("aria-invalid", "true");
    assertThat(refused.locator(".field-error", new Locator.LocatorOptions().setHasText("before the case was opened")))
        .hasCount(1);
    // Every problem in the summary is named by its field (or injury) and leads to it.
    Locator links = refused.locator("[data-error-summary] a");
    org.assertj.core.api.Assertions.assertThat(links.count()).isGreaterThanOrEqualTo(2);
    for (int i = 0; i < links.count(); i++) {
      String target = links.nth(i).getAttribute("href").substring(1);
      assertThat(refused.page().locator("[id='" + target + "']")).hasCount(1);
      assertThat(links.nth(i)).hasText(java.util.regex.Pattern.compile("^[^:]+: .+"));
    }
    org.assertj.core.api.Assertions.assertThat(events()).isEqualTo(before);
  }

  private long events() {
    Long count = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
        Long.class, script.caseId());
    return count == null ? 0 : count;
  }
}
