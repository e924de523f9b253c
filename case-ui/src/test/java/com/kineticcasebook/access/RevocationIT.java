package com.kineticcasebook.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.support.ApiClient;
import com.kineticcasebook.support.ApiClient.Response;
import com.kineticcasebook.support.CaseScript;
import com.kineticcasebook.support.PostgresApplicationTest;
import com.kineticcasebook.support.WebSession;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Revoked means revoked: disabling a clinician, taking their role away or removing them from a
 * clinic reaches their open web session and their bearer token within 5 seconds, for reads and
 * for writes of clinical events, without a new sign-in.
 */
class RevocationIT extends PostgresApplicationTest {

  static final Duration WITHIN = Duration.ofSeconds(5);

  @Autowired private UserDirectory users;
  @Autowired private PasswordEncoder passwordEncoder;

  /** A clinician of North, signed in twice (a web session and a token), with a case of their own. */
  private record Clinician(UUID id, WebSession web, ApiClient api, String caseId) {}

  @Test
  void disablingAClinicianEndsTheirSessionAndTheirToken() {
    Clinician clinician = signedInClinicianWithACase();
    long events = events(clinician.caseId());
    long changed = System.nanoTime();
    users.setEnabled(clinician.id(), false);

    awaitWithin(changed, () -> clinician.api().get("/api/v1/cases/" + clinician.caseId()).status() == 401);
    assertThat(clinician.api().post("/api/v1/cases/" + clinician.caseId() + "/injuries", injury()).status())
        .isEqualTo(401);
    awaitWithin(changed, () -> clinician.web().get("/cases").status() == 302);
    Response page = clinician.web().get("/cases/" + clinician.caseId());
    assertThat(page.status()).isEqualTo(302);
    assertThat(page.header("Location")).endsWith("/login");
    assertThat(clinician.web().postForm("/cases/" + clinician.caseId() + "/injuries", injuryForm()).status())
        .as("the session is gone, and its CSRF token with it").isEqualTo(403);
    assertThat(events(clinician.caseId())).as("nothing was recorded after the change").isEqualTo(events);
  }

  @Test
  void theEndedSessionIsSentToTheSignInPageWithAMessage() {
    Clinician clinician = signedInClinicianWithACase();
    long changed = System.nanoTime();
    users.setEnabled(clinician.id(), false);
    Response first = awaitResponse(changed, () -> clinician.web().get("/cases"), r -> r.status() == 302);
    assertThat(first.header("Location")).endsWith("/login?revoked");
    assertThat(clinician.web().get("/login?revoked").body()).contains("Your access has changed or ended.");
  }

  @Test
  void takingTheClinicianRoleAwayRefusesClinicalReadsAndWritesAtOnce() {
    Clinician clinician = signedInClinicianWithACase();
    long events = events(clinician.caseId());
    long changed = System.nanoTime();
    users.setRoles(clinician.id(), Set.of(Role.AUDITOR));

    awaitWithin(changed, () -> clinician.api().get("/api/v1/cases/" + clinician.caseId()).status() == 403);
    assertThat(clinician.api().post("/api/v1/cases/" + clinician.caseId() + "/injuries", injury()).status())
        .isEqualTo(403);
    assertThat(clinician.api().get("/api/v1/me").json().get("roles").toString()).contains("AUDITOR")
        .doesNotContain("CLINICIAN");
    awaitWithin(changed, () -> clinician.web().get("/cases").status() == 403);
    assertThat(clinician.web().get("/cases/" + clinician.caseId()).status()).isEqualTo(403);
    assertThat(clinician.web().postForm("/cases/" + clinician.caseId() + "/injuries", injuryForm()).status())
        .isEqualTo(403);
    assertThat(clinician.web().get("/").status()).as("still signed in, with the new role").isEqualTo(302);
    assertThat(clinician.web().get("/").header("Location")).endsWith("/audit");
    assertThat(events(clinician.caseId())).isEqualTo(events);
  }

  @Test
  void removingTheClinicMembershipMakesItsCasesNotFound() {
    Clinician clinician = signedInClinicianWithACase();
    long events = events(clinician.caseId());
    long changed = System.nanoTime();
    users.removeMembership(clinician.id(), north, UserDirectory.Relation.MEMBER);

    awaitWithin(changed, () -> clinician.api().get("/api/v1/cases/" + clinician.caseId()).status() == 404);
    assertThat(clinician.api().post("/api/v1/cases/" + clinician.caseId() + "/injuries", injury()).status())
        .isEqualTo(404);
    awaitWithin(changed, () -> clinician.web().get("/cases/" + clinician.caseId()).status() == 404);
    assertThat(clinician.web().postForm("/cases/" + clinician.caseId() + "/injuries", injuryForm()).status())
        .isEqualTo(404);
    assertThat(clinician.web().get("/cases").status()).as("still a clinician, of no clinic").isEqualTo(200);
    assertThat(events(clinician.caseId())).isEqualTo(events);
  }

  private Clinician signedInClinicianWithACase() {
    String username = "revocable." + UUID.randomUUID().toString().substring(0, 8);
    UUID id = users.createUser(username, passwordEncoder.encode(PASSWORD), Set.of(Role.CLINICIAN));
    users.addMember(id, north);
    ApiClient api = as(username);
    WebSession web = WebSession.signIn(port, username, PASSWORD);
    String caseId = CaseScript.open(api, north.toString(), "N-" + (1000 + (int) (Math.random() * 8000)),
        LocalDate.now(), 0).caseId();
    assertThat(api.post("/api/v1/cases/" + caseId + "/injuries", injury()).status()).isEqualTo(201);
    assertThat(web.get("/cases").status()).isEqualTo(200);
    Response recorded = web.postForm("/cases/" + caseId + "/injuries", injuryForm());
    assertThat(recorded.status()).isEqualTo(302);
    assertThat(recorded.header("Location")).contains("/cases/" + caseId);
    return new Clinician(id, web, api, caseId);
  }

  private long events(String caseId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
        Long.class, caseId);
  }

  static Map<String, Object> injury() {
    return Map.of("bodyRegion", "KNEE", "side", "LEFT", "description", "Ache", "onsetOn",
        LocalDate.now().toString(), "painScore", 3);
  }

  static Map<String, String> injuryForm() {
    return Map.of("bodyRegion", "HIP", "side", "LEFT", "description", "Ache", "onsetOn",
        LocalDate.now().toString(), "painScore", "2");
  }

  /** Waits until the condition holds, failing if that took longer than {@link #WITHIN} since the change. */
  static void awaitWithin(long changedAt, BooleanSupplier condition) {
    awaitResponse(changedAt, condition::getAsBoolean, held -> held);
  }

  static <T> T awaitResponse(long changedAt, Supplier<T> call, Predicate<T> done) {
    while (true) {
      T result = call.get();
      if (done.test(result)) {
        return result;
      }
      assertThat(Duration.ofNanos(System.nanoTime() - changedAt)).as("refused within 5 seconds of the change")
          .isLessThan(WITHIN);
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
