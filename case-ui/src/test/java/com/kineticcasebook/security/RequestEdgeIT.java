package com.kineticcasebook.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.security.RawHttp.Framing;
import com.kineticcasebook.security.RawHttp.Reply;
import com.kineticcasebook.support.ApiClient;
import com.kineticcasebook.support.CaseScript;
import com.kineticcasebook.support.PostgresApplicationTest;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The edge of every request, over a raw socket so that nothing normalises the path on the way:
 * one canonical spelling of each path and id (anything else is refused before any filter or handler
 * acts on it), redirects that never carry the client's Host, forwarded headers ignored from a peer
 * that is not a listed proxy, and one access-log row per video playback.
 */
class RequestEdgeIT extends PostgresApplicationTest {

  private static final Pattern CSRF =
      Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|data-csrf-token=\"([^\"]+)\"");

  private CaseScript recorded;
  private String clinician;
  private String auditor;
  private String admin;

  @BeforeEach
  void aNorthCase() {
    ApiClient north = as("clinician.north");
    recorded = CaseScript.open(north, this.north.toString(), "N-8101", LocalDate.now().minusDays(4), 0);
    recorded.injury("KNEE", "LEFT", "PATELLOFEMORAL_PAIN", 1);
    clinician = north.token();
    auditor = as("auditor").token();
    admin = as("admin").token();
  }

  @Test
  void nonCanonicalSpellingsOfPathsAreRefusedBeforeAnyFilterOrHandler() throws IOException {
    String id = recorded.caseId();
    String read = "/api/v1/cases/" + id + "/timeline";
    long events = count("domain_event_entry");
    long keys = count("idempotency_record");
    long grants = count("break_glass_grant");
    long logged = count("access_log");

    List<String[]> refused = new ArrayList<>();
    for (String path : List.of(read, "/api/v1/cases/" + id, "/api/v1/audit/cases/" + id + "/events")) {
      for (String spelling : spellings(path)) {
        refused.add(new String[] {"GET", spelling, path.startsWith("/api/v1/audit") ? auditor : clinician});
      }
    }
    for (String spelling : spellings("/api/v1/cases/" + id + "/injuries")) {
      refused.add(new String[] {"POST", spelling, clinician});
    }
    for (String spelling : spellings("/api/v1/break-glass")) {
      refused.add(new String[] {"POST", spelling, admin});
    }
    byte[] injury = ("{\"bodyRegion\":\"HIP\",\"side\":\"LEFT\",\"description\":\"Pain when running\","
        + "\"onsetOn\":\"" + LocalDate.now() + "\",\"painScore\":3}").getBytes(StandardCharsets.UTF_8);
    byte[] breakGlass = ("{\"caseId\":\"" + id + "\",\"reason\":\"Complaint ticket 4711 needs the timeline\"}")
        .getBytes(StandardCharsets.UTF_8);
    for (String[] request : refused) {
      byte[] body = request[0].equals("GET") ? new byte[0] : request[1].contains("glass") ? breakGlass : injury;
      Reply reply = send(request[0], request[1], body, "Authorization", "Bearer " + request[2],
          "Content-Type", "application/json", "Idempotency-Key", "edge-" + UUID.randomUUID());
      assertThat(reply.status()).as(request[0] + " " + request[1]).isEqualTo(400);
      assertThat(reply.header("Content-Type")).as(request[1]).startsWith("application/problem+json");
      assertThat(reply.text()).as(request[1]).contains("\"field\":\"path\"");
    }
    // The size limit cannot be dodged by spelling either: refused as a path before the body is read.
    byte[] huge = new byte[70 * 1024];
    Arrays.fill(huge, (byte) ' ');
    huge[0] = '{';
    huge[huge.length - 1] = '}';
    assertThat(send("POST", "/api/v1/%63ases/" + id + "/injuries", huge, "Authorization", "Bearer " + clinician,
        "Content-Type", "application/json").status()).isEqualTo(400);
    // Spellings that Tomcat itself refuses while parsing the request line.
    for (String spelling : List.of("/api/v1/cases%2F" + id, "/api/v1/cases%5C" + id, "/api/v1/cases\\" + id)) {
      assertThat(get(spelling, clinician).status()).as(spelling).isEqualTo(400);
    }

    for (String page : List.of("/cases/" + id, "/audit/cases/" + id, "/cases/" + id + "/timeline")) {
      for (String spelling : spellings(page)) {
        Reply reply = send("GET", spelling, new byte[0], "Accept", "text/html");
        assertThat(reply.status()).as(spelling).isEqualTo(400);
        assertThat(reply.header("Content-Type")).as(spelling).startsWith("text/html");
        assertThat(reply.text()).as(spelling).contains("Kinetic Casebook");
        assertThat(reply.header("Location")).as(spelling).isNull();
      }
    }

    assertThat(count("domain_event_entry")).as("events appended").isEqualTo(events);
    assertThat(count("idempotency_record")).as("idempotency keys claimed").isEqualTo(keys);
    assertThat(count("break_glass_grant")).as("grants").isEqualTo(grants);
    assertThat(count("access_log")).as("nothing was served, so nothing is logged as served").isEqualTo(logged);
    assertThat(send("GET", read, new byte[0], "Authorization", "Bearer " + clinician,
        "X-Consistency", "after=" + recorded.position()).status()).as("the canonical spelling is served").isEqualTo(200);
  }

  @Test
  void aCaseIdIsTakenOnlyInItsCanonicalSpellingAndLoggedInLowerCase() throws IOException {
    String id = caseIdWithALeadingZeroGroup();
    String shortened = shorten(id);
    assertThat(UUID.fromString(shortened)).as("the JDK reads both spellings as one id").isEqualTo(UUID.fromString(id));
    for (String path : List.of("/api/v1/cases/" + shortened, "/api/v1/cases/" + shortened + "/timeline")) {
      Reply reply = get(path, clinician);
      assertThat(reply.status()).as(path).isEqualTo(400);
      assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    }
    assertThat(get("/api/v1/audit/cases/" + shortened + "/events", auditor).status()).isEqualTo(400);
    assertThat(get("/api/v1/audit/access-log?caseId=" + shortened, auditor).status()).isEqualTo(400);
    assertThat(send("POST", "/api/v1/break-glass", ("{\"caseId\":\"" + shortened
            + "\",\"reason\":\"Complaint ticket 4711 needs the timeline\"}").getBytes(StandardCharsets.UTF_8),
        "Authorization", "Bearer " + admin, "Content-Type", "application/json").status()).isEqualTo(400);
    assertThat(send("GET", "/cases/" + shortened, new byte[0], "Cookie", signIn("clinician.north"),
        "Accept", "text/html").status()).isEqualTo(400);
    String auditorSession = signIn("auditor");
    Reply typed = send("GET", "/audit?caseId=" + shortened, new byte[0], "Cookie", auditorSession, "Accept", "text/html");
    assertThat(typed.status()).as("a shortened id typed on the audit page is not a case id").isEqualTo(200);
    assertThat(typed.header("Location")).isNull();
    Reply typedUpper = send("GET", "/audit?caseId=" + id.toUpperCase(Locale.ROOT), new byte[0],
        "Cookie", auditorSession, "Accept", "text/html");
    assertThat(typedUpper.status()).isEqualTo(302);
    assertThat(typedUpper.header("Location")).isEqualTo("/audit/cases/" + id);

    String upper = id.toUpperCase(Locale.ROOT);
    Reply read = send("GET", "/api/v1/cases/" + upper, new byte[0], "Authorization", "Bearer " + clinician,
        "X-Correlation-Id", "upper-case-read-" + id.substring(0, 8), "X-Consistency", "after=" + position(id));
    assertThat(read.status()).isEqualTo(200);
    assertThat(entry(id, "upper-case-read-" + id.substring(0, 8)))
        .as("filtering the access log by the case finds the upper-case read").isNotNull();
  }

  /** The API is stateless: a session cookie sent along does not sign an API request in, nor its row. */
  @Test
  void anApiRequestWithOnlyASessionCookieIsLoggedAsAnonymous() throws IOException {
    String marker = "cookie-only-" + UUID.randomUUID().toString().substring(0, 8);
    Reply reply = send("GET", "/api/v1/cases/" + recorded.caseId(), new byte[0], "Cookie", signIn("clinician.north"),
        "X-Correlation-Id", marker);
    assertThat(reply.status()).isEqualTo(401);
    JsonNode row = entry(recorded.caseId(), marker);
    assertThat(row).isNotNull();
    assertThat(row.get("userId").isNull()).isTrue();
    assertThat(row.get("outcome").asString()).isEqualTo("REFUSED");
  }

  @Test
  void aForgedHostNeverReachesARedirect() throws IOException {
    String id = recorded.caseId();
    Reply toLogin = send("GET", "/cases/" + id, new byte[0], "Host", "evil.example", "Accept", "text/html",
        "X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https");
    assertThat(toLogin.status()).isEqualTo(302);
    assertThat(toLogin.header("Location")).isEqualTo("/login");
    String session = cookie(toLogin);

    // The page asked for was saved with the forged host; signing in then happens on the real one.
    Reply loginPage = send("GET", "/login", new byte[0], "Cookie", session);
    String csrf = csrf(loginPage);
    Reply signedIn = send("POST", "/login", form(Map.of("username", "clinician.north", "password", PASSWORD,
            "_csrf", csrf)), "Cookie", session, "Content-Type", "application/x-www-form-urlencoded");
    assertThat(signedIn.status()).isEqualTo(302);
    String back = signedIn.header("Location");
    assertThat(back).as("the page asked for before signing in, on this site").doesNotContain("evil").startsWith("/");
    assertThat(back).startsWith("/cases/" + id);

    Reply onTheForgedHost = send("GET", "/cases", new byte[0], "Host", "evil.example:8443",
        "Cookie", cookie(signedIn), "Accept", "text/html");
    assertThat(onTheForgedHost.status()).as("signed in, served whatever the Host").isEqualTo(200);
    Reply signedOut = send("POST", "/logout", form(Map.of("_csrf", csrf(onTheForgedHost))), "Host", "evil.example",
        "Cookie", cookie(signedIn), "Content-Type", "application/x-www-form-urlencoded");
    assertThat(signedOut.status()).isEqualTo(302);
    assertThat(signedOut.header("Location")).isEqualTo("/login?logout");
  }

  @Test
  void forwardedHeadersFromAPeerThatIsNoListedProxyAreIgnored() throws IOException {
    String marker = "forwarded-" + UUID.randomUUID().toString().substring(0, 8);
    Reply reply = send("GET", "/api/v1/cases/" + recorded.caseId(), new byte[0], "Authorization", "Bearer " + clinician,
        "X-Forwarded-For", "203.0.113.9", "X-Forwarded-Proto", "https", "X-Forwarded-Host", "evil.example",
        "X-Forwarded-Port", "443", "X-Correlation-Id", marker, "X-Consistency", "after=" + recorded.position());
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Strict-Transport-Security")).as("not secure: the proxy header is not believed").isNull();
    JsonNode row = entry(recorded.caseId(), marker);
    assertThat(row).isNotNull();
    assertThat(row.get("clientAddress").asString()).isEqualTo("127.0.0.1");
  }

  @Test
  void aVideoPlaybackIsOneRowHoweverManyRangesThePlayerFetches() throws IOException {
    ApiClient north = as("clinician.north");
    String recording = recorded.gait(2);
    byte[] video = new byte[64 * 1024];
    byte[] header = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'};
    System.arraycopy(header, 0, video, 0, header.length);
    Arrays.fill(video, header.length, video.length, (byte) 7);
    String upload = "/api/v1/cases/" + recorded.caseId() + "/gait-recordings/" + recording + "/video";
    ApiClient.Response uploaded = north.put(upload, "video/mp4", video);
    assertThat(uploaded.status()).isEqualTo(201);
    // The page plays what the case view shows: wait until it shows the video.
    assertThat(north.withHeader("X-Consistency", "after=" + uploaded.header("X-Event-Position"))
        .get("/api/v1/cases/" + recorded.caseId()).status()).isEqualTo(200);
    String page = "/cases/" + recorded.caseId() + "/gait-recordings/" + recording + "/video";
    String session = signIn("clinician.north");

    assertThat(playbackRows(0)).isZero();
    assertThat(play(page, session, "bytes=20000-").status()).as("no playback logged yet: logged").isEqualTo(206);
    assertThat(playbackRows(1)).isEqualTo(1);
    assertThat(play(page, session, null).status()).isEqualTo(200);
    assertThat(playbackRows(2)).as("a request without Range starts a playback").isEqualTo(2);
    for (String range : List.of("bytes=1024-", "bytes=30000-40000", "bytes=-100", "bytes=65000-")) {
      assertThat(play(page, session, range).status()).as(range).isEqualTo(206);
    }
    assertThat(play(page, session, "bytes=0-").status()).isEqualTo(206);
    assertThat(playbackRows(3)).as("later ranges of a playback are not rows; playing from the start is").isEqualTo(3);
  }

  // ---------------------------------------------------------------- spellings, signing in and look-ups

  /** Non-canonical spellings of a canonical path that Tomcat lets through to the application. */
  private static List<String> spellings(String path) {
    List<String> spellings = new ArrayList<>();
    String[] segments = path.substring(1).split("/");
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      int at = segment.length() / 2;
      char c = segment.charAt(at);
      String hex = String.format("%02x", (int) c);
      spellings.add(replace(segments, i, segment.substring(0, at) + "%" + hex + segment.substring(at + 1)));
      spellings.add(replace(segments, i, segment.substring(0, at) + "%" + hex.toUpperCase(Locale.ROOT)
          + segment.substring(at + 1)));
      spellings.add(replace(segments, i, segment + ";x=1"));
    }
    String parent = path.substring(0, path.lastIndexOf('/'));
    String last = path.substring(path.lastIndexOf('/'));
    spellings.add(parent + "/." + last);
    spellings.add(parent + "/x/.." + last);
    spellings.add(parent + "/%2e" + last);
    spellings.add(parent + "/%2E%2E/" + parent.substring(parent.lastIndexOf('/') + 1) + last);
    spellings.add(parent + "/" + last);
    spellings.add("/" + path);
    spellings.add(path + "/");
    spellings.add(path + "/.");
    spellings.add(path + "%20");
    spellings.add(path + "%25");
    return spellings;
  }

  private static String replace(String[] segments, int index, String replacement) {
    String[] copy = segments.clone();
    copy[index] = replacement;
    return "/" + String.join("/", copy);
  }

  /** A new case whose id has a group that begins with 0, so that the JDK also reads it without that 0. */
  private String caseIdWithALeadingZeroGroup() {
    ApiClient north = as("clinician.north");
    for (int attempt = 0; attempt < 200; attempt++) {
      String id = CaseScript.open(north, this.north.toString(), "N-82" + attempt, LocalDate.now(), 0).caseId();
      if (shorten(id) != null) {
        return id;
      }
    }
    throw new AssertionError("no case id with a leading zero in 200 attempts");
  }

  /** The id with the leading 0 of its first, second or last group dropped, or null. */
  private static String shorten(String id) {
    String[] groups = id.split("-");
    for (int i : new int[] {0, 1, 4}) {
      if (groups[i].startsWith("0")) {
        groups[i] = groups[i].substring(1);
        return String.join("-", groups);
      }
    }
    return null;
  }

  private long position(String caseId) {
    return jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry WHERE aggregate_identifier = ?",
        Long.class, caseId);
  }

  /**
   * The playback rows of the case, once there are as many as expected (or five seconds have
   * passed) and a moment longer: a row is written once its response has been sent.
   */
  private long playbackRows(long expected) {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (playbackRowsNow() < expected && System.nanoTime() < deadline) {
      pause(50);
    }
    pause(300);
    return playbackRowsNow();
  }

  private long playbackRowsNow() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM access_log WHERE case_id = ? AND action LIKE 'GET /cases/%/video'",
        Long.class, UUID.fromString(recorded.caseId()));
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Reply play(String page, String session, String range) throws IOException {
    return range == null
        ? send("GET", page, new byte[0], "Cookie", session)
        : send("GET", page, new byte[0], "Cookie", session, "Range", range);
  }

  /** The case's access-log row of the request with this correlation id, waiting for it up to five seconds. */
  private JsonNode entry(String caseId, String correlationId) {
    ApiClient auditorClient = as("auditor");
    long deadline = System.nanoTime() + 5_000_000_000L;
    do {
      JsonNode found = auditorClient.get("/api/v1/audit/access-log?caseId=" + caseId + "&size=500").json()
          .get("entries").valueStream().filter(e -> correlationId.equals(e.get("correlationId").asString(null)))
          .findFirst().orElse(null);
      if (found != null) {
        return found;
      }
      pause(100);
    } while (System.nanoTime() < deadline);
    return null;
  }

  private long count(String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
  }

  /** Signs in through the login form over raw HTTP; the session cookie of the signed-in user. */
  private String signIn(String username) throws IOException {
    Reply page = send("GET", "/login", new byte[0]);
    String session = cookie(page);
    Reply signedIn = send("POST", "/login", form(Map.of("username", username, "password", PASSWORD,
        "_csrf", csrf(page))), "Cookie", session, "Content-Type", "application/x-www-form-urlencoded");
    assertThat(signedIn.status()).isEqualTo(302);
    assertThat(signedIn.header("Location")).doesNotContain("error");
    return cookie(signedIn);
  }

  private static String cookie(Reply reply) {
    String setCookie = reply.header("Set-Cookie");
    assertThat(setCookie).as("a session cookie").isNotNull().startsWith("JSESSIONID=");
    return setCookie.substring(0, setCookie.indexOf(';'));
  }

  private static String csrf(Reply page) {
    Matcher token = CSRF.matcher(page.text());
    assertThat(token.find()).as("a CSRF token on the page").isTrue();
    return token.group(1) != null ? token.group(1) : token.group(2);
  }

  private static byte[] form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&")).getBytes(StandardCharsets.UTF_8);
  }

  private Reply get(String target, String token) throws IOException {
    return send("GET", target, new byte[0], "Authorization", "Bearer " + token);
  }

  private Reply send(String method, String target, byte[] body, String... headers) throws IOException {
    List<String[]> list = new ArrayList<>();
    for (int i = 0; i < headers.length; i += 2) {
      list.add(new String[] {headers[i], headers[i + 1]});
    }
    return RawHttp.exchange(port, new RawHttp.Request(method, target, list, body, Framing.LENGTH));
  }
}
