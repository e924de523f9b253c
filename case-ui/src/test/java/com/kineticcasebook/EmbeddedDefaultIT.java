package com.kineticcasebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kineticcasebook.support.ApiClient;
import com.kineticcasebook.support.ApiClient.Response;
import com.kineticcasebook.support.WebSession;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The zero-configuration first run: no profile, a PostgreSQL server of the application's own under
 * the data directory, and the demo clinics and users with the demo password.
 */
class EmbeddedDefaultIT {

  private static final String DEMO_PASSWORD = "demo-pass-123";
  private static final String STILL_RECORDING = "The demo is still being recorded";

  @Test
  void withNoConfigurationTheDemoUsersCanLogInAndRecord() throws Exception {
    Path dataDir = Files.createTempDirectory("casebook-embedded");
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CasebookApplication.class)
        .run("--server.port=0", "--casebook.data-dir=" + dataDir, "--casebook.demo.password=" + DEMO_PASSWORD,
        "--casebook.demo.cases=12", "--casebook.embedded-database.port=0")) {
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      for (String user : new String[] {"clinician.north", "clinician.south", "owner", "auditor", "admin"}) {
        assertThat(ApiClient.login(port, user, DEMO_PASSWORD).get("/api/v1/me").status()).isEqualTo(200);
      }
      ApiClient clinician = ApiClient.login(port, "clinician.north", DEMO_PASSWORD);
      String north = clinician.get("/api/v1/me").json().get("clinics").get(0).get("clinicId").asString();
      Response opened = clinician.post("/api/v1/cases",
          Map.of("clinicId", north, "patientRef", "N-0001", "openedOn", LocalDate.now().toString()));
      assertThat(opened.status()).as(opened.body()).isEqualTo(201);
      Response caseload = clinician.withHeader("X-Consistency", "after=" + opened.header("X-Event-Position"))
          .get("/api/v1/cases");
      assertThat(caseload.json().get("total").asLong()).as("demo cases and the new one").isGreaterThan(1);
      Response dashboard = ApiClient.login(port, "owner", DEMO_PASSWORD)
          .get("/api/v1/dashboards/outcomes?clinicId=" + north);
      assertThat(dashboard.json().get("secondaries").get("total").asInt()).isPositive();
    }
    assertThat(dataDir.resolve("postgres").resolve("PG_VERSION")).content().isEqualToIgnoringNewLines("15");
  }

  /**
   * The README's run command as a person runs it: the jar on its own, an empty data directory.
   * Every page says the demo is still being recorded until the caseload has all of it; the
   * database is PostgreSQL with the production guards; a SIGTERM stops the application and its
   * server with no error or warning logged; a second start reuses the data, and so does a start
   * after a SIGKILL, which left the server running.
   */
  @Test
  void theRunCommandRecordsTheDemoOnPostgresqlStopsCleanlyAndReusesItsData() throws Exception {
    // The working directory of the run: logs here, the data under ./data as by default.
    Path dataDir = Files.createTempDirectory("casebook-run");
    int databasePort = freePort();
    int demoCases = 60;

    long complete;
    Process first = start(dataDir, databasePort, demoCases, "first");
    try {
      int webPort = awaitPort(first, dataDir.resolve("first.log"));
      List<Boolean> pendingAtSample = new ArrayList<>();
      List<Long> totalAtSample = new ArrayList<>();
      ApiClient clinician = null;
      long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
      while (!log(dataDir, "first").contains("Demo mode: recorded") && System.nanoTime() < deadline) {
        Response page = WebSession.anonymous(webPort).get("/login");
        assertThat(page.status()).isEqualTo(200);
        boolean pending = page.body().contains(STILL_RECORDING);
        if (clinician == null) {
          clinician = clinicianOnceCreated(webPort);
        }
        pendingAtSample.add(pending);
        totalAtSample.add(clinician == null ? 0 : northCaseload(clinician));
        Thread.sleep(200);
      }
      assertThat(log(dataDir, "first")).contains("Demo mode: recorded " + demoCases + " synthetic cases");
      complete = northCaseload(ApiClient.login(webPort, "clinician.north", DEMO_PASSWORD));
      assertThat(complete).isPositive();
      assertThat(pendingAtSample).as("the first pages answered while the demo was being recorded").contains(true);
      for (int i = 0; i < pendingAtSample.size(); i++) {
        if (!pendingAtSample.get(i)) {
          assertThat(totalAtSample.get(i)).as("a page without the notice shows the whole demo").isEqualTo(complete);
        }
      }
      assertThat(WebSession.anonymous(webPort).get("/login").body()).doesNotContain(STILL_RECORDING);

      try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + databasePort + "/casebook",
          "postgres", "")) {
        assertThat(query(db, "SELECT version()")).startsWith("PostgreSQL 15");
        assertThat(Path.of(query(db, "SHOW data_directory")).toRealPath())
            .isEqualTo(dataDir.resolve("data").resolve("postgres").toRealPath());
        assertThatThrownBy(() -> db.createStatement().execute("TRUNCATE access_log"))
            .as("the production append-only guard").hasMessageContaining("append-only");
      }
    } finally {
      stop(first);
    }
    assertThat(log(dataDir, "first")).doesNotContain(" ERROR ", " WARN ", "Exception");
    assertThat(answers(databasePort)).as("the embedded PostgreSQL stopped with the application").isFalse();

    Process second = start(dataDir, databasePort, demoCases, "second");
    try {
      int secondPort = awaitPort(second, dataDir.resolve("second.log"));
      assertThat(northCaseload(ApiClient.login(secondPort, "clinician.north", DEMO_PASSWORD)))
          .as("the same data, not a new demo").isEqualTo(complete);
    } finally {
      second.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
    }
    assertThat(log(dataDir, "second")).doesNotContain("Demo mode: recorded", " ERROR ", " WARN ", "Exception");

    Process third = start(dataDir, databasePort, demoCases, "third");
    try {
      int thirdPort = awaitPort(third, dataDir.resolve("third.log"));
      assertThat(northCaseload(ApiClient.login(thirdPort, "clinician.north", DEMO_PASSWORD)))
          .as("after a SIGKILL the next start takes over the server left running").isEqualTo(complete);
    } finally {
      stop(third);
    }
    assertThat(log(dataDir, "third")).contains("left running by a Casebook that was killed")
        .doesNotContain(" ERROR ", " WARN ", "Exception");
    assertThat(answers(databasePort)).isFalse();
  }

  private static Process start(Path dataDir, int databasePort, int demoCases, String name) throws IOException {
    ProcessBuilder builder = new ProcessBuilder("java", "-jar", jar().toString())
        .directory(dataDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(dataDir.resolve(name + ".log").toFile());
    builder.environment().keySet().removeIf(key -> key.startsWith("SPRING_") || key.startsWith("CASEBOOK_"));
    builder.environment().put("PORT", "0");
    builder.environment().put("CASEBOOK_EMBEDDED_DB_PORT", Integer.toString(databasePort));
    builder.environment().put("CASEBOOK_DEMO_CASES", Integer.toString(demoCases));
    builder.environment().put("CASEBOOK_DEMO_PASSWORD", DEMO_PASSWORD);
    return builder.start();
  }

  /** The web port from Tomcat's start line: the page answers from then on. */
  private static int awaitPort(Process process, Path log) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(process.isAlive()).as("the application exited; see " + log).isTrue();
      var started = java.util.regex.Pattern.compile("Tomcat started on port (\\d+)").matcher(Files.readString(log));
      if (started.find()) {
        return Integer.parseInt(started.group(1));
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the application did not start within 3 minutes; see " + log);
  }

  /** SIGTERM, as a service manager or Ctrl-C stops it. */
  private static void stop(Process process) throws InterruptedException {
    process.destroy();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped within a minute").isTrue();
  }

  private static ApiClient clinicianOnceCreated(int port) {
    try {
      return ApiClient.login(port, "clinician.north", DEMO_PASSWORD);
    } catch (IllegalStateException notYetCreated) {
      return null;
    }
  }

  private static long northCaseload(ApiClient clinician) {
    return clinician.get("/api/v1/cases?size=1").json().get("total").asLong();
  }

  private static String query(Connection db, String sql) throws SQLException {
    try (Statement statement = db.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getString(1);
    }
  }

  private static boolean answers(int port) {
    try (Socket socket = new Socket("localhost", port)) {
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  private static String log(Path dataDir, String name) throws IOException {
    return Files.readString(dataDir.resolve(name + ".log"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static Path jar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(p -> p.getFileName().toString().matches("case-ui-.*\\.jar"))
          .findFirst().orElseThrow(() -> new AssertionError("package the application before the integration tests"))
          .toAbsolutePath();
    }
  }
}
