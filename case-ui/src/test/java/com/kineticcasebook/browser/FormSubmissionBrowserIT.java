package com.kineticcasebook.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.kineticcasebook.browser.CaseworkPages.Injury;
import com.kineticcasebook.support.CaseScript;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.RequestOptions;
import com.microsoft.playwright.options.SelectOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The case page's forms as a clinician in a hurry uses them: a refused form comes back in view,
 * at the case page's address, with every problem at once; a form sent twice (a double click, the
 * same rendered form posted twice, the browser's Back and the form sent again) is recorded once;
 * and the error pages read right.
 */
class FormSubmissionBrowserIT extends BrowserTest {

  private static final String ALREADY_RECORDED =
      "Already recorded: this entry was sent more than once, and the case has it once.";

  @Test
  void aRefusedFormComesBackInViewWithEveryProblemAtOnceOnALaptop() {
    refusedFormInView("form-error-summary");
  }

  @Test
  void aRefusedFormComesBackInViewWithEveryProblemAtOnceOnAPhone() {
    phone();
    refusedFormInView("form-error-summary-phone");
  }

  private void refusedFormInView(String screenshotName) {
    CaseworkPages pages = new CaseworkPages(page);
    signIn("clinician.north");
    String caseId = pages.openCase(patientRef());
    Locator form = pages.fillInjury(new Injury("Right hip", "Gluteal tendinopathy", "Lateral hip pain lying on it", 4));
    form.getByLabel("Pain now (0–10)").fill("11");
    form.getByLabel("Onset on").fill(LocalDate.now().plusDays(3).toString());
    form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Report injury")).click();

    Locator summary = page.locator("#injury-errors");
    assertThat(summary).isFocused();
    assertThat(summary).isInViewport();
    assertThat(summary).hasAttribute("role", "alert");
    assertThat(page).hasURL(Pattern.compile(".*/cases/" + caseId + "(#.*)?$"));
    assertThat(page.locator("#report-injury")).hasJSProperty("open", true);
    Locator links = summary.getByRole(AriaRole.LINK);
    assertThat(links).hasText(new String[] {"Onset on: Must not be in the future.",
        "Pain now (0–10): Must be between 0 and 10."});
    assertThat(links.nth(0)).hasAttribute("href", "#injury-onsetOn");
    assertThat(links.nth(1)).hasAttribute("href", "#injury-painScore");
    assertThat(page.locator("#injury-onsetOn-error")).hasText("Must not be in the future.");
    assertThat(page.locator("#injury-painScore-error")).hasText("Must be between 0 and 10.");
    assertThat(page.getByLabel("Description")).hasValue("Lateral hip pain lying on it");
    screenshot(screenshotName);

    links.nth(1).click();
    assertThat(page.getByLabel("Pain now (0–10)")).isFocused();

    // Reloading shows the case again; it never sends the refused form a second time.
    Response reloaded = page.reload();
    org.assertj.core.api.Assertions.assertThat(reloaded.request().method()).isEqualTo("GET");
    assertThat(page.locator("[data-error-summary]")).hasCount(0);
    org.assertj.core.api.Assertions.assertThat(eventsOf(caseId)).isEqualTo(1);
  }

  @Test
  void aDoubleClickShowsTheFormIsSavingAndRecordsOnce() {
    CaseworkPages pages = new CaseworkPages(page);
    signIn("clinician.north");
    String caseId = pages.openCase(patientRef());
    List<String> posts = new CopyOnWriteArrayList<>();
    page.onRequest(request -> {
      if (request.method().equals("POST")) {
        posts.add(request.url());
      }
    });
    Locator form = pages.fillInjury(new Injury("Left calf", "Calf (gastrocnemius or soleus) strain", "Sore after hills", 5));
    // What the button shows while the form is sending, kept where the next page can read it.
    form.locator("button[type=submit]").evaluate("""
        button => new MutationObserver(() => sessionStorage.setItem('busy', JSON.stringify({
          text: button.textContent, disabled: button.disabled, ariaBusy: button.getAttribute('aria-busy')})))
          .observe(button, { attributes: true, childList: true, characterData: true, subtree: true })""");
    form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Report injury")).dblclick();

    assertThat(pages.notice()).hasText("Injury reported.");
    assertThat(page.locator(".injury-name")).hasCount(1);
    org.assertj.core.api.Assertions.assertThat(eventsOf(caseId)).isEqualTo(2);
    org.assertj.core.api.Assertions.assertThat(posts).as("the second click sends nothing").hasSize(1);
    org.assertj.core.api.Assertions.assertThat((String) page.evaluate("sessionStorage.getItem('busy')"))
        .isEqualTo("{\"text\":\"Saving…\",\"disabled\":true,\"ariaBusy\":\"true\"}");
  }

  @Test
  void theSameRenderedFormPostedTwiceRecordsOnceAndShowsTheFirstResult() {
    CaseworkPages pages = new CaseworkPages(page);
    signIn("clinician.north");
    String caseId = pages.openCase(patientRef());
    Locator form = pages.fillInjury(new Injury("Left calf", "Calf (gastrocnemius or soleus) strain", "Sore after hills", 5));
    @SuppressWarnings("unchecked")
    Map<String, String> values = (Map<String, String>) form.locator("form")
        .evaluate("f => Object.fromEntries(new FormData(f))");
    org.assertj.core.api.Assertions.assertThat(values).containsKey("idempotencyKey");
    FormData data = FormData.create();
    values.forEach(data::set);

    APIResponse first = page.request().post("/cases/" + caseId + "/injuries", RequestOptions.create().setForm(data));
    APIResponse second = page.request().post("/cases/" + caseId + "/injuries", RequestOptions.create().setForm(data));

    org.assertj.core.api.Assertions.assertThat(first.url()).endsWith("/cases/" + caseId);
    org.assertj.core.api.Assertions.assertThat(first.text()).contains("Injury reported.");
    org.assertj.core.api.Assertions.assertThat(second.url()).endsWith("/cases/" + caseId);
    org.assertj.core.api.Assertions.assertThat(second.text()).contains(ALREADY_RECORDED);
    pages.showCase(caseId);
    assertThat(page.locator(".injury-name")).hasCount(1);
    org.assertj.core.api.Assertions.assertThat(eventsOf(caseId)).isEqualTo(2);
    org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject("""
        SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?
        AND convert_from(meta_data, 'UTF8') LIKE ?""", Long.class, caseId, "%" + values.get("idempotencyKey") + "%"))
        .as("the event carries the form's key, like an API request's Idempotency-Key")
        .isEqualTo(1);
  }

  @Test
  void backAfterASubmittedFormThenSubmittingAgainRecordsTheTreatmentOnce() {
    CaseScript script = CaseScript.open(as("clinician.north"), north.toString(), patientRef(),
        LocalDate.now().minusDays(5), 0);
    script.injury("CALF", "LEFT", "CALF_STRAIN", 1);
    // The case page reads the case views: wait until they have the injury, so the form offers it.
    org.assertj.core.api.Assertions.assertThat(as("clinician.north")
        .withHeader("X-Consistency", "after=" + script.position()).get("/api/v1/cases/" + script.caseId()).status())
        .isEqualTo(200);
    CaseworkPages pages = new CaseworkPages(page);
    signIn("clinician.north");
    pages.showCase(script.caseId());
    startTreatment(pages);
    assertThat(pages.notice()).hasText("Treatment started.");

    page.goBack();
    // The page is sent no-store: Back fetches it again, with a fresh form and a fresh key.
    page.waitForLoadState(LoadState.NETWORKIDLE);
    assertThat(page).hasURL(Pattern.compile(".*/cases/" + script.caseId() + "$"));
    startTreatment(pages);

    assertThat(pages.notice()).hasText(ALREADY_RECORDED);
    assertThat(page.locator("table caption", new Page.LocatorOptions().setHasText("Treatments"))
        .locator("xpath=..").locator("tbody tr")).hasCount(1);
    org.assertj.core.api.Assertions.assertThat(eventsOf(script.caseId())).isEqualTo(3);
  }

  private static void startTreatment(CaseworkPages pages) {
    Locator form = pages.openForm("Start a treatment");
    assertThat(form).hasJSProperty("open", true);
    form.getByLabel("Injury treated").selectOption(new SelectOption().setIndex(1));
    form.getByLabel("Modality").selectOption(new SelectOption().setLabel("Progressive loading programme"));
    form.getByLabel("Plan").fill("Heel raises, 3 x 15, daily");
    form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Start treatment")).click();
  }

  @Test
  void notFoundSaysCaseOnlyForCaseAddressesAndErrorPagesHaveAPlainHeading() {
    signIn("clinician.north");
    Response noCase = page.navigate("/cases/" + UUID.randomUUID());
    org.assertj.core.api.Assertions.assertThat(noCase.status()).isEqualTo(404);
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("No such case");
    assertThat(page.locator("main")).containsText("A case of a clinic you do not work in is not shown.");

    Response noPage = page.navigate("/no-such-page");
    org.assertj.core.api.Assertions.assertThat(noPage.status()).isEqualTo(404);
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Page not found");
    assertThat(page.locator("main")).containsText("That page does not exist.");
    assertThat(page.locator("main")).not().containsText("clinic you do not work in");

    Response malformed = page.navigate("/cases/not-a-case-id");
    org.assertj.core.api.Assertions.assertThat(malformed.status()).isEqualTo(400);
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
        .hasText("That address or form is not valid");
    screenshot("error-page");
  }

  private long eventsOf(String caseId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
        Long.class, caseId);
  }

  private static String patientRef() {
    return "N-" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
  }
}
