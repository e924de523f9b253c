package com.kineticcasebook.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh, empty PostgreSQL database on the local server for one test run. The server comes
 * from CASEBOOK_TEST_PG_URL (default 127.0.0.1:5432, user postgres, trust authentication).
 */
public final class TestDatabase {

  private static final String SERVER =
      System.getenv().getOrDefault("CASEBOOK_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
  private static final String USER = System.getenv().getOrDefault("CASEBOOK_TEST_PG_USER", "postgres");
  private static final String PASSWORD = System.getenv().getOrDefault("CASEBOOK_TEST_PG_PASSWORD", "");

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
