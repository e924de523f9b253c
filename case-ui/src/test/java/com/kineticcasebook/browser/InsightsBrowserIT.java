package com.kineticcasebook.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.access.SeparationOfDuties;
import com.kineticcasebook.support.ApiClient;
import com.kineticcasebook.support.CaseScript;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The practice owner's, auditor's and administrator's pages in a real browser, on a case recorded
 * through the API: a calf strain as primary, knee pain as its secondary, the calf treated, and
 * the knee resolved after that treatment.
 */
class InsightsBrowserIT extends BrowserTest {

  /** A day no other test records onsets on, so that the range holds this test's case alone. */
  private static final LocalDate DAY0 = LocalDate.now().minusDays(211);

  private InsightPages pages() {
    return new InsightPages(page);
  }

  /** The recorded case with the ids the checks need. */
  record Recorded(CaseScript script, String calf, String knee) {}

  private Recorded recordCalfAndKnee() {
    CaseScript script = CaseScript.open(as("clinician.north"), north.toString(), "N-" + suffix(), DAY0, 0);
    String calf = script.injury("CALF", "LEFT", "CALF_STRAIN", 0);
    String knee = script.injury("KNEE", "RIGHT", "PATELLOFEMORAL_PAIN", 2);
    script.hypothesis(calf, List.of(knee));
    script.treat(calf, "LOADING_PROGRAMME", 3);
    assertThat(script.resolve(knee, 17)).isEqualTo("SECONDARY_RESOLVED");
    return new Recorded(script, calf, knee);
  }

  /**
   * A few more cases of the North clinic, so that the dashboard has each outcome to show: a
   * secondary still open (censored), one treated directly, clearances on different days, and a
   * pain score measured twice.
   */
  private long recordASpreadOfOutcomes() {
    LocalDate today = LocalDate.now();
    CaseScript open = CaseScript.open(as("clinician.north"), north.toString(), "N-" + suffix(), today.minusDays(120), 0);
    String achilles = open.injury("ACHILLES", "RIGHT", "ACHILLES_TENDINOPATHY", 0);
    String back = open.injury("LOW_BACK", "NOT_APPLICABLE", "LOW_BACK_PAIN", 3);
    open.hypothesis(achilles, List.of(back));
    open.treat(achilles, "GAIT_RETRAINING", 4);

    CaseScript direct = CaseScript.open(as("clinician.north"), north.toString(), "N-" + suffix(), today.minusDays(90), 0);
    String heel = direct.injury("HEEL", "LEFT", "PLANTAR_FASCIITIS", 0);
    String knee = direct.injury("KNEE", "LEFT", "PATELLOFEMORAL_PAIN", 1);
    direct.hypothesis(heel, List.of(knee));
    direct.treat(heel, "FOOTWEAR_AND_ORTHOTICS", 2);
    direct.treat(knee, "LOADING_PROGRAMME", 5);
    direct.measure(knee, "NPRS", 6, 2);
    direct.measure(knee, "NPRS", 2, 24);
    direct.resolve(knee, 25);

    CaseScript hip = CaseScript.open(as("clinician.north"), north.toString(), "N-" + suffix(), today.minusDays(60), 0);
    String calf = hip.injury("CALF", "RIGHT", "CALF_STRAIN", 0);
    String flexor = hip.injury("HIP", "RIGHT", "HIP_FLEXOR_STRAIN", 2);
    hip.hypothesis(calf, List.of(flexor));
    hip.treat(calf, "LOADING_PROGRAMME", 3);
    hip.resolve(flexor, 40);

    CaseScript quick = CaseScript.open(as("clinician.north"), north.toString(), "N-" + suffix(), today.minusDays(45), 0);
    String strain = quick.injury("CALF", "LEFT", "CALF_STRAIN", 0);
    String kneePain = quick.injury("KNEE", "LEFT", "PATELLOFEMORAL_PAIN", 1);
    quick.hypothesis(strain, List.of(kneePain));
    quick.treat(strain, "MANUAL_THERAPY", 1);
    quick.resolve(kneePain, 9);
    return Math.max(Math.max(open.position(), direct.position()), Math.max(hip.position(), quick.position()));
  }

  private JsonNode apiDashboard(long position, String range) {
    ApiClient.Response response = as("owner").withHeader("X-Consistency", "after=" + position)
        .get("/api/v1/dashboards/outcomes?clinicId=" + north + range);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  @Test
  void theOwnerSeesTheCaseCountedAndEveryFigureEqualsTheApi() {
    String range = "&from=" + DAY0.plusDays(2) + "&to=" + DAY0.plusDays(2);
    int before = as("owner").get("/api/v1/dashboards/outcomes?clinicId=" + north + range).json()
        .get("secondaries").get("total").asInt();
    Recorded recorded = recordCalfAndKnee();
    long position = Math.max(recorded.script().position(), recordASpreadOfOutcomes());
    JsonNode inRange = apiDashboard(position, range);
    assertThat(inRange.get("secondaries").get("total").asInt()).isEqualTo(before + 1);
    JsonNode allDates = apiDashboard(position, "");

    signIn("owner");
    InsightPages pages = pages();
    pages.openDashboard("North");
    assertThat(pages.dashboardFigures()).isEqualTo(InsightPages.figuresOf(allDates));
    assertThat(page.getByText("Cleared after primary treatment").first()).isVisible();
    assertThat(page.getByText("measures whether it held")).isVisible();
    assertThat(page.locator("#time-to-clearance")).hasAttribute("data-drawn", "true");
    assertThat(page.locator("#cumulative-incidence")).hasAttribute("data-drawn", "true");
    // A handful of secondaries: the headline is muted, marked, and carries its interval.
    assertThat(page.locator(".insights-kpi-lead")).hasClass(Pattern.compile("insights-insufficient"));
    assertThat(page.locator("[data-comparison=modality]")).containsText("Too few secondaries to compare");
    assertThat(page.getByRole(AriaRole.ROWHEADER, new Page.GetByRoleOptions().setName("clinician.north")).first())
        .isVisible();
    screenshot("dashboard");

    pages.dashboardRange(DAY0.plusDays(2), DAY0.plusDays(2));
    assertThat(pages.dashboardFigures()).isEqualTo(InsightPages.figuresOf(inRange));
    assertThat(pages.dashboardFigures()).containsEntry("byChain.CALF_STRAIN>PATELLOFEMORAL_PAIN.count",
        inRange.get("byChain").get(0).get("count").asString());

    InsightPages.Csv csv = pages.downloadCsv();
    ApiClient.Response apiCsv = as("owner").get("/api/v1/dashboards/outcomes.csv?clinicId=" + north + range);
    assertThat(csv.text()).isEqualTo(apiCsv.body())
        .contains("By chain,Calf (gastrocnemius or soleus) strain,Patellofemoral pain,")
        .contains("Clinic,North");
    assertThat(csv.fileName()).isEqualTo("outcomes-north-" + DAY0.plusDays(2) + "-to-" + DAY0.plusDays(2) + ".csv");

    tablet();
    signIn("owner");
    pages().openDashboard("North");
    assertThat(pages().dashboardFigures()).isEqualTo(InsightPages.figuresOf(allDates));
    screenshot("dashboard-tablet");
  }

  @Test
  void aReversedDateRangeShowsTheMessageNextToTheField() {
    signIn("owner");
    InsightPages pages = pages();
    pages.openDashboard("South");
    pages.dashboardRange(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 2, 1));
    assertThat(pages.fieldError("Onset from")).isEqualTo("The start date must be on or before the end date.");
    assertThat(page.getByLabel("Onset from")).hasValue("2026-03-01");
    assertThat(page.getByLabel("Onset to")).hasValue("2026-02-01");
  }

  @Test
  void theAuditorReplaysTheCaseWithWhoWhenCorrelationVerificationAndAsOf() {
    Recorded recorded = recordCalfAndKnee();
    JsonNode events = as("auditor").get("/api/v1/audit/cases/" + recorded.script().caseId() + "/events").json()
        .get("events");

    signIn("auditor");
    assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(recorded.script().caseId())))
        .isVisible();
    InsightPages pages = pages();
    pages.openAuditCase(recorded.script().caseId());
    assertThat(pages.integrity()).isEqualTo("Intact");
    List<InsightPages.AuditedEvent> shown = pages.auditedEvents();
    assertThat(shown).hasSize(events.size());
    for (int i = 0; i < events.size(); i++) {
      JsonNode recordedEvent = events.get(i);
      InsightPages.AuditedEvent row = shown.get(i);
      assertThat(row.eventId()).isEqualTo(recordedEvent.get("eventId").asString());
      assertThat(row.who()).isEqualTo("clinician.north");
      assertThat(row.correlationId()).isEqualTo(recordedEvent.get("correlationId").asString());
      assertThat(Instant.parse(row.recordedAt())).isEqualTo(Instant.parse(recordedEvent.get("recordedAt").asString()));
    }
    assertThat(shown.get(shown.size() - 1).type()).isEqualTo("Secondary resolved");
    screenshot("audit-case");

    Instant treated = Instant.parse(events.get(events.size() - 2).get("recordedAt").asString());
    pages.asOf(treated);
    assertThat(pages.injuryStatusAsOf(recorded.knee())).isEqualTo("Open");
    assertThat(pages.injuryStatusAsOf(recorded.calf())).isEqualTo("Open");
    screenshot("audit-as-of");

    page.locator("tr[data-event-id]").last().getByRole(AriaRole.LINK).click();
    assertThat(page.locator("[data-as-of=state]")).isVisible();
    assertThat(pages.injuryStatusAsOf(recorded.knee())).isEqualTo("Resolved");

    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Who read this case")).click();
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Access log");
    assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("auditor")).first()).isVisible();
  }

  @Test
  void theAuditorIsToldWhenTheCaseIdIsNotACase() {
    signIn("auditor");
    page.navigate("/audit");
    page.getByLabel("Case id").fill("not-a-case");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open case history")).click();
    assertThat(pages().fieldError("Case id")).startsWith("Enter a case id");
    page.getByLabel("Case id").fill(UUID.randomUUID().toString());
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open case history")).click();
    assertThat(pages().fieldError("Case id")).isEqualTo("No case with this id has been recorded.");
  }

  @Test
  void theAdminCreatesAnOwnerWhoSignsInAndSeesOnlyTheirNavigation() {
    String username = "owner." + suffix();
    signIn("admin");
    InsightPages pages = pages();
    pages.openUsers();
    screenshot("admin-users");
    pages.createUser(username, "a-long-initial-password", "Practice owner", "South", "Owns it");
    assertThat(page.getByRole(AriaRole.ROW, new Page.GetByRoleOptions().setName("South Owns it Remove"))).isVisible();
    signOut();

    page.navigate("/login");
    page.getByLabel("Username").fill(username);
    page.getByLabel("Password").fill("a-long-initial-password");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    assertThat(page).hasURL(url("/dashboards/outcomes"));
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("South");
    assertThat(page.getByLabel("Clinic", new Page.GetByLabelOptions().setExact(true))).hasCount(0);
    assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Outcomes"))).isVisible();
    for (String other : List.of("Caseload", "Audit", "Users", "Projections")) {
      assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(other).setExact(true)))
          .hasCount(0);
    }
  }

  @Test
  void aShortPasswordAndATakenUsernameAreRefusedNextToTheirFields() {
    signIn("admin");
    page.navigate("/admin/users/new");
    page.getByLabel("Username").fill("auditor");
    page.getByLabel("Initial password").fill("short");
    page.getByLabel("Auditor", new Page.GetByLabelOptions().setExact(true)).check();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create user")).click();
    assertThat(pages().fieldError("Username")).isEqualTo("This username is taken.");
    assertThat(pages().fieldError("Initial password")).isEqualTo("Use at least 12 characters.");
    assertThat(page.getByLabel("Username")).hasValue("auditor");
  }

  @Test
  void anAdministratorInAClinicIsRefusedNextToTheClinic() {
    signIn("admin");
    page.navigate("/admin/users/new");
    page.getByLabel("Username").fill("admin." + suffix());
    page.getByLabel("Initial password").fill("a-long-initial-password");
    page.getByLabel("Admin", new Page.GetByLabelOptions().setExact(true)).check();
    page.getByLabel("Clinic", new Page.GetByLabelOptions().setExact(true)).selectOption(new SelectOption().setLabel("North"));
    page.getByLabel("Works in it").check();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create user")).click();
    Locator clinic = page.getByLabel("Clinic", new Page.GetByLabelOptions().setExact(true));
    assertThat(clinic).hasAttribute("aria-invalid", "true");
    assertThat(page.locator("#clinicId-error")).hasText(SeparationOfDuties.ADMIN_IN_CLINIC);
  }

  @Test
  void theAuditorFindsTheAdministratorsChangeInTheAdministrationLog() {
    String username = "logged." + suffix();
    signIn("admin");
    pages().createUser(username, "a-long-initial-password", "Auditor", null, null);
    signOut();

    signIn("auditor");
    page.navigate("/audit");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Administration log")).click();
    page.getByLabel("User", new Page.GetByLabelOptions().setExact(true)).fill(username);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
    Locator row = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("User created"));
    assertThat(row).hasCount(1);
    assertThat(row).containsText("admin");
    assertThat(row).containsText(username);
    screenshot("audit-administration-log");
  }

  @Test
  void theAdminRebuildsCaseViewsAndTheProgressBarReachesDone() {
    recordCalfAndKnee();
    signIn("admin");
    pages().rebuildProjection("case-views");
    screenshot("admin-projections");
  }

  /**
   * On a phone each projection is a card: its position, its rate and its Rebuild button lie within
   * the screen, not beyond the edge of a table that scrolls sideways.
   */
  @Test
  void onAPhoneTheAdminSeesAllOfAProjectionAndRebuildsIt() {
    phone();
    signIn("admin");
    page.navigate("/admin/projections");
    Locator row = page.locator("tr[data-projection='case-views']");
    for (Locator shown : List.of(row.locator("td[data-label='Position']"),
        row.locator("td[data-label='Events per second']"),
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rebuild case-views")))) {
      var box = shown.boundingBox();
      assertThat(box.x).isGreaterThanOrEqualTo(0);
      assertThat(box.x + box.width).as(shown.toString()).isLessThanOrEqualTo(390);
    }
    pages().rebuildProjection("case-views");
    screenshot("admin-projections-phone");
  }

  @Test
  void theOwnerGetsTheForbiddenPageForAuditAndUsers() {
    signIn("owner");
    for (String path : List.of("/audit", "/admin/users")) {
      Response response = page.navigate(path);
      assertThat(response.status()).isEqualTo(403);
      assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
          .hasText("You are not allowed to see this page");
    }
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
