package com.kineticcasebook.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.support.ApiClient.Response;
import com.kineticcasebook.support.PostgresApplicationTest;
import com.kineticcasebook.support.WebSession;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * One throttle for every way in, over real HTTP: the login form and the token endpoint count into
 * the same failures, refuse the right password once over the limit, refuse ever longer up to the
 * longest refusal and then let the owner in again, and treat unknown usernames alike.
 */
class SignInThrottleIT extends PostgresApplicationTest {

  private static final String THROTTLED = "Too many failed sign-ins for this account or address. Try again in ";

  @Autowired private UserDirectory users;
  @Autowired private PasswordEncoder passwordEncoder;

  @Test
  void wrongPasswordsOnTheFormLockItEvenAgainstTheRightPassword() {
    String username = newUser();
    WebSession browser = WebSession.anonymous(port);
    for (int i = 0; i < 5; i++) {
      assertThat(formSignIn(browser, username, "wrong-" + i)).contains("Wrong username or password");
    }
    assertThat(formSignIn(browser, username, PASSWORD)).contains(THROTTLED + "1 minute.");
    Response home = browser.get("/");
    assertThat(home.status()).isEqualTo(302);
    assertThat(home.header("Location")).as("not signed in").endsWith("/login");
    assertThat(failures(username)).as("a refused attempt is not a failure").isEqualTo(5);
  }

  @Test
  void theFormAndTheTokenEndpointCountTheSameFailures() {
    String username = newUser();
    WebSession browser = WebSession.anonymous(port);
    for (int i = 0; i < 3; i++) {
      formSignIn(browser, username, "wrong-" + i);
    }
    for (int i = 0; i < 2; i++) {
      assertThat(token(username, "wrong-" + i).status()).isEqualTo(401);
    }
    Response refused = token(username, PASSWORD);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().get("detail").asString()).isEqualTo(THROTTLED + "1 minute.");
    assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(50L, 60L);
    assertThat(formSignIn(browser, username, PASSWORD)).contains(THROTTLED);

    String other = newUser();
    for (int i = 0; i < 5; i++) {
      token(other, "wrong-" + i);
    }
    assertThat(formSignIn(WebSession.anonymous(port), other, PASSWORD))
        .as("failures at the token endpoint lock the form too").contains(THROTTLED);
  }

  @Test
  void unknownUsernamesAreThrottledOnTheFormAlike() {
    String username = "nobody." + UUID.randomUUID().toString().substring(0, 8);
    WebSession browser = WebSession.anonymous(port);
    for (int i = 0; i < 5; i++) {
      assertThat(formSignIn(browser, username, "guess")).contains("Wrong username or password");
    }
    assertThat(formSignIn(browser, username, "guess")).contains(THROTTLED + "1 minute.");
    assertThat(token(username, "guess").status()).isEqualTo(429);
  }

  @Test
  void eachFailureAfterARefusalDoublesTheNextUpToFifteenMinutesAfterWhichTheOwnerSignsIn() {
    String username = newUser();
    for (int i = 0; i < 5; i++) {
      token(username, "wrong-" + i);
    }
    long[] expected = {60, 120, 240, 480, 900};
    for (int step = 0; step < expected.length; step++) {
      Response refused = token(username, PASSWORD);
      assertThat(refused.status()).isEqualTo(429);
      long retryAfter = Long.parseLong(refused.header("Retry-After"));
      assertThat(retryAfter).as("refusal after %d failures", 5 + step).isBetween(expected[step] - 10, expected[step]);
      // As if the refusal had been waited out: every failure moves that far into the past.
      jdbc.update("UPDATE login_failure SET at = at - make_interval(secs => ?) WHERE username = ?",
          retryAfter + 1, username);
      assertThat(token(username, PASSWORD + "-typo").status()).isEqualTo(401);
    }
    assertThat(token(username, PASSWORD).status()).isEqualTo(429);
    jdbc.update("UPDATE login_failure SET at = at - INTERVAL '901 seconds' WHERE username = ?", username);
    assertThat(failures(username)).as("the failures are still within the window").isEqualTo(10);
    assertThat(token(username, PASSWORD).status()).as("the longest refusal has passed").isEqualTo(201);
  }

  @Test
  void anAddressThatHasNotFailedStillSignsInWhileTheAccountIsUnderAttack() throws Exception {
    String username = newUser();
    for (int i = 0; i < 8; i++) {
      token(username, "wrong-" + i);
    }
    assertThat(token(username, PASSWORD).status()).isEqualTo(429);
    assertThat(tokenFrom("127.0.0.2", username, PASSWORD)).startsWith("HTTP/1.1 201");
    assertThat(token(username, PASSWORD).status()).as("the attacking address is still refused").isEqualTo(429);
  }

  private String newUser() {
    String username = "throttle." + UUID.randomUUID().toString().substring(0, 8);
    users.createUser(username, passwordEncoder.encode(PASSWORD), Set.of(Role.AUDITOR));
    return username;
  }

  /** Signs in with the form and returns the page it leads to. */
  private static String formSignIn(WebSession browser, String username, String password) {
    browser.get("/login");
    Response login = browser.postForm("/login", Map.of("username", username, "password", password));
    assertThat(login.status()).isEqualTo(302);
    String location = login.header("Location");
    if (!location.contains("/login?error")) {
      return "signed in: " + location;
    }
    return browser.get("/login?error").body();
  }

  private Response token(String username, String password) {
    return anonymous().post("/api/v1/auth/tokens", Map.of("username", username, "password", password));
  }

  private int failures(String username) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM login_failure WHERE username = ?", Integer.class, username);
  }

  /** A token request from another client address (any 127.0.0.0/8 address is this machine). */
  private String tokenFrom(String address, String username, String password) throws Exception {
    byte[] body = ("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")
        .getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /api/v1/auth/tokens HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
          + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      in.transferTo(response);
      return response.toString(StandardCharsets.UTF_8);
    }
  }
}
