package com.kineticcasebook.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.kineticcasebook.access.Role;
import com.kineticcasebook.access.UserDirectory;
import com.kineticcasebook.support.ApiClient;
import com.kineticcasebook.support.CaseScript;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitUntilState;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The caseload in a real browser: the live search by region and side, sorting by clicking a
 * column's header, and My cases; screenshots at desktop and phone width.
 */
class CaseloadBrowserIT extends BrowserTest {

  @Autowired private UserDirectory users;
  @Autowired private PasswordEncoder passwordEncoder;

  @Test
  void aClinicianSearchesSortsAndNarrowsToTheirOwnCases() {
    String prefix = "K" + ThreadLocalRandom.current().nextInt(10_000, 99_999) + "-";
    String colleague = "caseload.colleague." + UUID.randomUUID().toString().substring(0, 8);
    users.addMember(users.createUser(colleague, passwordEncoder.encode(PASSWORD), Set.of(Role.CLINICIAN)), north);
    ApiClient me = as("clinician.north");
    LocalDate day0 = LocalDate.now().minusDays(20);
    CaseScript leftCalf = CaseScript.open(me, north.toString(), prefix + "1", day0, 2);
    leftCalf.injury("CALF", "LEFT", "CALF_STRAIN", 1);
    CaseScript rightCalf = CaseScript.open(me, north.toString(), prefix + "2", day0, 0);
    rightCalf.injury("CALF", "RIGHT", "CALF_STRAIN", 0);
    CaseScript knee = CaseScript.open(as(colleague), north.toString(), prefix + "3", day0, 1);
    knee.injury("KNEE", "RIGHT", "PATELLOFEMORAL_PAIN", 1);
    me.withHeader("X-Consistency", "after=" + knee.position()).get("/api/v1/cases");

    signIn("clinician.north");
    Locator results = page.locator("#caseload-results");
    Locator rows = results.locator("tbody tr");
    Locator search = page.getByLabel("Search");

    search.fill("left calf " + prefix);
    assertThat(rows).hasCount(1);
    assertThat(rows).containsText(new String[] {prefix + "1"});
    assertThat(rows.first()).containsText("today ");

    search.fill(prefix + " knee");
    assertThat(rows).hasCount(1);
    assertThat(rows).containsText(new String[] {prefix + "3"});

    search.fill(prefix);
    assertThat(rows).hasCount(3);
    Locator patient = page.getByRole(AriaRole.COLUMNHEADER, new Page.GetByRoleOptions().setName("Patient"));
    assertThat(patient).not().hasAttribute("aria-sort", "ascending");
    assertThat(page.getByRole(AriaRole.COLUMNHEADER, new Page.GetByRoleOptions().setName("Opened")))
        .hasAttribute("aria-sort", "descending");
    screenshot("caseload-search-1280");

    patient.getByRole(AriaRole.LINK).click();
    assertThat(patient).hasAttribute("aria-sort", "ascending");
    assertThat(page.getByRole(AriaRole.COLUMNHEADER, new Page.GetByRoleOptions().setName("Opened")))
        .not().hasAttribute("aria-sort", "descending");
    assertThat(search).hasValue(prefix);
    assertThat(rows).containsText(new String[] {prefix + "1", prefix + "2", prefix + "3"});

    patient.getByRole(AriaRole.LINK).click();
    assertThat(patient).hasAttribute("aria-sort", "descending");
    assertThat(rows).containsText(new String[] {prefix + "3", prefix + "2", prefix + "1"});

    page.getByLabel("My cases").check();
    assertThat(rows).hasCount(2);
    assertThat(rows).containsText(new String[] {prefix + "2", prefix + "1"});
    assertThat(results).not().containsText(prefix + "3");
    assertThat(patient).hasAttribute("aria-sort", "descending");

    phone();
    signIn("clinician.north");
    page.navigate("/cases?q=" + prefix + "&sort=lastActivityAt&order=desc");
    assertThat(page.getByRole(AriaRole.COLUMNHEADER, new Page.GetByRoleOptions().setName("Last activity")))
        .hasAttribute("aria-sort", "descending");
    assertThat(page.locator("#caseload-results tbody tr"))
        .containsText(new String[] {prefix + "3", prefix + "2", prefix + "1"});
    screenshot("caseload-search-390");
  }

  /**
   * A clinician in a hurry types into the search box and picks a status while the page's scripts
   * are still loading (held back here until both are done): the search runs as soon as they are,
   * without another keystroke. A page whose form nobody touched sends no search of its own.
   */
  @Test
  void aSearchTypedBeforeThePageHasLoadedRunsOnceItHas() {
    String prefix = "E" + ThreadLocalRandom.current().nextInt(10_000, 99_999) + "-";
    ApiClient me = as("clinician.north");
    LocalDate day0 = LocalDate.now().minusDays(9);
    CaseScript.open(me, north.toString(), prefix + "1", day0, 0).injury("HIP", "LEFT", "HIP_FLEXOR_STRAIN", 1);
    CaseScript other = CaseScript.open(me, north.toString(), prefix + "2", day0, 0);
    other.injury("CALF", "RIGHT", "CALF_STRAIN", 1);
    me.withHeader("X-Consistency", "after=" + other.position()).get("/api/v1/cases");
    signIn("clinician.north");

    List<Route> heldBack = new ArrayList<>();
    page.route("**/htmx.min.js", heldBack::add);
    page.navigate("/cases", new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));
    Locator search = page.getByLabel("Search");
    search.fill("hip " + prefix);
    page.getByLabel("Status").selectOption("OPEN");
    while (heldBack.isEmpty()) {
      page.waitForTimeout(50);
    }
    assertThat(page.locator("#caseload-results tbody tr")).not().hasCount(1);
    heldBack.forEach(Route::resume);

    Locator rows = page.locator("#caseload-results tbody tr");
    assertThat(rows).hasCount(1);
    assertThat(rows).containsText(new String[] {prefix + "1"});
    assertThat(page).hasURL(Pattern.compile(".*[?&]q=hip.*&status=OPEN"));

    page.unrouteAll();
    List<String> searches = new ArrayList<>();
    page.onRequest(request -> {
      if (request.headers().containsKey("hx-request")) {
        searches.add(request.url());
      }
    });
    page.navigate("/cases?q=" + prefix + "&status=OPEN");
    assertThat(rows).hasCount(2);
    page.waitForTimeout(700);
    Assertions.assertThat(searches).as("an untouched form sends nothing").isEmpty();

    // Narrowed further, then away and back: the page come back to shows what its address says and
    // sends nothing of its own.
    page.getByLabel("Status").selectOption("");
    assertThat(page).hasURL(Pattern.compile(".*[?&]status=(&|$)"));
    searches.clear();
    page.navigate("/cases/new");
    page.goBack();
    assertThat(page.getByLabel("Status")).hasValue("");
    page.waitForTimeout(700);
    Assertions.assertThat(searches).as("coming back sends nothing").isEmpty();
  }
}
