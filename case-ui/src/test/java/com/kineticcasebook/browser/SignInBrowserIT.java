package com.kineticcasebook.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/** Signing in and out, the navigation each role sees, and the 403 and 404 pages, in a real browser. */
class SignInBrowserIT extends BrowserTest {

  @Test
  void aWrongPasswordStaysOnTheSignInPageWithAMessageAndTheUsernameKept() {
    page.navigate("/login");
    page.getByLabel("Username").fill("clinician.north");
    page.getByLabel("Password").fill("not-the-password");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    assertThat(page.getByRole(AriaRole.ALERT)).hasText("Wrong username or password, or the account is disabled.");
    assertThat(page.getByLabel("Username")).hasValue("clinician.north");
    assertThat(page.getByLabel("Password")).isEmpty();
    screenshot("sign-in");
  }

  @Test
  void eachRoleSeesOnlyItsOwnNavigation() {
    assertNavigation("clinician.north", "Caseload", "/cases");
    assertNavigation("owner", "Outcomes", "/dashboards/outcomes");
    assertNavigation("auditor", "Audit", "/audit");
    assertNavigation("admin", "Users", "/admin/users");
  }

  @Test
  void aPageOfAnotherRoleShowsTheForbiddenPage() {
    signIn("auditor");
    Response response = page.navigate("/admin/users");
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
        .hasText("You are not allowed to see this page");
    org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(403);
  }

  @Test
  void anUnknownPageShowsTheNotFoundPage() {
    signIn("auditor");
    Response response = page.navigate("/no-such-page");
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Page not found");
    org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(404);
  }

  @Test
  void signingOutEndsTheSession() {
    signIn("auditor");
    signOut();
    assertThat(page.getByRole(AriaRole.STATUS)).hasText("You have signed out.");
    page.navigate("/audit");
    assertThat(page).hasURL(url("/login"));
  }

  private void assertNavigation(String username, String link, String start) {
    signIn(username);
    assertThat(page).hasURL(url(start));
    var navigation = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"));
    assertThat(navigation.getByRole(AriaRole.LINK)).hasCount(username.equals("admin") ? 2 : 1);
    assertThat(navigation.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName(link))).isVisible();
    signOut();
  }
}
