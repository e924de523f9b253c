package com.kineticcasebook.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.kineticcasebook.browser.CaseworkPages.Injury;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The case page's body chart as a tool, at desktop, tablet and phone sizes: every region is big
 * enough to hit (24 px with a mouse, 44 px on a touch screen), is named on hover and on focus,
 * the views say which side of the patient is which, the case's injuries are on the figure with
 * their role, and choosing a region fills the injury form.
 */
class BodyChartBrowserIT extends BrowserTest {

  private static final String CALF = "Calf (gastrocnemius or soleus) strain";
  private static final String KNEE = "Patellofemoral pain";

  /** The smallest side of any region measured in the last run of {@link #checkChart}, in CSS pixels. */
  private double smallest;

  @Test
  void theChartReadsAndWorksWithAMouseAndOnTouchScreens() {
    CaseworkPages pages = new CaseworkPages(page);
    signIn("clinician.north");
    String caseId = pages.openCase("N-" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999));
    String calf = pages.reportInjury(new Injury("Left calf", CALF, "Tight after hill repeats", 6));
    String knee = pages.reportInjury(new Injury("Right knee", KNEE, "Aches on stairs", 4));
    pages.hypothesise(calf, List.of(knee), "Antalgic gait off the left calf loads the right knee", false);

    checkChart(pages, caseId, false, "body-chart-desktop");
    System.out.printf("Body chart at 1280 px: smallest region %.1f px%n", smallest);

    tablet();
    signIn("clinician.north");
    checkChart(pages(), caseId, true, "body-chart-tablet");
    System.out.printf("Body chart at 820 px (touch): smallest region %.1f px%n", smallest);

    phone();
    signIn("clinician.north");
    checkChart(pages(), caseId, true, "body-chart-phone");
    System.out.printf("Body chart at 390 px (touch): smallest region %.1f px%n", smallest);
  }

  private CaseworkPages pages() {
    return new CaseworkPages(page);
  }

  private void checkChart(CaseworkPages pages, String caseId, boolean touch, String screenshot) {
    pages.showCase(caseId);
    Locator form = pages.openForm("Report an injury");
    Locator chart = form.locator("[data-body-chart]");
    assertThat(chart).isVisible();

    Object widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]");
    System.out.println("Page and window width at " + screenshot + ": " + widths);
    org.assertj.core.api.Assertions.assertThat(
        (Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
        .as("the page fits its window at " + screenshot + " " + widths).isTrue();
    double minimum = touch ? 44 : 24;
    Locator spots = chart.locator(".spot");
    org.assertj.core.api.Assertions.assertThat(spots.count()).isEqualTo(27);
    smallest = Double.MAX_VALUE;
    for (int i = 0; i < spots.count(); i++) {
      Locator spot = spots.nth(i);
      BoundingBox box = spot.boundingBox();
      String name = spot.getAttribute("aria-label");
      org.assertj.core.api.Assertions.assertThat(Math.min(box.width, box.height)).as(name + " at " + screenshot)
          .isGreaterThanOrEqualTo(minimum);
      smallest = Math.min(smallest, Math.min(box.width, box.height));
      org.assertj.core.api.Assertions.assertThat(spot.locator("title").textContent()).isEqualTo(name);
    }

    Locator front = chart.locator("figure").nth(0);
    Locator back = chart.locator("figure").nth(1);
    assertThat(front.locator("[data-side-label=viewers-left]")).hasText("Right");
    assertThat(front.locator("[data-side-label=viewers-right]")).hasText("Left");
    assertThat(back.locator("[data-side-label=viewers-left]")).hasText("Left");
    assertThat(back.locator("[data-side-label=viewers-right]")).hasText("Right");
    assertThat(back.locator("figcaption")).containsText("patient's left on your left");
    assertThat(front.locator("figcaption")).containsText("patient's right on your left");

    Locator primary = chart.getByRole(AriaRole.IMG,
        new Locator.GetByRoleOptions().setName("Primary injury: " + CALF + " (left calf)"));
    assertThat(primary).hasCount(1);
    assertThat(primary.locator("text")).hasText("P");
    Locator secondary = chart.getByRole(AriaRole.IMG,
        new Locator.GetByRoleOptions().setName("Secondary injury: " + KNEE + " (right knee)"));
    assertThat(secondary.locator("text")).hasText("S");
    BoundingBox calfSpot = button(chart, "Left calf").boundingBox();
    BoundingBox mark = primary.boundingBox();
    org.assertj.core.api.Assertions.assertThat(mark.x + mark.width / 2).as("P on the left calf")
        .isBetween(calfSpot.x, calfSpot.x + calfSpot.width);
    org.assertj.core.api.Assertions.assertThat(mark.y + mark.height / 2)
        .isBetween(calfSpot.y, calfSpot.y + calfSpot.height);

    Locator readout = chart.locator("[data-chart-readout]");
    if (!touch) {
      button(chart, "Right hip").hover();
      assertThat(readout).hasText("Right hip");
    }
    button(chart, "Left ankle").focus();
    assertThat(readout).hasText("Left ankle");
    page.keyboard().press("Enter");
    assertThat(form.getByLabel("Body region")).hasValue("ANKLE");
    assertThat(form.getByLabel("Side", new Locator.GetByLabelOptions().setExact(true))).hasValue("LEFT");

    Locator knee = button(chart, "Left knee");
    if (touch) {
      knee.tap();
    } else {
      knee.click();
    }
    assertThat(form.getByLabel("Body region")).hasValue("KNEE");
    assertThat(form.getByLabel("Side", new Locator.GetByLabelOptions().setExact(true))).hasValue("LEFT");
    assertThat(knee).hasAttribute("aria-pressed", "true");
    chart.scrollIntoViewIfNeeded();
    screenshot(screenshot);
  }

  private static Locator button(Locator chart, String name) {
    return chart.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
  }
}
