package com.kineticcasebook.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.support.ApiClient;
import com.kineticcasebook.support.ApiClient.Response;
import com.kineticcasebook.support.CaseScript;
import com.kineticcasebook.support.PostgresApplicationTest;
import com.kineticcasebook.support.Projections;
import com.kineticcasebook.support.WebSession;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the application, called as every kind of user, with the exact status each must
 * get. A controller endpoint that is not in this matrix fails the build.
 */
class AccessMatrixIT extends PostgresApplicationTest {

  /** Who calls. */
  enum Actor { ANONYMOUS, CLINICIAN, OTHER_CLINICIAN, OWNER, AUDITOR, ADMIN }

  /** A fresh case of the North clinic with a little history, recorded by its clinician. */
  record Fixture(CaseScript script, String calf, String knee, String recording, String measureEventId) {}

  /** One endpoint: how to call it against a fixture, and the status per actor. */
  record Row(String method, String pattern, BiFunction<ApiClient, Fixture, Response> call, Map<Actor, Integer> expected) {}

  /**
   * One web page endpoint, called with a signed-in browser session (cookie and CSRF token). An
   * anonymous visitor is sent to the sign-in page (302), a wrong role gets the 403 page, and a case
   * of another clinic the 404 page.
   */
  record PageRow(String method, String pattern, BiFunction<WebSession, Fixture, Response> call,
      Map<Actor, Integer> expected) {}

  private static final LocalDate DAY0 = LocalDate.now().minusDays(30);

  @Autowired private UserDirectory directory;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  private RequestMappingHandlerMapping mappings;

  @Test
  void everyEndpointAnswersEveryActorExactlyAsTheMatrixSays() {
    Map<Actor, ApiClient> clients = clients();
    List<String> mismatches = new ArrayList<>();
    Fixture fixture = null;
    for (Row row : rows()) {
      for (Actor actor : Actor.values()) {
        fixture = fixture == null ? fixture() : fixture;
        long recorded = fixture.script().position();
        ApiClient client = actor == Actor.ANONYMOUS ? anonymous() : clients.get(actor);
        Response response = row.call().apply(client, fixture);
        fixture = mayHaveChanged(row.method(), actor, response, fixture, recorded) ? null : fixture;
        int expected = row.expected().get(actor);
        if (response.status() != expected) {
          mismatches.add(row.method() + " " + row.pattern() + " as " + actor + ": expected " + expected + ", got "
              + response.status() + " " + abbreviate(response.body()));
        }
        if (response.status() >= 400 && row.pattern().startsWith("/api/")) {
          assertThat(response.contentType()).as(row.method() + " " + row.pattern() + " as " + actor)
              .startsWith("application/problem+json");
        }
      }
    }
    assertThat(mismatches).isEmpty();
  }

  @Test
  void everyPageAnswersEveryActorExactlyAsTheMatrixSays() {
    Map<Actor, WebSession> sessions = sessions();
    List<String> mismatches = new ArrayList<>();
    Fixture fixture = null;
    for (PageRow row : pageRows()) {
      for (Actor actor : Actor.values()) {
        fixture = fixture == null ? fixture() : fixture;
        long recorded = fixture.script().position();
        Response response = row.call().apply(sessions.get(actor), fixture);
        fixture = mayHaveChanged(row.method(), actor, response, fixture, recorded) ? null : fixture;
        int expected = row.expected().get(actor);
        if (response.status() != expected) {
          mismatches.add(row.method() + " " + row.pattern() + " as " + actor + ": expected " + expected + ", got "
              + response.status());
        }
        if (expected == 302 && actor == Actor.ANONYMOUS) {
          assertThat(response.header("Location")).as(row.method() + " " + row.pattern()).endsWith("/login");
        }
      }
    }
    assertThat(mismatches).isEmpty();
  }

  @Test
  void everyControllerEndpointHasARowInTheMatrix() {
    Set<String> endpoints = new TreeSet<>();
    mappings.getHandlerMethods().forEach((info, handler) -> {
      if (handler.getBeanType().getPackageName().startsWith("com.kineticcasebook")) {
        for (String pattern : info.getPatternValues()) {
          info.getMethodsCondition().getMethods().forEach(method -> endpoints.add(method + " " + pattern));
        }
      }
    });
    Set<String> covered = new TreeSet<>();
    rows().forEach(row -> covered.add(row.method() + " " + row.pattern()));
    pageRows().forEach(row -> covered.add(row.method() + " " + row.pattern()));
    assertThat(covered).as("endpoints without an access rule test").containsAll(endpoints);
    assertThat(endpoints).as("matrix rows for endpoints that no longer exist").containsAll(covered);
  }

  private List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    String today = LocalDate.now().toString();
    Map<Actor, Integer> anyoneSignedIn = statuses(401, 200, 200, 200, 200, 200);
    Map<Actor, Integer> clinicianWrites = statuses(401, 201, 404, 403, 403, 403);
    Map<Actor, Integer> auditorOnly = statuses(401, 403, 403, 403, 200, 403);

    rows.add(new Row("POST", "/api/v1/auth/tokens", (c, f) -> c.post("/api/v1/auth/tokens",
        Map.of("username", "auditor", "password", PASSWORD)), statuses(201, 201, 201, 201, 201, 201)));
    rows.add(new Row("DELETE", "/api/v1/auth/tokens/current", (c, f) -> c.token() == null
        ? c.delete("/api/v1/auth/tokens/current")
        : login(c).delete("/api/v1/auth/tokens/current"), statuses(401, 204, 204, 204, 204, 204)));
    rows.add(new Row("GET", "/api/v1/me", (c, f) -> c.get("/api/v1/me"), anyoneSignedIn));
    for (String list : List.of("body-regions", "sides", "conditions", "treatment-modalities", "outcome-instruments",
        "gait-views", "running-surfaces")) {
      rows.add(new Row("GET", "/api/v1/reference/" + list, (c, f) -> c.get("/api/v1/reference/" + list),
          anyoneSignedIn));
    }

    rows.add(new Row("POST", "/api/v1/cases", (c, f) -> c.post("/api/v1/cases",
        Map.of("clinicId", north.toString(), "patientRef", "N-9001", "openedOn", today)),
        statuses(401, 201, 403, 403, 403, 403)));
    rows.add(new Row("POST", "/api/v1/cases/{caseId}/injuries", (c, f) -> c.post(path(f, "/injuries"),
        Map.of("bodyRegion", "HIP", "side", "LEFT", "description", "Ache", "onsetOn", today, "painScore", 2)),
        clinicianWrites));
    rows.add(new Row("POST", "/api/v1/cases/{caseId}/gait-recordings", (c, f) -> c.post(path(f, "/gait-recordings"),
        Map.of("filmedOn", today, "view", "ANTERIOR", "surface", "ROAD", "findings", Map.of("antalgic", false))),
        clinicianWrites));
    rows.add(new Row("PUT", "/api/v1/cases/{caseId}/gait-recordings/{recordingId}/video", (c, f) -> c.put(
        path(f, "/gait-recordings/" + f.recording() + "/video"), "video/mp4", mp4()), clinicianWrites));
    rows.add(new Row("POST", "/api/v1/cases/{caseId}/hypotheses", (c, f) -> c.post(path(f, "/hypotheses"),
        Map.of("primaryInjuryId", f.calf(), "secondaryInjuryIds", List.of(f.knee()), "rationale", "Guarding",
            "evidenceRecordingIds", List.of(f.recording()))), clinicianWrites));
    rows.add(new Row("POST", "/api/v1/cases/{caseId}/treatments", (c, f) -> c.post(path(f, "/treatments"),
        Map.of("targetInjuryId", f.calf(), "modality", "TAPING", "plan", "Tape", "startedOn", today)),
        clinicianWrites));
    rows.add(new Row("POST", "/api/v1/cases/{caseId}/outcome-measures", (c, f) -> c.post(path(f, "/outcome-measures"),
        Map.of("injuryId", f.knee(), "instrument", "NPRS", "score", 2, "measuredOn", today)), clinicianWrites));
    rows.add(new Row("POST", "/api/v1/cases/{caseId}/injuries/{injuryId}/resolution", (c, f) -> c.post(
        path(f, "/injuries/" + f.knee() + "/resolution"), Map.of("resolvedOn", today)), clinicianWrites));
    rows.add(new Row("POST", "/api/v1/cases/{caseId}/visits", (c, f) -> c.post(path(f, "/visits"),
        Map.of("visitedOn", today, "note", "Review", "outcomeMeasures",
            List.of(Map.of("injuryId", f.knee(), "instrument", "NPRS", "score", 2)))), clinicianWrites));
    rows.add(new Row("POST", "/api/v1/cases/{caseId}/errors", (c, f) -> c.post(path(f, "/errors"),
        Map.of("eventId", f.measureEventId(), "reason", "Wrong knee")), clinicianWrites));
    rows.add(new Row("POST", "/api/v1/cases/{caseId}/closure", (c, f) -> c.post(path(f, "/closure"),
        Map.of("closedOn", today, "reason", "Discharged", "closeOpenInjuriesAsUnresolved", true)), clinicianWrites));
    rows.add(new Row("POST", "/api/v1/cases/{caseId}/reopening", (c, f) -> {
      f.script().close(1);
      return c.post(path(f, "/reopening"), Map.of("reopenedOn", today, "reason", "Pain is back"));
    }, clinicianWrites));

    rows.add(new Row("GET", "/api/v1/cases", (c, f) -> c.get("/api/v1/cases"), statuses(401, 200, 200, 403, 403, 403)));
    rows.add(new Row("GET", "/api/v1/cases/{caseId}", (c, f) -> consistent(c, f).get(path(f, "")),
        statuses(401, 200, 404, 403, 403, 404)));
    rows.add(new Row("GET", "/api/v1/cases/{caseId}/timeline", (c, f) -> consistent(c, f).get(path(f, "/timeline")),
        statuses(401, 200, 404, 403, 403, 404)));
    rows.add(new Row("POST", "/api/v1/break-glass", (c, f) -> c.post("/api/v1/break-glass",
        Map.of("caseId", f.script().caseId(), "reason", "Covering the North clinic tonight")),
        statuses(401, 400, 201, 403, 403, 201)));

    Function<String, String> dashboard = suffix -> "/api/v1/dashboards/outcomes" + suffix + "?clinicId=" + north;
    rows.add(new Row("GET", "/api/v1/dashboards/outcomes", (c, f) -> c.get(dashboard.apply("")),
        statuses(401, 403, 403, 200, 403, 403)));
    rows.add(new Row("GET", "/api/v1/dashboards/outcomes.csv", (c, f) -> c.get(dashboard.apply(".csv")),
        statuses(401, 403, 403, 200, 403, 403)));

    rows.add(new Row("GET", "/api/v1/audit/cases/{caseId}/events", (c, f) -> c.get(audit(f, "/events")), auditorOnly));
    rows.add(new Row("GET", "/api/v1/audit/cases/{caseId}/state", (c, f) -> c.get(audit(f, "/state?asOf=")
        + Instant.now()), auditorOnly));
    rows.add(new Row("GET", "/api/v1/audit/cases/{caseId}/verification", (c, f) -> c.get(audit(f, "/verification")),
        auditorOnly));
    rows.add(new Row("GET", "/api/v1/audit/access-log", (c, f) -> c.get("/api/v1/audit/access-log?caseId="
        + f.script().caseId()), auditorOnly));
    rows.add(new Row("GET", "/api/v1/audit/access-log", (c, f) -> c.get("/api/v1/audit/access-log?from=" + DAY0
        + "&to=" + today), auditorOnly));
    rows.add(new Row("GET", "/api/v1/audit/cases", (c, f) -> c.get("/api/v1/audit/cases?clinicId=" + north
        + "&patientRef=n-9001"), auditorOnly));
    rows.add(new Row("GET", "/api/v1/audit/administration-log", (c, f) -> c.get(
        "/api/v1/audit/administration-log?from=" + DAY0 + "T00:00:00Z"), auditorOnly));
    rows.add(new Row("GET", "/api/v1/audit/verification", (c, f) -> c.get("/api/v1/audit/verification"), auditorOnly));
    rows.add(new Row("GET", "/api/v1/audit/checkpoints", (c, f) -> c.get("/api/v1/audit/checkpoints"), auditorOnly));
    rows.add(new Row("POST", "/api/v1/audit/checkpoints", (c, f) -> c.post("/api/v1/audit/checkpoints", Map.of()),
        statuses(401, 403, 403, 403, 201, 403)));

    rows.add(new Row("GET", "/api/v1/admin/projections", (c, f) -> c.get("/api/v1/admin/projections"),
        statuses(401, 403, 403, 403, 403, 200)));
    rows.add(new Row("GET", "/api/v1/admin/dead-letters", (c, f) -> c.get("/api/v1/admin/dead-letters"),
        statuses(401, 403, 403, 403, 403, 200)));
    rows.add(new Row("POST", "/api/v1/admin/dead-letters/{group}/retry", (c, f) -> c.post(
        "/api/v1/admin/dead-letters/case-views/retry", Map.of()), statuses(401, 403, 403, 403, 403, 200)));
    rows.add(new Row("POST", "/api/v1/admin/projections/{name}/rebuild", (c, f) -> {
      Response response = c.post("/api/v1/admin/projections/case-views/rebuild", Map.of());
      if (response.status() == 202) {
        Projections.awaitCaughtUp(c, Duration.ofSeconds(60));
      }
      return response;
    }, statuses(401, 403, 403, 403, 403, 202)));
    return rows;
  }

  /** The web pages, each with its rule; {@code signedIn} pages are open to every signed-in user. */
  private List<PageRow> pageRows() {
    List<PageRow> rows = new ArrayList<>();
    rows.add(new PageRow("GET", "/login", (s, f) -> s.get("/login"), statuses(200, 200, 200, 200, 200, 200)));
    rows.add(new PageRow("GET", "/", (s, f) -> s.get("/"), statuses(302, 302, 302, 302, 302, 302)));
    rows.addAll(clinicianPageRows());

    Map<Actor, Integer> ownerPage = statuses(302, 403, 403, 200, 403, 403);
    rows.add(new PageRow("GET", "/dashboards/outcomes", (s, f) -> s.get("/dashboards/outcomes?clinicId=" + north),
        ownerPage));
    rows.add(new PageRow("GET", "/dashboards/outcomes.csv", (s, f) -> s.get("/dashboards/outcomes.csv?clinicId="
        + north), ownerPage));

    Map<Actor, Integer> auditorPage = statuses(302, 403, 403, 403, 200, 403);
    rows.add(new PageRow("GET", "/audit", (s, f) -> s.get("/audit"), auditorPage));
    rows.add(new PageRow("GET", "/audit", (s, f) -> s.get("/audit?clinicId=" + north + "&patientRef=N-9001"),
        auditorPage));
    rows.add(new PageRow("GET", "/audit/cases/{caseId}", (s, f) -> s.get("/audit/cases/" + f.script().caseId()
        + "?asOf=" + Instant.now()), auditorPage));
    rows.add(new PageRow("GET", "/audit/access-log", (s, f) -> s.get("/audit/access-log?caseId="
        + f.script().caseId()), auditorPage));
    rows.add(new PageRow("GET", "/audit/access-log", (s, f) -> s.get("/audit/access-log?user=clinician.north&from="
        + DAY0 + "&to=" + LocalDate.now()), auditorPage));
    rows.add(new PageRow("GET", "/audit/administration-log", (s, f) -> s.get("/audit/administration-log?from="
        + DAY0), auditorPage));

    Map<Actor, Integer> adminPage = statuses(302, 403, 403, 403, 403, 200);
    Map<Actor, Integer> adminChange = statuses(302, 403, 403, 403, 403, 302);
    rows.add(new PageRow("GET", "/admin/users", (s, f) -> s.get("/admin/users"), adminPage));
    rows.add(new PageRow("GET", "/admin/users/new", (s, f) -> s.get("/admin/users/new"), adminPage));
    rows.add(new PageRow("POST", "/admin/users", (s, f) -> s.postForm("/admin/users", Map.of("username",
        "matrix." + UUID.randomUUID().toString().substring(0, 8), "password", "a-long-enough-password",
        "roles", "AUDITOR")), adminChange));
    rows.add(new PageRow("GET", "/admin/users/{userId}", (s, f) -> s.get("/admin/users/" + throwawayUser()),
        adminPage));
    rows.add(new PageRow("POST", "/admin/users/{userId}/roles", (s, f) -> s.postForm("/admin/users/"
        + throwawayUser() + "/roles", Map.of("roles", "CLINICIAN")), adminChange));
    rows.add(new PageRow("POST", "/admin/users/{userId}/memberships", (s, f) -> s.postForm("/admin/users/"
        + throwawayUser() + "/memberships", Map.of("clinicId", north.toString(), "relation", "MEMBER")), adminChange));
    rows.add(new PageRow("POST", "/admin/users/{userId}/memberships/removal", (s, f) -> s.postForm("/admin/users/"
        + throwawayUser() + "/memberships/removal", Map.of("clinicId", north.toString(), "relation", "MEMBER")),
        adminChange));
    rows.add(new PageRow("POST", "/admin/users/{userId}/enabled", (s, f) -> s.postForm("/admin/users/"
        + throwawayUser() + "/enabled", Map.of("enabled", "false")), adminChange));
    rows.add(new PageRow("GET", "/admin/clinics", (s, f) -> s.get("/admin/clinics"), adminPage));
    rows.add(new PageRow("POST", "/admin/clinics", (s, f) -> s.postForm("/admin/clinics", Map.of("name",
        "Matrix " + UUID.randomUUID())), adminChange));
    rows.add(new PageRow("GET", "/admin/projections", (s, f) -> s.get("/admin/projections"), adminPage));
    rows.add(new PageRow("GET", "/admin/projections/status", (s, f) -> s.get("/admin/projections/status"),
        adminPage));
    rows.add(new PageRow("POST", "/admin/projections/{name}/rebuild", (s, f) -> {
      Response response = s.postForm("/admin/projections/case-views/rebuild", Map.of());
      if (response.status() == 302) {
        Projections.awaitCaughtUp(as("admin"), Duration.ofSeconds(60));
      }
      return response;
    }, adminChange));
    return rows;
  }

  /**
   * The clinician's pages: only clinicians, and a case of another clinic is the 404 page. A form
   * that records answers 302 (back to the case page) when it succeeds.
   */
  private List<PageRow> clinicianPageRows() {
    List<PageRow> rows = new ArrayList<>();
    String today = LocalDate.now().toString();
    Map<Actor, Integer> clinicianReads = statuses(302, 200, 200, 403, 403, 403);
    Map<Actor, Integer> caseRead = statuses(302, 200, 404, 403, 403, 403);
    Map<Actor, Integer> caseWrite = statuses(302, 302, 404, 403, 403, 403);
    rows.add(new PageRow("GET", "/cases", (s, f) -> s.get("/cases?q=N-9000&status=OPEN"), clinicianReads));
    rows.add(new PageRow("GET", "/cases/new", (s, f) -> s.get("/cases/new"), clinicianReads));
    rows.add(new PageRow("POST", "/cases/new", (s, f) -> s.postForm("/cases/new",
        Map.of("clinicId", north.toString(), "patientRef", "N-9002", "openedOn", today)),
        statuses(302, 302, 403, 403, 403, 403)));
    rows.add(new PageRow("GET", "/cases/{caseId}", (s, f) -> s.get(projected(f, "")), caseRead));
    rows.add(new PageRow("POST", "/cases/{caseId}/injuries", (s, f) -> s.postForm(page(f, "/injuries"),
        Map.of("bodyRegion", "HIP", "side", "LEFT", "description", "Ache", "onsetOn", today, "painScore", "2")),
        caseWrite));
    rows.add(new PageRow("POST", "/cases/{caseId}/gait-recordings", (s, f) -> s.postForm(page(f, "/gait-recordings"),
        Map.of("filmedOn", today, "view", "ANTERIOR", "surface", "ROAD", "antalgic", "false")), caseWrite));
    rows.add(new PageRow("POST", "/cases/{caseId}/gait-recordings/{recordingId}/video", (s, f) -> s.postFile(
        projected(f, "/gait-recordings/" + f.recording() + "/video"), "video", "gait.mp4", "video/mp4", mp4()),
        statuses(302, 302, 404, 403, 403, 403)));
    rows.add(new PageRow("GET", "/cases/{caseId}/gait-recordings/{recordingId}/video", (s, f) -> {
      Response upload = as("clinician.north").put(path(f, "/gait-recordings/" + f.recording() + "/video"), "video/mp4",
          mp4());
      as("clinician.north").withHeader("X-Consistency", "after=" + upload.header("X-Event-Position")).get(path(f, ""));
      return s.get(page(f, "/gait-recordings/" + f.recording() + "/video"));
    }, caseRead));
    rows.add(new PageRow("POST", "/cases/{caseId}/hypotheses", (s, f) -> s.postForm(page(f, "/hypotheses"),
        Map.of("primaryInjuryId", f.calf(), "secondaryInjuryIds", f.knee(), "rationale", "Guarding")), caseWrite));
    rows.add(new PageRow("POST", "/cases/{caseId}/treatments", (s, f) -> s.postForm(page(f, "/treatments"),
        Map.of("targetInjuryId", f.calf(), "modality", "TAPING", "plan", "Tape", "startedOn", today)), caseWrite));
    rows.add(new PageRow("POST", "/cases/{caseId}/outcome-measures", (s, f) -> s.postForm(page(f, "/outcome-measures"),
        Map.of("injuryId", f.knee(), "instrument", "NPRS", "score", "2", "measuredOn", today)), caseWrite));
    rows.add(new PageRow("POST", "/cases/{caseId}/injuries/{injuryId}/resolution", (s, f) -> s.postForm(
        page(f, "/injuries/" + f.knee() + "/resolution"), Map.of("resolvedOn", today)), caseWrite));
    rows.add(new PageRow("POST", "/cases/{caseId}/visits", (s, f) -> s.postForm(page(f, "/visits"),
        Map.of("visitedOn", today, "note", "Review", "outcomeMeasures[0].injuryId", f.knee(),
            "outcomeMeasures[0].instrument", "NPRS", "outcomeMeasures[0].score", "2")), caseWrite));
    rows.add(new PageRow("GET", "/cases/{caseId}/first-visit", (s, f) -> s.get(projected(f, "/first-visit")),
        caseWrite));
    rows.add(new PageRow("GET", "/cases/{caseId}/first-visit/{step}",
        (s, f) -> s.get(projected(f, "/first-visit/injuries")), caseRead));
    rows.add(new PageRow("POST", "/cases/{caseId}/first-visit/injuries", (s, f) -> s.postForm(
        page(f, "/first-visit/injuries"), Map.of("injuries[0].bodyRegion", "HIP", "injuries[0].side", "RIGHT",
            "injuries[0].description", "Ache", "injuries[0].onsetOn", today, "injuries[0].painScore", "2")), caseWrite));
    rows.add(new PageRow("POST", "/cases/{caseId}/first-visit/gait", (s, f) -> s.postForm(page(f, "/first-visit/gait"),
        Map.of("filmedOn", today, "view", "SAGITTAL_LEFT", "surface", "TRACK", "antalgic", "true")), caseWrite));
    rows.add(new PageRow("POST", "/cases/{caseId}/first-visit/hypothesis", (s, f) -> s.postForm(
        page(f, "/first-visit/hypothesis"), Map.of("primaryInjuryId", f.knee(), "secondaryInjuryIds", f.calf(),
            "rationale", "Knee first")), caseWrite));
    rows.add(new PageRow("POST", "/cases/{caseId}/first-visit/treatment", (s, f) -> s.postForm(
        page(f, "/first-visit/treatment"), Map.of("targetInjuryId", f.knee(), "modality", "TAPING", "plan", "Tape the knee",
            "startedOn", today)), caseWrite));
    rows.add(new PageRow("POST", "/cases/{caseId}/errors", (s, f) -> s.postForm(page(f, "/errors"),
        Map.of("eventId", f.measureEventId(), "reason", "Wrong knee")), caseWrite));
    rows.add(new PageRow("POST", "/cases/{caseId}/closure", (s, f) -> s.postForm(page(f, "/closure"),
        Map.of("closedOn", today, "reason", "Discharged", "closeOpenInjuriesAsUnresolved", "true")), caseWrite));
    rows.add(new PageRow("POST", "/cases/{caseId}/reopening", (s, f) -> {
      f.script().close(1);
      return s.postForm(page(f, "/reopening"), Map.of("reopenedOn", today, "reason", "Pain is back"));
    }, caseWrite));
    return rows;
  }

  private static String page(Fixture fixture, String rest) {
    return "/cases/" + fixture.script().caseId() + rest;
  }

  /** The page's path, once the case page's read model has the fixture (pages read it without waiting). */
  private String projected(Fixture fixture, String rest) {
    consistent(as("clinician.north"), fixture).get(path(fixture, ""));
    return page(fixture, rest);
  }

  /** A user that exists only to be changed by one row of the matrix. */
  private UUID throwawayUser() {
    UUID id = directory.createUser("matrix." + UUID.randomUUID().toString().substring(0, 8),
        "{noop}never-signs-in", Set.of(Role.AUDITOR));
    directory.addMember(id, north);
    return id;
  }

  private Map<Actor, WebSession> sessions() {
    Map<Actor, WebSession> sessions = new EnumMap<>(Actor.class);
    sessions.put(Actor.ANONYMOUS, WebSession.anonymous(port));
    sessions.put(Actor.CLINICIAN, WebSession.signIn(port, "clinician.north", PASSWORD));
    sessions.put(Actor.OTHER_CLINICIAN, WebSession.signIn(port, "clinician.south", PASSWORD));
    sessions.put(Actor.OWNER, WebSession.signIn(port, "owner", PASSWORD));
    sessions.put(Actor.AUDITOR, WebSession.signIn(port, "auditor", PASSWORD));
    sessions.put(Actor.ADMIN, WebSession.signIn(port, "admin", PASSWORD));
    return sessions;
  }

  /**
   * Whether the call may have changed the fixture's case, so the next call needs a fresh one: a
   * write that was not refused, or a row that prepared the case (closed it, say) before its call.
   * A refused write changes nothing (that is one of the promises under test), so the same case
   * serves every actor and row until one writes.
   */
  private static boolean mayHaveChanged(String method, Actor actor, Response response, Fixture fixture,
      long recordedBefore) {
    return (!method.equals("GET") && actor != Actor.ANONYMOUS && response.status() < 400)
        || fixture.script().position() != recordedBefore;
  }

  private Fixture fixture() {
    CaseScript script = CaseScript.open(as("clinician.north"), north.toString(), "N-9000", DAY0, 0);
    String calf = script.injury("CALF", "LEFT", "CALF_STRAIN", 0);
    String knee = script.injury("KNEE", "RIGHT", "PATELLOFEMORAL_PAIN", 2);
    String recording = script.gait(3);
    script.measure(knee, "NPRS", 6, 4);
    return new Fixture(script, calf, knee, recording, script.lastEventId());
  }

  private Map<Actor, ApiClient> clients() {
    Map<Actor, ApiClient> clients = new EnumMap<>(Actor.class);
    clients.put(Actor.CLINICIAN, as("clinician.north"));
    clients.put(Actor.OTHER_CLINICIAN, as("clinician.south"));
    clients.put(Actor.OWNER, as("owner"));
    clients.put(Actor.AUDITOR, as("auditor"));
    clients.put(Actor.ADMIN, as("admin"));
    return clients;
  }

  /** A client signed in again as the same user, so that revoking its token spares the shared one. */
  private ApiClient login(ApiClient client) {
    String username = client.get("/api/v1/me").json().get("username").asString();
    return as(username);
  }

  private static ApiClient consistent(ApiClient client, Fixture fixture) {
    return client.token() == null ? client : client.withHeader("X-Consistency", "after=" + fixture.script().position());
  }

  private static Map<Actor, Integer> statuses(int anonymous, int clinician, int otherClinician, int owner, int auditor,
      int admin) {
    Map<Actor, Integer> statuses = new EnumMap<>(Actor.class);
    statuses.put(Actor.ANONYMOUS, anonymous);
    statuses.put(Actor.CLINICIAN, clinician);
    statuses.put(Actor.OTHER_CLINICIAN, otherClinician);
    statuses.put(Actor.OWNER, owner);
    statuses.put(Actor.AUDITOR, auditor);
    statuses.put(Actor.ADMIN, admin);
    return statuses;
  }

  private static String path(Fixture fixture, String rest) {
    return "/api/v1/cases/" + fixture.script().caseId() + rest;
  }

  private static String audit(Fixture fixture, String rest) {
    return "/api/v1/audit/cases/" + fixture.script().caseId() + rest;
  }

  private static byte[] mp4() {
    byte[] bytes = new byte[256];
    byte[] header = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'};
    System.arraycopy(header, 0, bytes, 0, header.length);
    return bytes;
  }

  private static String abbreviate(String body) {
    return body == null ? "" : body.length() > 200 ? body.substring(0, 200) : body;
  }
}
