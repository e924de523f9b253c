package com.kineticcasebook.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.CasebookApplication;
import com.kineticcasebook.access.Role;
import com.kineticcasebook.access.UserDirectory;
import com.kineticcasebook.support.ApiClient;
import com.kineticcasebook.support.ApiClient.Response;
import com.kineticcasebook.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * An event sent through the API is a row of PostgreSQL's event table, and is still there, and
 * still the case's history, after the application is stopped and started again.
 */
class EventStorePersistenceIT {

  private static final String PASSWORD = "restart-test-password";

  @Test
  void anEventSentThroughTheApiIsARowInPostgresAndSurvivesARestart() throws Exception {
    TestDatabase database = TestDatabase.create();
    String dataDir = Files.createTempDirectory("casebook-restart").toString();
    String caseId;
    String position;
    UUID clinic;

    try (ConfigurableApplicationContext first = start(database, dataDir)) {
      assertThat(first.getBean(EventStorageEngine.class)).isInstanceOf(JdbcEventStorageEngine.class);
      UserDirectory users = first.getBean(UserDirectory.class);
      clinic = users.createClinic("Riverside").clinicId();
      UUID clinician = users.createUser("clinician.riverside",
          first.getBean(PasswordEncoder.class).encode(PASSWORD), Set.of(Role.CLINICIAN));
      users.addMember(clinician, clinic);

      ApiClient api = ApiClient.login(port(first), "clinician.riverside", PASSWORD);
      Response opened = api.post("/api/v1/cases",
          Map.of("clinicId", clinic.toString(), "patientRef", "R-0001", "openedOn", LocalDate.now().toString()));
      assertThat(opened.status()).isEqualTo(201);
      caseId = opened.json().get("caseId").asString();
      position = opened.header("X-Event-Position");
    }

    try (Connection connection = database.connect();
        PreparedStatement query = connection.prepareStatement(
            "SELECT payload_type, payload_revision, payload FROM domain_event_entry WHERE aggregate_identifier = ?")) {
      query.setString(1, caseId);
      try (ResultSet rows = query.executeQuery()) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).isEqualTo("com.kineticcasebook.patientcase.CaseOpened");
        assertThat(rows.getString(2)).isEqualTo("1");
        String payload = new String(rows.getBytes(3), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"patientRef\":\"R-0001\"").contains("\"clinicId\":\"" + clinic + "\"");
        assertThat(rows.next()).isFalse();
      }
    }

    try (ConfigurableApplicationContext second = start(database, dataDir)) {
      ApiClient api = ApiClient.login(port(second), "clinician.riverside", PASSWORD);
      Response view = api.withHeader("X-Consistency", "after=" + position).get("/api/v1/cases/" + caseId);
      assertThat(view.status()).isEqualTo(200);
      assertThat(view.json().get("patientRef").asString()).isEqualTo("R-0001");
      Response injury = api.post("/api/v1/cases/" + caseId + "/injuries", Map.of("bodyRegion", "KNEE",
          "side", "LEFT", "description", "Ache after long runs", "onsetOn", LocalDate.now().toString(),
          "painScore", 4));
      assertThat(injury.status()).as(injury.body()).isEqualTo(201);
      Response closed = api.post("/api/v1/cases/" + caseId + "/closure",
          Map.of("closedOn", LocalDate.now().toString(), "reason", "Discharged", "closeOpenInjuriesAsUnresolved", true));
      assertThat(closed.status()).isEqualTo(201);
      Response closedAgain = api.post("/api/v1/cases/" + caseId + "/closure",
          Map.of("closedOn", LocalDate.now().toString(), "reason", "Discharged"));
      assertThat(closedAgain.status()).as("the aggregate was rebuilt from the stored events").isEqualTo(409);
    }
  }

  private static ConfigurableApplicationContext start(TestDatabase database, String dataDir) {
    return new SpringApplicationBuilder(CasebookApplication.class)
        .profiles("postgres")
        .run(
            "--server.port=0",
            "--spring.datasource.url=" + database.url(),
            "--spring.datasource.username=" + database.runtimeUser(),
            "--spring.datasource.password=" + database.runtimePassword(),
            "--spring.flyway.user=" + database.user(),
            "--spring.flyway.password=" + database.password(),
            "--casebook.data-dir=" + dataDir);
  }

  private static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }
}
