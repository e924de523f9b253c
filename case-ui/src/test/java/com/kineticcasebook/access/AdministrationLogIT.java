package com.kineticcasebook.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kineticcasebook.support.ApiClient;
import com.kineticcasebook.support.ApiClient.Response;
import com.kineticcasebook.support.PostgresApplicationTest;
import com.kineticcasebook.support.Projections;
import com.kineticcasebook.support.WebSession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/**
 * Separation of duties and the administration log, over HTTP as administrators and auditors use
 * them, and against the database as any code of the application would.
 */
class AdministrationLogIT extends PostgresApplicationTest {

  @Autowired private UserDirectory users;
  @Autowired private PasswordEncoder passwordEncoder;

  @Test
  void anAdministratorCannotMakeThemselvesAClinicianNorChangeTheirOwnAccount() {
    WebSession admin = adminPages();
    UUID adminId = users.findByUsername("admin").orElseThrow().id();
    admin.get("/admin/users/" + adminId);

    for (Response refused : List.of(
        admin.postForm("/admin/users/" + adminId + "/roles", Map.of("roles", "ADMIN,CLINICIAN")),
        admin.postForm("/admin/users/" + adminId + "/roles", Map.of("roles", "CLINICIAN")),
        admin.postForm("/admin/users/" + adminId + "/memberships", Map.of("clinicId", north.toString(),
            "relation", "MEMBER")),
        admin.postForm("/admin/users/" + adminId + "/memberships/removal", Map.of("clinicId", north.toString(),
            "relation", "MEMBER")),
        admin.postForm("/admin/users/" + adminId + "/enabled", Map.of("enabled", "false")))) {
      assertThat(refused.status()).isEqualTo(200);
      assertThat(refused.body()).contains(HtmlUtils.htmlEscape(SeparationOfDuties.OWN_ACCOUNT));
      assertThat(rowsOf(refused)).as("a refused change is not logged").isZero();
    }
    var account = users.account(adminId).orElseThrow();
    assertThat(account.roles()).containsExactly(Role.ADMIN);
    assertThat(account.memberships()).isEmpty();
    assertThat(account.enabled()).isTrue();
  }

  @Test
  void anAdministratorCannotBeGivenAClinicalRoleOrAClinicByAnotherAdministrator() {
    WebSession admin = adminPages();
    UUID other = users.createUser(unique("admin"), "{noop}never-signs-in", Set.of(Role.ADMIN));

    Response withClinician = admin.postForm("/admin/users/" + other + "/roles", Map.of("roles", "ADMIN,CLINICIAN"));
    assertThat(withClinician.status()).isEqualTo(200);
    assertThat(withClinician.body()).contains(HtmlUtils.htmlEscape(SeparationOfDuties.ADMIN_WITH_CLINICAL_ROLE));
    Response inAClinic = admin.postForm("/admin/users/" + other + "/memberships", Map.of("clinicId",
        north.toString(), "relation", "MEMBER"));
    assertThat(inAClinic.status()).isEqualTo(200);
    assertThat(inAClinic.body()).contains(HtmlUtils.htmlEscape(SeparationOfDuties.ADMIN_IN_CLINIC));
    assertThat(rowsOf(withClinician) + rowsOf(inAClinic)).isZero();
    assertThat(users.account(other).orElseThrow().roles()).containsExactly(Role.ADMIN);
    assertThat(users.account(other).orElseThrow().memberships()).isEmpty();

    Response nowAClinician = admin.postForm("/admin/users/" + other + "/roles", Map.of("roles", "CLINICIAN"));
    assertThat(nowAClinician.status()).as("giving up the administrator role is allowed").isEqualTo(302);
    assertThat(rowsOf(nowAClinician)).isOne();
  }

  @Test
  void creatingAnAdministratorWhoIsAlsoAClinicianOrInAClinicIsRefused() {
    WebSession admin = adminPages();
    admin.get("/admin/users/new");
    String both = unique("both");
    Response withClinician = admin.postForm("/admin/users", Map.of("username", both,
        "password", "a-long-enough-password", "roles", "ADMIN,CLINICIAN"));
    assertThat(withClinician.status()).isEqualTo(200);
    assertThat(withClinician.body()).contains(HtmlUtils.htmlEscape(SeparationOfDuties.ADMIN_WITH_CLINICAL_ROLE));
    String inClinic = unique("clinic.admin");
    Response withClinic = admin.postForm("/admin/users", Map.of("username", inClinic,
        "password", "a-long-enough-password", "roles", "ADMIN", "clinicId", north.toString(), "relation", "MEMBER"));
    assertThat(withClinic.status()).isEqualTo(200);
    assertThat(withClinic.body()).contains(HtmlUtils.htmlEscape(SeparationOfDuties.ADMIN_IN_CLINIC));

    assertThat(users.findByUsername(both)).isEmpty();
    assertThat(users.findByUsername(inClinic)).isEmpty();
    assertThat(rowsOf(withClinician) + rowsOf(withClinic)).isZero();
  }

  @Test
  void theDatabaseRefusesAnAdministratorWithAClinicalRoleOrAClinicWhateverStatementTries() {
    UUID admin = users.createUser(unique("admin"), "{noop}x", Set.of(Role.ADMIN));
    for (String role : List.of("CLINICIAN", "PRACTICE_OWNER", "AUDITOR")) {
      assertThatThrownBy(() -> jdbc.update("INSERT INTO user_role (user_id, role) VALUES (?, ?)", admin, role))
          .as(role).isInstanceOf(DataIntegrityViolationException.class);
    }
    assertThatThrownBy(() -> jdbc.update(
        "INSERT INTO clinic_membership (user_id, clinic_id, relation) VALUES (?, ?, 'MEMBER')", admin, north))
        .isInstanceOf(DataIntegrityViolationException.class);

    UUID clinician = users.createUser(unique("clinician"), "{noop}x", Set.of(Role.CLINICIAN));
    assertThatThrownBy(() -> jdbc.update("INSERT INTO user_role (user_id, role) VALUES (?, 'ADMIN')", clinician))
        .isInstanceOf(DataIntegrityViolationException.class);
    UUID member = users.createUser(unique("member"), "{noop}x", Set.of(Role.AUDITOR), north, UserDirectory.Relation.MEMBER);
    jdbc.update("DELETE FROM user_role WHERE user_id = ?", member);
    assertThatThrownBy(() -> jdbc.update("INSERT INTO user_role (user_id, role) VALUES (?, 'ADMIN')", member))
        .as("an account in a clinic").isInstanceOf(DataIntegrityViolationException.class);
    jdbc.update("UPDATE user_role SET role = 'CLINICIAN' WHERE user_id = ?", admin);
    assertThat(users.account(admin).orElseThrow().roles()).as("an administrator may become a clinician instead")
        .containsExactly(Role.CLINICIAN);
  }

  @Test
  void anAccountThatHoldsBothAnywayGetsNoAccessAtAll() {
    String username = unique("legacy");
    UUID legacy = users.createUser(username, passwordEncoder.encode(PASSWORD), Set.of(Role.CLINICIAN), north,
        UserDirectory.Relation.MEMBER);
    // As a row written before the database checked the combination (only the tables' owner can).
    JdbcTemplate owner = asOwner();
    new TransactionTemplate(new DataSourceTransactionManager(owner.getDataSource())).executeWithoutResult(status -> {
      owner.execute("ALTER TABLE user_role DISABLE TRIGGER user_role_separation_of_duties");
      owner.update("INSERT INTO user_role (user_id, role) VALUES (?, 'ADMIN')", legacy);
      owner.execute("ALTER TABLE user_role ENABLE TRIGGER user_role_separation_of_duties");
    });

    ApiClient both = as(username);
    assertThat(both.get("/api/v1/me").json().get("roles")).isEmpty();
    assertThat(both.get("/api/v1/cases").status()).isEqualTo(403);
    assertThat(both.get("/api/v1/admin/projections").status()).isEqualTo(403);
    assertThat(WebSession.signIn(port, username, PASSWORD).get("/cases").status()).isEqualTo(403);
  }

  @Test
  void everyKindOfAdministrativeChangeIsLoggedOnceWithWhoAndWhatAndNeverAPassword() {
    WebSession admin = adminPages();
    UUID adminId = users.findByUsername("admin").orElseThrow().id();
    String username = unique("logged");
    String password = "initial-" + UUID.randomUUID();
    admin.get("/admin/users/new");

    Response created = admin.postForm("/admin/users", Map.of("username", username, "password", password,
        "roles", "CLINICIAN", "clinicId", north.toString(), "relation", "MEMBER"));
    assertThat(created.status()).isEqualTo(302);
    UUID userId = users.findByUsername(username).orElseThrow().id();
    JsonNode creation = onlyRowOf(created, "USER_CREATED", "USER", userId.toString());
    assertThat(creation.get("before").isNull()).isTrue();
    assertThat(creation.get("after").get("roles").toString()).isEqualTo("[\"CLINICIAN\"]");
    assertThat(creation.get("after").get("memberships").get(0).get("clinicName").asString()).isEqualTo("North");
    assertThat(creation.get("actorUserId").asString()).isEqualTo(adminId.toString());
    assertThat(creation.get("actorUsername").asString()).isEqualTo("admin");
    assertThat(creation.get("actorRoles").toString()).isEqualTo("[\"ADMIN\"]");
    assertThat(creation.get("targetName").asString()).isEqualTo(username);
    assertThat(creation.get("clientAddress").asString()).isEqualTo("127.0.0.1");

    JsonNode roles = onlyRowOf(admin.postForm("/admin/users/" + userId + "/roles", Map.of("roles", "PRACTICE_OWNER")),
        "ROLES_CHANGED", "USER", userId.toString());
    assertThat(roles.get("before").get("roles").toString()).isEqualTo("[\"CLINICIAN\"]");
    assertThat(roles.get("after").get("roles").toString()).isEqualTo("[\"PRACTICE_OWNER\"]");
    JsonNode added = onlyRowOf(admin.postForm("/admin/users/" + userId + "/memberships", Map.of("clinicId",
        south.toString(), "relation", "OWNER")), "MEMBERSHIP_ADDED", "USER", userId.toString());
    assertThat(added.get("after").get("memberships")).hasSize(2);
    JsonNode removed = onlyRowOf(admin.postForm("/admin/users/" + userId + "/memberships/removal", Map.of("clinicId",
        north.toString(), "relation", "MEMBER")), "MEMBERSHIP_REMOVED", "USER", userId.toString());
    assertThat(removed.get("after").get("memberships")).hasSize(1);
    JsonNode disabled = onlyRowOf(admin.postForm("/admin/users/" + userId + "/enabled", Map.of("enabled", "false")),
        "USER_DISABLED", "USER", userId.toString());
    assertThat(disabled.get("before").get("enabled").asBoolean()).isTrue();
    assertThat(disabled.get("after").get("enabled").asBoolean()).isFalse();
    onlyRowOf(admin.postForm("/admin/users/" + userId + "/enabled", Map.of("enabled", "true")), "USER_ENABLED", "USER",
        userId.toString());

    String clinicName = "Logged " + UUID.randomUUID();
    Response clinic = admin.postForm("/admin/clinics", Map.of("name", clinicName));
    UUID clinicId = users.findClinicByName(clinicName).orElseThrow().clinicId();
    assertThat(onlyRowOf(clinic, "CLINIC_CREATED", "CLINIC", clinicId.toString()).get("after").get("name").asString())
        .isEqualTo(clinicName);

    ApiClient adminApi = as("admin");
    Response rebuild = adminApi.post("/api/v1/admin/projections/case-views/rebuild", Map.of());
    assertThat(rebuild.status()).isEqualTo(202);
    onlyRowOf(rebuild, "PROJECTION_REBUILD_REQUESTED", "PROJECTION", "case-views");
    Projections.awaitCaughtUp(adminApi, Duration.ofSeconds(60));
    Response retry = adminApi.post("/api/v1/admin/dead-letters/case-views/retry", Map.of());
    assertThat(retry.status()).isEqualTo(200);
    onlyRowOf(retry, "DEAD_LETTERS_RETRIED", "DEAD_LETTER_QUEUE", "case-views");

    String everything = String.join("\n", jdbc.queryForList(
        "SELECT CONCAT_WS('|', before_state, after_state, target_name, actor_username) FROM administration_log",
        String.class));
    String hash = jdbc.queryForObject("SELECT password_hash FROM app_user WHERE id = ?", String.class, userId);
    assertThat(everything).doesNotContain(password).doesNotContain(hash).doesNotContain("password");
  }

  @Test
  void auditorsReadTheLogByUserAndTimeNewestFirstAndTheirReadsAreInTheAccessLog() {
    WebSession admin = adminPages();
    UUID userId = users.createUser(unique("read"), "{noop}x", Set.of(Role.AUDITOR));
    Instant from = Instant.now();
    admin.postForm("/admin/users/" + userId + "/roles", Map.of("roles", "CLINICIAN"));
    admin.postForm("/admin/users/" + userId + "/memberships", Map.of("clinicId", north.toString(), "relation", "MEMBER"));

    ApiClient auditor = as("auditor");
    Response read = auditor.get("/api/v1/audit/administration-log?userId=" + userId + "&from=" + from);
    assertThat(read.status()).isEqualTo(200);
    JsonNode entries = read.json().get("entries");
    assertThat(entries).hasSize(2);
    assertThat(entries.get(0).get("action").asString()).isEqualTo("MEMBERSHIP_ADDED");
    assertThat(entries.get(1).get("action").asString()).isEqualTo("ROLES_CHANGED");
    for (String field : List.of("at", "actorUserId", "actorUsername", "actorRoles", "action", "targetType", "targetId",
        "targetName", "before", "after", "clientAddress", "correlationId")) {
      assertThat(entries.get(0).has(field)).as(field).isTrue();
    }
    UUID adminId = users.findByUsername("admin").orElseThrow().id();
    JsonNode byAdmin = auditor.get("/api/v1/audit/administration-log?userId=" + adminId + "&from=" + from)
        .json().get("entries");
    assertThat(byAdmin).as("the changes the administrator made").hasSizeGreaterThanOrEqualTo(2);
    assertThat(auditor.get("/api/v1/audit/administration-log?userId=" + userId + "&to=" + from).json().get("entries"))
        .as("the account's creation had no signed-in actor and is before the window").hasSize(1);
    assertThat(auditor.get("/api/v1/audit/administration-log?size=0").status()).isEqualTo(400);
    assertThat(accessLogRowsOf(read)).isOne();

    WebSession auditorPages = WebSession.signIn(port, "auditor", PASSWORD);
    Response page = auditorPages.get("/audit/administration-log?user=" + users.account(userId).orElseThrow().username());
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Roles changed").contains("works in North").contains("Membership added");
    assertThat(accessLogRowsOf(page)).isOne();
    Response wrong = auditorPages.get("/audit/administration-log?user=nobody.at.all&from=yesterday");
    assertThat(wrong.status()).isEqualTo(200);
    assertThat(wrong.body()).contains("No user has this username").contains("Enter a day as year-month-day");
    assertThat(auditorPages.get("/audit").body()).contains("/audit/administration-log");
  }

  @Test
  void theLogIsAppendOnly() {
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM administration_log", Integer.class)).isPositive();
    // The application's role may not even try; the tables' owner is stopped by the trigger.
    for (JdbcTemplate role : List.of(jdbc, asOwner())) {
      String refusal = role == jdbc ? "permission denied" : "append-only";
      assertThatThrownBy(() -> role.update("UPDATE administration_log SET action = 'ROLES_CHANGED'"))
          .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining(refusal);
      assertThatThrownBy(() -> role.update("DELETE FROM administration_log"))
          .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining(refusal);
      assertThatThrownBy(() -> role.execute("TRUNCATE administration_log"))
          .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining(refusal);
    }
  }

  @Test
  void aChangeWhoseLogRowCannotBeWrittenDoesNotHappen() {
    WebSession admin = adminPages();
    UUID userId = users.createUser(unique("atomic"), "{noop}x", Set.of(Role.AUDITOR));
    JdbcTemplate owner = asOwner();
    owner.execute("""
        CREATE FUNCTION refuse_administration_log() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'log unavailable'; END; $$""");
    owner.execute("""
        CREATE TRIGGER administration_log_unavailable BEFORE INSERT ON administration_log
        FOR EACH ROW EXECUTE FUNCTION refuse_administration_log()""");
    try {
      Response failed = admin.postForm("/admin/users/" + userId + "/roles", Map.of("roles", "CLINICIAN"));
      assertThat(failed.status()).isGreaterThanOrEqualTo(500);
      Response rebuild = as("admin").post("/api/v1/admin/projections/case-views/rebuild", Map.of());
      assertThat(rebuild.status()).isGreaterThanOrEqualTo(500);
    } finally {
      owner.execute("DROP TRIGGER administration_log_unavailable ON administration_log");
      owner.execute("DROP FUNCTION refuse_administration_log()");
    }
    assertThat(users.account(userId).orElseThrow().roles()).containsExactly(Role.AUDITOR);
    assertThat(as("admin").get("/api/v1/admin/projections").json().findValues("rebuilding"))
        .allMatch(rebuilding -> !rebuilding.asBoolean());
  }

  /** An administrator's browser session on the users page, so that its forms carry the session's CSRF token. */
  private WebSession adminPages() {
    WebSession admin = WebSession.signIn(port, "admin", PASSWORD);
    admin.get("/admin/users");
    return admin;
  }

  /** The one row a request wrote, read back through the auditors' endpoint. */
  private JsonNode onlyRowOf(Response response, String action, String targetType, String targetId) {
    assertThat(response.status()).as(action).isLessThan(400);
    assertThat(rowsOf(response)).as(action + " rows").isOne();
    String correlationId = response.header("X-Correlation-Id");
    JsonNode entries = as("auditor").get("/api/v1/audit/administration-log?size=500").json().get("entries");
    for (JsonNode entry : entries) {
      if (correlationId.equals(entry.get("correlationId").asString())) {
        assertThat(entry.get("action").asString()).isEqualTo(action);
        assertThat(entry.get("targetType").asString()).isEqualTo(targetType);
        assertThat(entry.get("targetId").asString()).isEqualTo(targetId);
        assertThat(entry.get("actorUsername").asString()).isEqualTo("admin");
        return entry;
      }
    }
    throw new AssertionError("no entry with correlation id " + correlationId);
  }

  private int rowsOf(Response response) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM administration_log WHERE correlation_id = ?", Integer.class,
        response.header("X-Correlation-Id"));
  }

  private int accessLogRowsOf(Response response) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM access_log WHERE correlation_id = ?", Integer.class,
        response.header("X-Correlation-Id"));
  }

  private static String unique(String prefix) {
    return prefix + "." + UUID.randomUUID().toString().substring(0, 8);
  }
}
