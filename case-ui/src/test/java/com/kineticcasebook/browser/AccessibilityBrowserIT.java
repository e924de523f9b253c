package com.kineticcasebook.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.kineticcasebook.support.CaseScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * axe-core on the pages people use most, at desktop and phone width: no serious or critical
 * violation of WCAG 2.x A and AA (and axe's best practices). A failure lists every violation with
 * the elements it found, so it can be fixed without running axe by hand.
 */
class AccessibilityBrowserIT extends BrowserTest {

  private static final Set<String> PAGES = Set.of("sign-in", "caseload", "case-page-every-form-open", "visit-form",
      "first-visit-injuries", "first-visit-gait", "first-visit-hypothesis", "first-visit-treatment", "dashboard",
      "audit-case", "access-log", "admin-users");
  private static final Set<String> BLOCKING = Set.of("serious", "critical");

  @Test
  void theMainPagesHaveNoSeriousOrCriticalViolations() {
    CaseScript script = PageTour.recordCase(as("clinician.north"), north);
    List<String> violations = new ArrayList<>();
    int checked = 0;
    for (boolean phoneWidth : new boolean[] {false, true}) {
      String user = "";
      for (PageTour.Stop stop : PageTour.stops(script)) {
        if (!PAGES.contains(stop.name())) {
          continue;
        }
        if (!Objects.equals(stop.user(), user)) {
          if (phoneWidth) {
            phone();
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
        AxeResults results = new AxeBuilder(page)
            .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"))
            .analyze();
        checked++;
        String where = stop.name() + " at " + (phoneWidth ? "390" : "1280") + " px";
        for (Rule rule : results.getViolations()) {
          System.out.println("axe " + where + ": " + rule.getImpact() + " " + rule.getId() + " ("
              + rule.getNodes().size() + ")");
          if (BLOCKING.contains(rule.getImpact())) {
            violations.add(describe(where, rule));
          }
        }
      }
    }
    assertThat(checked).isEqualTo(PAGES.size() * 2);
    assertThat(violations).as(String.join("\n\n", violations)).isEmpty();
  }

  private static String describe(String where, Rule rule) {
    StringBuilder text = new StringBuilder(where + ": " + rule.getImpact() + " " + rule.getId() + " — "
        + rule.getHelp() + " (" + rule.getHelpUrl() + ")");
    for (CheckedNode node : rule.getNodes().subList(0, Math.min(5, rule.getNodes().size()))) {
      text.append("\n  ").append(node.getTarget()).append(": ").append(node.getHtml());
      if (node.getFailureSummary() != null) {
        text.append("\n    ").append(node.getFailureSummary().replace("\n", " "));
      }
    }
    if (rule.getNodes().size() > 5) {
      text.append("\n  … and ").append(rule.getNodes().size() - 5).append(" more");
    }
    return text.toString();
  }
}
