package com.kineticcasebook.support;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A fresh, empty PostgreSQL database for one test run, on the server that {@link TestServer}
 * chose: an external one (CASEBOOK_TEST_PG_URL, or 127.0.0.1:5432 when it answers) or one that
 * the tests start themselves.
 * Its tables belong to that server's user, who runs the migrations; the application under test
 * connects as {@link #runtimeUser()}, a role that owns nothing, as in production.
 */
public final class TestDatabase {

  private static final String SERVER = TestServer.get().url();
  private static final String USER = TestServer.get().user();
  private static final String PASSWORD = TestServer.get().password();

  /** Roles are cluster-wide and test runs share the server, so the role is created only if absent. */
  private static final String RUNTIME_USER = "casebook_app_test";
  private static final String RUNTIME_PASSWORD = "casebook-app-test";
  private static volatile boolean runtimeRoleExists;

  /** The names Spring gives the threads that close its contexts at JVM exit. */
  private static final Set<String> SPRING_SHUTDOWN_HOOKS = Set.of("SpringContextShutdownHook",
      "SpringApplicationShutdownHook");

  private final String name;

  private TestDatabase(String name) {
    this.name = name;
  }

  /** Creates a database with a unique name; it is dropped when the JVM exits. */
  public static TestDatabase create() {
    String name = "casebook_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    ensureRuntimeRole();
    execute("CREATE DATABASE " + name);
    TestDatabase database = new TestDatabase(name);
    Runtime.getRuntime().addShutdownHook(new Thread(database::drop));
    return database;
  }

  public String url() {
    return SERVER + name;
  }

  /** The server's port, for PostgreSQL's own client tools. */
  public int port() {
    return URI.create(url().substring("jdbc:".length())).getPort();
  }

  /** The database's name, for PostgreSQL's own client tools. */
  public String name() {
    return name;
  }

  /** Whether PostgreSQL's client tools (pg_dump, pg_restore) are on the PATH: the embedded server brings none. */
  public static boolean clientToolsAvailable() {
    return Stream.of("pg_dump", "pg_restore").allMatch(command ->
        Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            .anyMatch(directory -> Files.isExecutable(Path.of(directory, command))));
  }

  public String user() {
    return USER;
  }

  public String password() {
    return PASSWORD;
  }

  /** The application's runtime role: it may read and add rows, and change only those whose tables allow it. */
  public String runtimeUser() {
    return RUNTIME_USER;
  }

  public String runtimePassword() {
    return RUNTIME_PASSWORD;
  }

  /** A connection as the owner of the tables (and superuser): for tests that tamper with what the application cannot. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), USER, PASSWORD);
  }

  /**
   * Runs at JVM exit, beside Spring's own shutdown hooks that close the cached application contexts.
   * It waits for those first (20 s at most): dropped from under them, their processors kept trying
   * to reconnect, and the test JVM overran surefire's exit timeout and was killed 30 s later.
   */
  private void drop() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    try {
      // The JVM starts every shutdown hook in one loop; this one may run before it has started Spring's.
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Thread hook : Thread.getAllStackTraces().keySet()) {
      if (hook != Thread.currentThread() && SPRING_SHUTDOWN_HOOKS.contains(hook.getName())) {
        try {
          hook.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    try {
      execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (RuntimeException ignored) {
      // The server may already be gone at JVM exit; a leftover test database harms nothing.
    }
  }

  /** The database at the URL as the owner, for tests that know only the application's URL. */
  public static DataSource ownerDataSource(String url) {
    return new DriverManagerDataSource(url, USER, PASSWORD);
  }

  private static void ensureRuntimeRole() {
    if (!runtimeRoleExists) {
      execute("DO $$ BEGIN CREATE ROLE " + RUNTIME_USER + " LOGIN PASSWORD '" + RUNTIME_PASSWORD + "'; "
          + "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$");
      runtimeRoleExists = true;
    }
  }

  private static void execute(String sql) {
    try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL must run at " + SERVER + " for the integration tests", e);
    }
  }
}
