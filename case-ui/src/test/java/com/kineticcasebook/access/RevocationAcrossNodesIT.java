package com.kineticcasebook.access;

import static com.kineticcasebook.access.RevocationIT.awaitWithin;
import static com.kineticcasebook.access.RevocationIT.injury;
import static com.kineticcasebook.access.RevocationIT.injuryForm;
import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.support.ApiClient;
import com.kineticcasebook.support.ApplicationProcess;
import com.kineticcasebook.support.Nodes;
import com.kineticcasebook.support.TestDatabase;
import com.kineticcasebook.support.WebSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * Two application processes on one PostgreSQL: a clinician holds a web session on node A and a
 * bearer token on node B; an administrator changes the clinician on node A; within 5 seconds both
 * are refused, for reads and writes of clinical events. Nothing is shared between the nodes but
 * the database.
 */
class RevocationAcrossNodesIT {

  @RegisterExtension
  final Nodes nodes = new Nodes();

  @Test
  void disablingOrRemovingAMembershipOnOneNodeReachesSessionsAndTokensOnBoth() throws Exception {
    TestDatabase database = TestDatabase.create();
    Path dataDir = Files.createTempDirectory("casebook-revocation");
    ApplicationProcess a = nodes.start(database, dataDir, "revocation-node-a");
    ApplicationProcess.createClinicUsers(database);
    ApplicationProcess b = nodes.start(database, dataDir, "revocation-node-b");
    JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(database.connect(), true));
    UUID clinic = jdbc.queryForObject("SELECT id FROM clinic WHERE name = 'Process'", UUID.class);
    UUID disabled = userId(jdbc, "process.clinician");
    UUID moved = secondClinician(jdbc, clinic);
    WebSession admin = WebSession.signIn(a.port(), "process.admin", ApplicationProcess.PASSWORD);

    Signedin first = signIn(a, b, "process.clinician", clinic, jdbc);
    admin.get("/admin/users/" + disabled);
    long changed = System.nanoTime();
    assertThat(admin.postForm("/admin/users/" + disabled + "/enabled", Map.of("enabled", "false")).status())
        .isEqualTo(302);
    awaitWithin(changed, () -> first.tokenOnB().get("/api/v1/cases/" + first.caseId()).status() == 401);
    awaitWithin(changed, () -> first.sessionOnA().get("/cases").status() == 302);
    assertThat(first.tokenOnB().post("/api/v1/cases/" + first.caseId() + "/injuries", injury()).status())
        .isEqualTo(401);
    assertThat(first.sessionOnA().postForm("/cases/" + first.caseId() + "/injuries", injuryForm()).status())
        .isEqualTo(403);
    assertThat(events(jdbc, first.caseId())).isEqualTo(first.events());

    Signedin second = signIn(a, b, "process.moved", clinic, jdbc);
    admin.get("/admin/users/" + moved);
    changed = System.nanoTime();
    assertThat(admin.postForm("/admin/users/" + moved + "/memberships/removal",
        Map.of("clinicId", clinic.toString(), "relation", "MEMBER")).status()).isEqualTo(302);
    awaitWithin(changed, () -> second.tokenOnB().get("/api/v1/cases/" + second.caseId()).status() == 404);
    awaitWithin(changed, () -> second.sessionOnA().get("/cases/" + second.caseId()).status() == 404);
    assertThat(second.tokenOnB().post("/api/v1/cases/" + second.caseId() + "/injuries", injury()).status())
        .isEqualTo(404);
    assertThat(second.sessionOnA().postForm("/cases/" + second.caseId() + "/injuries", injuryForm()).status())
        .isEqualTo(404);
    assertThat(events(jdbc, second.caseId())).isEqualTo(second.events());
  }

  /** A clinician with a web session on node A, a token on node B, and a case recorded through both. */
  private record Signedin(WebSession sessionOnA, ApiClient tokenOnB, String caseId, long events) {}

  private static Signedin signIn(ApplicationProcess a, ApplicationProcess b, String username, UUID clinic,
      JdbcTemplate jdbc) {
    WebSession sessionOnA = WebSession.signIn(a.port(), username, ApplicationProcess.PASSWORD);
    ApiClient tokenOnB = ApiClient.login(b.port(), username, ApplicationProcess.PASSWORD);
    var opened = tokenOnB.post("/api/v1/cases", Map.of("clinicId", clinic.toString(), "patientRef",
        "P-" + (1000 + (int) (Math.random() * 8000)), "openedOn", LocalDate.now().toString()));
    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    String caseId = opened.json().get("caseId").asString();
    assertThat(tokenOnB.post("/api/v1/cases/" + caseId + "/injuries", injury()).status()).isEqualTo(201);
    assertThat(sessionOnA.get("/cases").status()).isEqualTo(200);
    assertThat(sessionOnA.postForm("/cases/" + caseId + "/injuries", injuryForm()).status()).isEqualTo(302);
    return new Signedin(sessionOnA, tokenOnB, caseId, events(jdbc, caseId));
  }

  private static UUID secondClinician(JdbcTemplate jdbc, UUID clinic) {
    UUID id = UUID.randomUUID();
    jdbc.update("INSERT INTO app_user (id, username, password_hash, enabled, created_at) VALUES (?, ?, ?, TRUE, now())",
        id, "process.moved",
        PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(ApplicationProcess.PASSWORD));
    jdbc.update("INSERT INTO user_role (user_id, role) VALUES (?, 'CLINICIAN')", id);
    jdbc.update("INSERT INTO clinic_membership (user_id, clinic_id, relation) VALUES (?, ?, 'MEMBER')", id, clinic);
    return id;
  }

  private static UUID userId(JdbcTemplate jdbc, String username) {
    return jdbc.queryForObject("SELECT id FROM app_user WHERE username = ?", UUID.class, username);
  }

  private static long events(JdbcTemplate jdbc, String caseId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
        Long.class, caseId);
  }
}
