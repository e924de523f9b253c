package com.kineticcasebook.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.security.RawHttp.Framing;
import com.kineticcasebook.security.RawHttp.Reply;
import com.kineticcasebook.support.ApplicationTest;
import com.kineticcasebook.support.CaseScript;
import com.kineticcasebook.support.TestDatabase;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Behind a listed proxy (here the test client's own address is listed), forwarded headers are
 * believed: the client address is the rightmost one that is not a listed proxy, the request is
 * secure when the proxy says so, and redirects still never carry a host. The same headers from a
 * peer that is not listed are ignored ({@link RequestEdgeIT}).
 */
class TrustedProxyIT extends ApplicationTest {

  private static final TestDatabase DATABASE = TestDatabase.create();

  @DynamicPropertySource
  static void behindAListedProxy(DynamicPropertyRegistry registry) {
    useDatabase(registry, DATABASE);
    registry.add("casebook.trusted-proxies", () -> "127.0.0.1, ::1");
  }

  @Test
  void forwardedHeadersFromAListedProxyAreBelieved() throws IOException {
    CaseScript recorded = CaseScript.open(as("clinician.north"), north.toString(), "N-9101", LocalDate.now(), 0);
    String token = as("clinician.north").token();
    String believed = "proxied-" + UUID.randomUUID().toString().substring(0, 8);
    Reply reply = send("/api/v1/cases/" + recorded.caseId(), "Authorization", "Bearer " + token,
        "X-Forwarded-For", "198.51.100.7", "X-Forwarded-Proto", "https", "X-Correlation-Id", believed,
        "X-Consistency", "after=" + recorded.position());
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Strict-Transport-Security")).as("secure, as the proxy says").isNotNull();
    assertThat(clientAddress(recorded.caseId(), believed)).isEqualTo("198.51.100.7");

    String spoofed = "spoofed-" + UUID.randomUUID().toString().substring(0, 8);
    send("/api/v1/cases/" + recorded.caseId(), "Authorization", "Bearer " + token,
        "X-Forwarded-For", "6.6.6.6, 203.0.113.9", "X-Correlation-Id", spoofed);
    assertThat(clientAddress(recorded.caseId(), spoofed))
        .as("what the client wrote before the address the proxy added is not believed").isEqualTo("203.0.113.9");
  }

  @Test
  void behindAListedTlsProxyTheSessionCookieIsSecureAndHstsIsSent() throws IOException {
    Reply overTls = send("/login", "X-Forwarded-Proto", "https");
    assertThat(overTls.header("Set-Cookie")).contains("HttpOnly").contains("SameSite=Lax").contains("Secure");
    assertThat(overTls.header("Strict-Transport-Security")).contains("max-age=31536000");
    Reply plain = send("/login");
    assertThat(plain.header("Set-Cookie")).doesNotContain("Secure");
    assertThat(plain.header("Strict-Transport-Security")).isNull();
  }

  @Test
  void aForwardedHostFromAListedProxyStillNeverReachesARedirect() throws IOException {
    Reply reply = send("/cases", "Host", "casebook.example", "X-Forwarded-Host", "evil.example",
        "X-Forwarded-Proto", "https", "Accept", "text/html");
    assertThat(reply.status()).isEqualTo(302);
    assertThat(reply.header("Location")).isEqualTo("/login");
  }

  private String clientAddress(String caseId, String correlationId) {
    long deadline = System.nanoTime() + 5_000_000_000L;
    do {
      List<String> addresses = jdbc.queryForList("SELECT client_address FROM access_log WHERE case_id = ? "
          + "AND correlation_id = ?", String.class, UUID.fromString(caseId), correlationId);
      if (!addresses.isEmpty()) {
        return addresses.get(0);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    } while (System.nanoTime() < deadline);
    return null;
  }

  private Reply send(String target, String... headers) throws IOException {
    List<String[]> list = new ArrayList<>();
    for (int i = 0; i < headers.length; i += 2) {
      list.add(new String[] {headers[i], headers[i + 1]});
    }
    return RawHttp.exchange(port, new RawHttp.Request("GET", target, list, new byte[0], Framing.LENGTH));
  }
}
