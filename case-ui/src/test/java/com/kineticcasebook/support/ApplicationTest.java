package com.kineticcasebook.support;

import com.kineticcasebook.CasebookApplication;
import com.kineticcasebook.access.UserDirectory;
import com.kineticcasebook.demo.DemoPeople;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The application on a real HTTP port, in its production ({@code postgres}) configuration, on a
 * PostgreSQL database that the subclass chooses. Users of two clinics, one per role, exist before
 * each test.
 */
@SpringBootTest(classes = CasebookApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
public abstract class ApplicationTest {

  public static final String PASSWORD = "correct-horse-battery";
  /**
   * Everything the application logs in this test JVM during the integration tests, to check what
   * it never logs; each of the test JVMs that run side by side writes a file of its own.
   */
  protected static final Path LOG_FILE = Path.of(System.getProperty("casebook.test.log",
      Path.of("target", "it-application.log").toString())).toAbsolutePath();

  static {
    // Logging starts before test property sources apply, so the log file is named here.
    System.setProperty("logging.file.name", LOG_FILE.toString());
  }

  @LocalServerPort protected int port;
  @Autowired protected JdbcTemplate jdbc;
  @Autowired private UserDirectory users;
  @Autowired private PasswordEncoder passwordEncoder;

  protected UUID north;
  protected UUID south;

  /** The properties that point the application at a database; subclasses choose which. */
  protected static void useDatabase(DynamicPropertyRegistry registry, TestDatabase database) {
    registry.add("spring.datasource.url", database::url);
    // The application connects as a role that owns no table; Flyway migrates as the owner.
    registry.add("spring.datasource.username", database::runtimeUser);
    registry.add("spring.datasource.password", database::runtimePassword);
    registry.add("spring.flyway.user", database::user);
    registry.add("spring.flyway.password", database::password);
    registry.add("casebook.data-dir", () -> temporaryDirectory().toString());
    // Several application contexts live side by side in each of the two test JVMs, beside the
    // application processes some tests start; each context keeps a small pool that holds on to
    // no more idle connections than it needs, so that together they stay inside PostgreSQL's
    // connection limit (100 by default).
    registry.add("spring.datasource.hikari.maximum-pool-size", () -> "8");
    registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
    registry.add("spring.datasource.hikari.idle-timeout", () -> "10000");
    // Every test client comes from 127.0.0.1; the per-account limit still applies and is tested.
    registry.add("casebook.login.max-failures-per-address", () -> "100000");
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("casebook-it");
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @BeforeEach
  void usersOfTwoClinics() {
    if (users.findByUsername("clinician.north").isEmpty()) {
      DemoPeople.create(users, passwordEncoder.encode(PASSWORD));
    }
    north = users.findClinicByName("North").orElseThrow().clinicId();
    south = users.findClinicByName("South").orElseThrow().clinicId();
  }

  /** The test's database as the owner of its tables, for changes the application's own role may not make. */
  protected JdbcTemplate asOwner() {
    String url = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getURL());
    return new JdbcTemplate(TestDatabase.ownerDataSource(url));
  }

  protected ApiClient as(String username) {
    return ApiClient.login(port, username, PASSWORD);
  }

  protected ApiClient anonymous() {
    return ApiClient.anonymous(port);
  }
}
