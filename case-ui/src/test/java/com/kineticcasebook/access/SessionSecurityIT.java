package com.kineticcasebook.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.support.ApiClient.Response;
import com.kineticcasebook.support.CaseScript;
import com.kineticcasebook.support.PostgresApplicationTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Sign-in throttling, session and cookie hygiene, security headers, and what never reaches the logs. */
class SessionSecurityIT extends PostgresApplicationTest {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  @Autowired private UserDirectory users;
  @Autowired private PasswordEncoder passwordEncoder;

  @Test
  void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOneUntilTheRefusalHasPassed() {
    String username = "throttled." + UUID.randomUUID().toString().substring(0, 8);
    users.createUser(username, passwordEncoder.encode(PASSWORD), Set.of(Role.AUDITOR));
    for (int i = 0; i < 5; i++) {
      assertThat(token(username, "wrong-" + i).status()).isEqualTo(401);
    }
    Response locked = token(username, PASSWORD);
    assertThat(locked.status()).isEqualTo(429);
    assertThat(locked.contentType()).startsWith("application/problem+json");

    jdbc.update("UPDATE login_failure SET at = at - INTERVAL '16 minutes' WHERE username = ?", username);
    assertThat(token(username, PASSWORD).status()).isEqualTo(201);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM login_failure WHERE username = ?", Integer.class, username))
        .as("a success clears the failures of the account from that address").isZero();
  }

  @Test
  void unknownUsernamesAreThrottledAlikeSoNothingIsRevealed() {
    String username = "nobody." + UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < 5; i++) {
      assertThat(token(username, "guess").status()).isEqualTo(401);
    }
    assertThat(token(username, "guess").status()).isEqualTo(429);
  }

  @Test
  void responsesCarryStrictSecurityHeaders() throws Exception {
    for (HttpResponse<String> response : List.of(get("/login", Map.of()), get("/api/v1/me", Map.of()))) {
      String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
      assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-eval");
      assertThat(csp).doesNotContainPattern("script-src[^;]*unsafe-inline");
      assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
      assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
      assertThat(response.headers().firstValue("Referrer-Policy")).contains("same-origin");
      assertThat(response.headers().firstValue("Strict-Transport-Security")).as("not over plain HTTP").isEmpty();
    }
    // Behind a listed proxy that says https, HSTS is sent (TrustedProxyIT); from any other peer the header is ignored.
    HttpResponse<String> claimed = get("/login", Map.of("X-Forwarded-Proto", "https"));
    assertThat(claimed.headers().firstValue("Strict-Transport-Security")).as("no listed proxy").isEmpty();
  }

  @Test
  void theSessionCookieIsHttpOnlySameSiteAndSecureBehindTls() throws Exception {
    // Secure behind a listed TLS-terminating proxy: TrustedProxyIT.
    String plain = sessionCookie(get("/login", Map.of()));
    assertThat(plain).contains("HttpOnly").contains("SameSite=Lax");
  }

  @Test
  void signingInGivesANewSessionId() throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    HttpResponse<String> form = browser.send(request("/login", Map.of()).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    String before = sessionCookie(form);
    Matcher csrf = CSRF.matcher(form.body());
    assertThat(csrf.find()).isTrue();
    HttpResponse<String> login = browser.send(request("/login", Map.of())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("username=clinician.north&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(id(sessionCookie(login))).as("session fixation: the id changes at sign-in").isNotEqualTo(id(before));
  }

  @Test
  void passwordsAndPatientReferencesNeverReachTheLogs() throws Exception {
    String reference = "N-" + (100000 + new java.util.Random().nextInt(800000)) + "Q";
    CaseScript recorded = CaseScript.open(as("clinician.north"), north.toString(), reference, LocalDate.now(), 0);
    recorded.injury("KNEE", "LEFT", null, 0);
    token("clinician.north", "an-obviously-wrong-password-7731");
    as("clinician.north").post("/api/v1/cases", Map.of("clinicId", north.toString(), "patientRef", "Jane Doe 1",
        "openedOn", LocalDate.now().toString()));
    String log = Files.readString(LOG_FILE);
    assertThat(log).as("the log file is written").contains("Started");
    assertThat(log).doesNotContain(reference).doesNotContain("Jane Doe")
        .doesNotContain(PASSWORD).doesNotContain("an-obviously-wrong-password-7731");
  }

  private Response token(String username, String password) {
    return anonymous().post("/api/v1/auth/tokens", Map.of("username", username, "password", password));
  }

  private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
    return HttpClient.newHttpClient().send(request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path, Map<String, String> headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    headers.forEach(builder::header);
    return builder;
  }

  private static String sessionCookie(HttpResponse<?> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(cookie -> cookie.startsWith("JSESSIONID=")).findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers().map()));
  }

  private static String id(String cookie) {
    return cookie.substring("JSESSIONID=".length(), cookie.indexOf(';'));
  }
}
