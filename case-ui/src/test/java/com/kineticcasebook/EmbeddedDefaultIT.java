package com.kineticcasebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.support.ApiClient;
import com.kineticcasebook.support.ApiClient.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The zero-configuration first run: no profile, an embedded file database under the data
 * directory, and the demo clinics and users with the demo password.
 */
class EmbeddedDefaultIT {

  @Test
  void withNoConfigurationTheDemoUsersCanLogInAndRecord() throws Exception {
    Path dataDir = Files.createTempDirectory("casebook-embedded");
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CasebookApplication.class)
        .run("--server.port=0", "--casebook.data-dir=" + dataDir, "--casebook.demo.password=demo-pass-123",
        "--casebook.demo.cases=12")) {
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      for (String user : new String[] {"clinician.north", "clinician.south", "owner", "auditor", "admin"}) {
        assertThat(ApiClient.login(port, user, "demo-pass-123").get("/api/v1/me").status()).isEqualTo(200);
      }
      ApiClient clinician = ApiClient.login(port, "clinician.north", "demo-pass-123");
      String north = clinician.get("/api/v1/me").json().get("clinics").get(0).get("clinicId").asString();
      Response opened = clinician.post("/api/v1/cases",
          Map.of("clinicId", north, "patientRef", "N-0001", "openedOn", LocalDate.now().toString()));
      assertThat(opened.status()).as(opened.body()).isEqualTo(201);
      Response caseload = clinician.withHeader("X-Consistency", "after=" + opened.header("X-Event-Position"))
          .get("/api/v1/cases");
      assertThat(caseload.json().get("total").asLong()).as("demo cases and the new one").isGreaterThan(1);
      Response dashboard = ApiClient.login(port, "owner", "demo-pass-123")
          .get("/api/v1/dashboards/outcomes?clinicId=" + north);
      assertThat(dashboard.json().get("secondaries").get("total").asInt()).isPositive();
    }
    assertThat(Files.list(dataDir.resolve("db")).map(p -> p.getFileName().toString()))
        .anyMatch(name -> name.startsWith("casebook"));
  }
}
