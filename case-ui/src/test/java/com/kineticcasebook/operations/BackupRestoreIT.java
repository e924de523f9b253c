package com.kineticcasebook.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.kineticcasebook.CasebookApplication;
import com.kineticcasebook.support.ApiClient;
import com.kineticcasebook.support.CaseScript;
import com.kineticcasebook.support.PostgresApplicationTest;
import com.kineticcasebook.support.Projections;
import com.kineticcasebook.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.JsonNode;

/**
 * The documented backup (pg_dump) restored into an empty database (pg_restore) gives an
 * application whose read models, rebuilt from the restored events, equal the original ones, and
 * whose hash chains still verify.
 */
class BackupRestoreIT extends PostgresApplicationTest {

  @Test
  void aRestoredDumpRebuildsIdenticalReadModelsAndIntactChains() throws Exception {
    assumeTrue(TestDatabase.clientToolsAvailable(),
        "skipped: the backup test needs PostgreSQL's client tools pg_dump and pg_restore on the PATH");
    ApiClient clinician = as("clinician.north");
    CaseScript recorded = CaseScript.open(clinician, north.toString(), "N-4040", LocalDate.now().minusDays(40), 0);
    String calf = recorded.injury("CALF", "LEFT", "CALF_STRAIN", 0);
    String knee = recorded.injury("KNEE", "RIGHT", "PATELLOFEMORAL_PAIN", 3);
    recorded.hypothesis(calf, List.of(knee));
    recorded.treat(calf, "LOADING_PROGRAMME", 5);
    recorded.resolve(knee, 30);
    clinician.withHeader("X-Consistency", "after=" + recorded.position()).get("/api/v1/cases/" + recorded.caseId());

    Path dump = Files.createTempFile("casebook", ".dump");
    run("pg_dump", "--format=custom", "--no-owner", "--host=127.0.0.1", "--port=" + DATABASE.port(),
        "--username=" + DATABASE.user(),
        "--file=" + dump, databaseName(DATABASE.url()));
    TestDatabase restored = TestDatabase.create();
    run("pg_restore", "--no-owner", "--exit-on-error", "--host=127.0.0.1", "--port=" + restored.port(),
        "--username=" + restored.user(),
        "--dbname=" + databaseName(restored.url()), dump.toString());

    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CasebookApplication.class)
        .profiles("postgres")
        .run("--server.port=0", "--spring.datasource.url=" + restored.url(),
            "--spring.datasource.username=" + restored.runtimeUser(),
            "--spring.datasource.password=" + restored.runtimePassword(), "--spring.flyway.user=" + restored.user(),
            "--spring.flyway.password=" + restored.password(),
            "--casebook.data-dir=" + Files.createTempDirectory("casebook-restored"),
            // The dump carries the sign-in failures other tests provoked from this address, as a
            // real dump would; the tests' own limit applies, as in the context the dump was taken from.
            "--casebook.login.max-failures-per-address=100000")) {
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      ApiClient admin = ApiClient.login(port, "admin", PASSWORD);
      assertThat(admin.post("/api/v1/admin/projections/case-views/rebuild", Map.of()).status()).isEqualTo(202);
      Projections.awaitCaughtUp(admin, Duration.ofSeconds(120));

      JdbcTemplate restoredJdbc = new JdbcTemplate(new SingleConnectionDataSource(restored.connect(), true));
      assertThat(Projections.readModels(restoredJdbc)).isEqualTo(Projections.readModels(jdbc));
      ApiClient auditor = ApiClient.login(port, "auditor", PASSWORD);
      for (String caseId : jdbc.queryForList("SELECT case_id::text FROM case_view ORDER BY case_id LIMIT 25",
          String.class)) {
        JsonNode verification = auditor.get("/api/v1/audit/cases/" + caseId + "/verification").json();
        assertThat(verification.get("intact").asBoolean()).as(caseId).isTrue();
      }
    }
  }

  private static String databaseName(String url) {
    return url.substring(url.lastIndexOf('/') + 1);
  }

  private static void run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
  }
}
