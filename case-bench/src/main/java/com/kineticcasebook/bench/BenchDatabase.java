package com.kineticcasebook.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh PostgreSQL database for one benchmark run, dropped at the end. The application under
 * test migrates it, as it would in production. The server comes from CASEBOOK_BENCH_PG_URL (default
 * 127.0.0.1:5432, user postgres without a password, as on the build machines). With
 * CASEBOOK_BENCH_KEEP_DATABASE=true the database is kept for a closer look afterwards.
 */
final class BenchDatabase implements AutoCloseable {

  private static final String SERVER =
      System.getenv().getOrDefault("CASEBOOK_BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
  private static final String USER = System.getenv().getOrDefault("CASEBOOK_BENCH_PG_USER", "postgres");
  private static final String PASSWORD = System.getenv().getOrDefault("CASEBOOK_BENCH_PG_PASSWORD", "");

  private final String name;

  private BenchDatabase(String name) {
    this.name = name;
  }

  static BenchDatabase create() throws SQLException {
    String name = "casebook_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    admin("CREATE DATABASE " + name);
    return new BenchDatabase(name);
  }

  String name() {
    return name;
  }

  String url() {
    return SERVER + name;
  }

  String user() {
    return USER;
  }

  String password() {
    return PASSWORD;
  }

  /** A connection that sends JDBC batches of inserts as multi-row statements. */
  Connection connect() throws SQLException {
    return DriverManager.getConnection(url() + "?reWriteBatchedInserts=true", USER, PASSWORD);
  }

  @Override
  public void close() throws SQLException {
    if (Boolean.parseBoolean(System.getenv("CASEBOOK_BENCH_KEEP_DATABASE"))) {
      System.out.println("[bench] Kept database " + name + " (CASEBOOK_BENCH_KEEP_DATABASE)");
      return;
    }
    admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private static void admin(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
