package com.kineticcasebook.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.support.CaseScript;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every page at phone (390 px) and tablet (820 px) width: the page itself never scrolls sideways
 * (wide tables become cards or scroll inside their own card), and on a phone the top bar stays
 * compact. Screenshots at both widths and at 1280 px go to target/screenshots-widths.
 */
class PageWidthBrowserIT extends BrowserTest {

  /** The phone's top bar, about 52 px: the brand, the areas and the account on one row. */
  private static final double PHONE_TOP_BAR_MAX = 60;

  /** The elements reaching beyond the width that no scrolling ancestor clips, for the failure message. */
  private static final String WIDEST = """
      width => [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > width + 1)
        .filter(e => { for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
            if (getComputedStyle(a).overflowX !== 'visible') return false; } return true; })
        .slice(-4).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
            + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().replace(/\\s+/g, '.') : '')
            + ' right ' + Math.round(e.getBoundingClientRect().right)).join('; ')""";

  /** Elements placed off the left edge, which no scrollbar can reach (the skip link waits there on purpose). */
  private static final String OFF_LEFT = """
      () => [...document.querySelectorAll('body *')]
        .filter(e => { const r = e.getBoundingClientRect(); return r.left < -1 && r.width > 1 && r.height > 1; })
        .filter(e => !e.closest('.skip-link'))
        .filter(e => { for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
            if (getComputedStyle(a).overflowX !== 'visible') return false; } return true; })
        .slice(0, 4).map(e => e.tagName.toLowerCase() + (typeof e.className === 'string' && e.className
            ? '.' + e.className.trim().replace(/\\s+/g, '.') : '') + ' left ' + Math.round(e.getBoundingClientRect().left))
        .join('; ')""";

  /** Tables that become one card per row on a phone (table-stack) but still scroll inside their frame. */
  private static final String CARDS_SCROLLING = """
      () => [...document.querySelectorAll('.table-stack')]
        .map(t => t.closest('.table-wrap') || t.parentElement)
        .filter(w => w.scrollWidth > w.clientWidth + 1)
        .map(w => (w.querySelector('caption, th') || w).textContent.trim().slice(0, 30) + ' '
          + w.scrollWidth + ' px in ' + w.clientWidth)
        .join('; ')""";

  @Test
  void noPageScrollsSidewaysAtPhoneOrTabletWidth() {
    CaseScript script = PageTour.recordCase(as("clinician.north"), north);
    List<String> problems = new ArrayList<>();
    for (int width : new int[] {390, 820, 1280}) {
      String user = "";
      for (PageTour.Stop stop : PageTour.stops(script)) {
        if (!java.util.Objects.equals(stop.user(), user)) {
          if (width == 390) {
            phone();
          } else if (width == 820) {
            tablet();
          } else {
            desktop();
          }
          if (stop.user() != null) {
            signIn(stop.user());
          }
          user = stop.user();
        }
        stop.show().accept(page);
        page.waitForLoadState();
        page.waitForTimeout(150);
        int scrollWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        int innerWidth = ((Number) page.evaluate("window.innerWidth")).intValue();
        System.out.printf("width %d %-28s scrollWidth %d innerWidth %d%n", width, stop.name(), scrollWidth, innerWidth);
        // On a phone or tablet the browser widens its layout viewport to content that overflows, so
        // window.innerWidth grows with it: both must stay at the device's width.
        if (scrollWidth > innerWidth || innerWidth > width) {
          problems.add(stop.name() + " at " + width + " px scrolls to " + Math.max(scrollWidth, innerWidth)
              + " px; widest elements: " + page.evaluate(WIDEST, width));
        }
        Object offLeft = page.evaluate(OFF_LEFT);
        if (!String.valueOf(offLeft).isEmpty()) {
          problems.add(stop.name() + " at " + width + " px has content off the left edge: " + offLeft);
        }
        Object cardsScrolling = width == 390 ? page.evaluate(CARDS_SCROLLING) : "";
        if (!String.valueOf(cardsScrolling).isEmpty()) {
          problems.add(stop.name() + " at 390 px scrolls a table of cards inside its frame: " + cardsScrolling);
        }
        if (width == 390 && stop.user() != null) {
          double bar = ((Number) page.evaluate("document.querySelector('.topbar').getBoundingClientRect().height"))
              .doubleValue();
          if (bar > PHONE_TOP_BAR_MAX) {
            problems.add(stop.name() + " at 390 px has a top bar of " + bar + " px");
          }
        }
        screenshotTo(java.nio.file.Path.of("target", "screenshots-widths", stop.name() + "-" + width + ".png"));
      }
    }
    assertThat(problems).isEmpty();
  }
}
