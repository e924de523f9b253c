package com.kineticcasebook.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh, empty PostgreSQL database for one test run, on the server that {@link TestServer}
 * chose: an external one (CASEBOOK_TEST_PG_URL, or 127.0.0.1:5432 when it answers) or one that
 * the tests start themselves.
 */
public final class TestDatabase {

  private static final String SERVER = TestServer.get().url();
  private static final String USER = TestServer.get().user();
  private static final String PASSWORD = TestServer.get().password();

  private final String name;

  private TestDatabase(String name) {
    this.name = name;
  }

  /** Creates a database with a unique name; it is dropped when the JVM exits. */
  public static TestDatabase create() {
    String name = "casebook_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    execute("CREATE DATABASE " + name);
    TestDatabase database = new TestDatabase(name);
    Runtime.getRuntime().addShutdownHook(new Thread(database::drop));
    return database;
  }

  public String url() {
    return SERVER + name;
  }

  public String user() {
    return USER;
  }

  public String password() {
    return PASSWORD;
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), USER, PASSWORD);
  }

  private void drop() {
    try {
      execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (RuntimeException ignored) {
      // The server may already be gone at JVM exit; a leftover test database harms nothing.
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
