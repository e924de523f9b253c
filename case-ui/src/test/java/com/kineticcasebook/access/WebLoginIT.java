package com.kineticcasebook.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.support.PostgresApplicationTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The web UI signs in with a form, a session and a CSRF token. */
class WebLoginIT extends PostgresApplicationTest {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

  @Test
  void pagesNeedASignIn() throws Exception {
    HttpResponse<String> home = get("/");
    assertThat(home.statusCode()).isEqualTo(302);
    assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/login");
  }

  @Test
  void aClinicianSignsInWithTheFormAndItsCsrfToken() throws Exception {
    String token = csrfToken();
    HttpResponse<String> login = postForm("/login",
        "username=clinician.north&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + token);
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    HttpResponse<String> home = get("/");
    assertThat(home.statusCode()).as("the start page sends a clinician to the caseload").isEqualTo(302);
    assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/cases");
  }

  @Test
  void everyPageHasItsRule() throws Exception {
    assertThat(get("/login").statusCode()).as("sign-in page: public").isEqualTo(200);
    assertThat(get("/actuator/health").statusCode()).as("health: public").isEqualTo(200);
    assertThat(get("/actuator/info").statusCode()).as("operations pages: sign in first").isEqualTo(302);
    signIn("clinician.north");
    assertThat(get("/").statusCode()).isEqualTo(302);
    assertThat(get("/actuator/info").statusCode()).as("operations pages: administrators only").isEqualTo(403);
  }

  @Test
  void anAdministratorReachesTheOperationsPages() throws Exception {
    signIn("admin");
    assertThat(get("/actuator/info").statusCode()).isEqualTo(200);
  }

  @Test
  void aFormPostWithoutTheCsrfTokenIsRefused() throws Exception {
    csrfToken();
    HttpResponse<String> login = postForm("/login",
        "username=clinician.north&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8));
    assertThat(login.statusCode()).isEqualTo(403);
  }

  @Test
  void aMalformedCsrfTokenIsRefusedWithTheForbiddenPageNeverAnError() throws Exception {
    String token = csrfToken();
    byte[] bytes = Base64.getUrlDecoder().decode(token);
    // The second half masks the first: a high bit flipped there unmasks to bytes that are not UTF-8.
    bytes[bytes.length - 1] ^= (byte) 0x80;
    List<String> malformed = new ArrayList<>(List.of(
        Base64.getUrlEncoder().withoutPadding().encodeToString(bytes),
        token.substring(0, 12),
        "%%%not*base64%%%",
        token + "A"));
    for (int i = 0; i < token.length(); i += 4) {
      malformed.add(token.substring(0, i) + (token.charAt(i) == 'z' ? 'y' : 'z') + token.substring(i + 1));
    }
    for (String bad : malformed) {
      HttpResponse<String> login = postForm("/login", "username=clinician.north&password="
          + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(bad, StandardCharsets.UTF_8));
      assertThat(login.statusCode()).as("token %s", bad).isEqualTo(403);
      assertThat(login.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
      assertThat(login.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
    assertThat(get("/").headers().firstValue("Location").orElseThrow()).as("still not signed in").endsWith("/login");
  }

  @Test
  void aWrongPasswordReturnsToTheFormWithAnError() throws Exception {
    HttpResponse<String> login = postForm("/login", "username=clinician.north&password=wrong&_csrf=" + csrfToken());
    assertThat(login.headers().firstValue("Location").orElseThrow()).contains("/login?error");
  }

  private void signIn(String username) throws Exception {
    HttpResponse<String> login = postForm("/login", "username=" + username + "&password="
        + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrfToken());
    assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
  }

  private String csrfToken() throws Exception {
    HttpResponse<String> page = get("/login");
    assertThat(page.statusCode()).isEqualTo(200);
    Matcher matcher = CSRF.matcher(page.body());
    assertThat(matcher.find()).as("the login form carries a CSRF token").isTrue();
    return matcher.group(1);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> postForm(String path, String form) throws Exception {
    return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Accept", "text/html")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
