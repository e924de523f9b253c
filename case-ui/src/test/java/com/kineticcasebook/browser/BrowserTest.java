package com.kineticcasebook.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.kineticcasebook.support.ApplicationTest;
import com.kineticcasebook.support.TestDatabase;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on PostgreSQL, driven through Debian's headless Chromium with Playwright. One
 * browser serves every browser test of the run; each test gets a fresh context (no cookies), so
 * it signs in like a person would. The browser tests share a database of their own, so that the
 * screenshots they save show what a clinic would see, not the other tests' throwaway users.
 */
@ExtendWith(BrowserTest.ChromiumFound.class)
public abstract class BrowserTest extends ApplicationTest {

  private static final TestDatabase DATABASE = TestDatabase.create();

  @DynamicPropertySource
  static void browserDatabase(DynamicPropertyRegistry registry) {
    useDatabase(registry, DATABASE);
  }

  /** Where the screenshots of the main pages go, for the README and docs. */
  /**
   * Where screenshots go: target/screenshots, or the folder named by the system property
   * {@code casebook.screenshots} ({@code -Dcasebook.screenshots=../docs/screenshots} refreshes the
   * documentation's), so that an ordinary test run leaves the working tree as it was.
   */
  public static final Path SCREENSHOTS = Path.of(System.getProperty("casebook.screenshots",
      Path.of("target", "screenshots").toString())).toAbsolutePath().normalize();

  private static final String CHROMIUM = System.getenv().getOrDefault("CASEBOOK_CHROMIUM", "/usr/bin/chromium");
  // Playwright must not download its own browser: this machine's is Debian's.
  private static final Map<String, String> ENV = Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
  private static Playwright playwright;
  private static Browser browser;

  protected Page page;
  private BrowserContext context;

  private static synchronized Browser browser() {
    if (browser == null) {
      playwright = Playwright.create(new Playwright.CreateOptions().setEnv(ENV));
      browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
          .setExecutablePath(Path.of(CHROMIUM))
          .setHeadless(true)
          .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
              "--disable-component-update", "--disable-sync", "--no-first-run")));
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        browser.close();
        playwright.close();
      }));
    }
    return browser;
  }

  @BeforeEach
  void openBrowserContext() {
    useContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
  }

  @AfterEach
  void closeBrowserContext() {
    context.close();
  }

  /** A fresh context at desktop size, signed out. */
  protected void desktop() {
    context.close();
    useContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
  }

  /** A fresh context at tablet size with touch, signed out. */
  protected void tablet() {
    context.close();
    useContext(new Browser.NewContextOptions().setViewportSize(820, 1180).setHasTouch(true).setIsMobile(true)
        .setDeviceScaleFactor(1));
  }

  /** A fresh context at phone size with touch, signed out. */
  protected void phone() {
    context.close();
    useContext(new Browser.NewContextOptions().setViewportSize(390, 844).setHasTouch(true).setIsMobile(true)
        .setDeviceScaleFactor(1));
  }

  private void useContext(Browser.NewContextOptions options) {
    context = browser().newContext(options.setBaseURL("http://127.0.0.1:" + port));
    context.setDefaultTimeout(15_000);
    page = context.newPage();
  }

  protected String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /** Signs in through the login page and waits for the role's start page. */
  protected void signIn(String username) {
    page.navigate("/login");
    page.getByLabel("Username").fill(username);
    page.getByLabel("Password").fill(PASSWORD);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))).isVisible();
    // The start page is shown before its deferred scripts have run; htmx must be listening before
    // a test types into a search box (a person typing that early gets the search on Enter).
    page.waitForLoadState(LoadState.LOAD);
  }

  protected void signOut() {
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
    assertThat(page).hasURL(url("/login?logout"));
  }

  /** Saves a full-page screenshot of the page as it is now to a file of the build's own (never the docs'). */
  protected void screenshotTo(Path file) {
    page.screenshot(new Page.ScreenshotOptions().setPath(file.toAbsolutePath()).setFullPage(true));
  }

  /** Saves a full-page screenshot as {name}.png in {@link #SCREENSHOTS}. */
  protected void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
  }

  /**
   * Without a Chromium the browser tests are skipped (before their application starts), with one
   * line saying how to run them; where CASEBOOK_REQUIRE_BROWSER=1 (CI) a missing Chromium fails
   * them instead.
   */
  static final class ChromiumFound implements ExecutionCondition {

    private static final String NO_CHROMIUM = "Browser tests skipped: no Chromium at " + CHROMIUM
        + " (install Debian's chromium, or set CASEBOOK_CHROMIUM to a Chromium binary, to run them)";
    private static boolean reported;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      if (Files.isExecutable(Path.of(CHROMIUM))) {
        return ConditionEvaluationResult.enabled("Chromium at " + CHROMIUM);
      }
      if ("1".equals(System.getenv("CASEBOOK_REQUIRE_BROWSER"))) {
        throw new IllegalStateException("CASEBOOK_REQUIRE_BROWSER=1 but there is no Chromium at " + CHROMIUM);
      }
      synchronized (ChromiumFound.class) {
        if (!reported) {
          reported = true;
          System.out.println(NO_CHROMIUM);
        }
      }
      return ConditionEvaluationResult.disabled(NO_CHROMIUM);
    }
  }
}
