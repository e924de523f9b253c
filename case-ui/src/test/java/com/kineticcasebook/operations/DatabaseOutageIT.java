package com.kineticcasebook.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.CasebookApplication;
import com.kineticcasebook.access.Role;
import com.kineticcasebook.access.UserDirectory;
import com.kineticcasebook.support.ApiClient;
import com.kineticcasebook.support.ApiClient.Response;
import com.kineticcasebook.support.TcpGate;
import com.kineticcasebook.support.TestDatabase;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * PostgreSQL goes away under the application and comes back: meanwhile requests fail fast with a
 * 503 problem and health says DOWN; afterwards the application recovers by itself, and nothing
 * refused was recorded.
 */
class DatabaseOutageIT {

  private static final String PASSWORD = "outage-test-password";

  @Test
  void whileTheDatabaseIsAwayRequestsFailFastAndAfterwardsTheApplicationRecovers() throws Exception {
    TestDatabase database = TestDatabase.create();
    URI server = URI.create(database.url().substring("jdbc:".length()));
    try (TcpGate gate = new TcpGate(server.getPort());
        ConfigurableApplicationContext app = new SpringApplicationBuilder(CasebookApplication.class)
            .profiles("postgres")
            .run("--server.port=0",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + gate.port() + server.getPath(),
                "--spring.datasource.username=" + database.runtimeUser(),
                "--spring.datasource.password=" + database.runtimePassword(),
                "--spring.flyway.user=" + database.user(), "--spring.flyway.password=" + database.password(),
                "--casebook.data-dir=" + Files.createTempDirectory("casebook-outage"))) {
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      UserDirectory users = app.getBean(UserDirectory.class);
      UUID clinic = users.createClinic("Outage").clinicId();
      users.addMember(users.createUser("outage.clinician", app.getBean(PasswordEncoder.class).encode(PASSWORD),
          Set.of(Role.CLINICIAN)), clinic);
      ApiClient clinician = ApiClient.login(port, "outage.clinician", PASSWORD);
      String caseId = clinician.post("/api/v1/cases", Map.of("clinicId", clinic.toString(), "patientRef", "O-1",
          "openedOn", LocalDate.now().toString())).json().get("caseId").asString();

      gate.cut();
      long started = System.nanoTime();
      Response refused = clinician.post("/api/v1/cases/" + caseId + "/injuries", injury());
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertThat(refused.status()).as(refused.body()).isEqualTo(503);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(refused.header("Retry-After")).isEqualTo("5");
      assertThat(took).as("fails fast").isLessThan(Duration.ofSeconds(10));
      Response health = ApiClient.anonymous(port).get("/actuator/health");
      assertThat(health.status()).isEqualTo(503);
      assertThat(health.json().get("status").asString()).isEqualTo("DOWN");

      gate.restore();
      Response recorded = null;
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < deadline) {
        recorded = clinician.post("/api/v1/cases/" + caseId + "/injuries", injury());
        if (recorded.status() == 201) {
          break;
        }
        Thread.sleep(250);
      }
      assertThat(recorded.status()).as("recovers by itself").isEqualTo(201);
      assertThat(ApiClient.anonymous(port).get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
          + "AND payload_type LIKE '%InjuryReported'", Integer.class, caseId)).as("the refused one left nothing").isOne();
    }
  }

  private static Map<String, Object> injury() {
    return Map.of("bodyRegion", "KNEE", "side", "LEFT", "description", "Ache", "onsetOn",
        LocalDate.now().toString(), "painScore", 3);
  }
}
