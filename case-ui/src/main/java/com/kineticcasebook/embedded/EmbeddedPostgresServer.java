package com.kineticcasebook.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run as a child process, its cluster in {@code {data-dir}/postgres} and its
 * server log in {@code {data-dir}/postgres.log}. The first start creates the cluster and the
 * {@code casebook} database; later starts reuse them. The server binaries come from the
 * application's own jar. PostgreSQL refuses to run as root; started by root, the library runs it
 * in a user namespace of its own ({@code unshare -U}), where it is not root.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

  static final String USER = "postgres";
  static final String DATABASE = "casebook";
  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

  private final EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /** Starts the server on the given port (0: any free one) and creates the database if it is new. */
  static EmbeddedPostgresServer start(Path dataDir, int port) throws IOException {
    Path cluster = dataDir.resolve("postgres").toAbsolutePath().normalize();
    Path serverLog = dataDir.resolve("postgres.log").toAbsolutePath().normalize();
    Files.createDirectories(cluster);
    stopOrphan(cluster);
    if (port != 0) {
      requireFree(port, cluster);
    }
    EmbeddedPostgres postgres;
    try {
      postgres = EmbeddedPostgres.builder()
          .setDataDirectory(cluster)
          .setCleanDataDirectory(false)
          // The application context stops the server, after the processors and the pool.
          .setRegisterShutdownHook(false)
          .setPort(port)
          // The same collation on every machine, whatever locales it has installed.
          .setLocaleConfig("locale", "C")
          // The library starts the server with fsync off (fit for throwaway test clusters); the
          // demo's cluster outlives the process, so a crash must not corrupt it.
          .setServerConfig("fsync", "on")
          .setServerConfig("max_connections", "100")
          .setPGStartupWait(Duration.ofSeconds(60))
          .setOutputRedirector(Redirect.appendTo(serverLog.toFile()))
          .setErrorRedirector(Redirect.appendTo(serverLog.toFile()))
          .start();
    } catch (IOException | RuntimeException e) {
      throw new EmbeddedPostgresUnavailable("The embedded PostgreSQL did not start on " + cluster + ": " + e.getMessage(),
          "Is another Casebook using this data directory? Stop it, or give this one another CASEBOOK_DATA_DIR."
              + " The server's own log is " + serverLog + "."
              + (isRoot() ? " As root, PostgreSQL runs only in a user namespace (unshare -U, util-linux);"
                  + " or start Casebook as an ordinary user." : ""), e);
    }
    EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres);
    try {
      server.createDatabaseIfNew();
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    log.info("Embedded PostgreSQL on localhost:{}, files in {}; look with: psql -h localhost -p {} -U {} {}",
        postgres.getPort(), cluster, postgres.getPort(), USER, DATABASE);
    return server;
  }

  String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
  }

  private void createDatabaseIfNew() {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      try (ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
        if (exists.next()) {
          return;
        }
      }
      statement.execute("CREATE DATABASE " + DATABASE);
    } catch (SQLException e) {
      throw new IllegalStateException("The embedded PostgreSQL did not create the database " + DATABASE, e);
    }
  }

  private static void requireFree(int port, Path cluster) {
    try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      // Bound and released: nothing listens there.
    } catch (IOException inUse) {
      throw new EmbeddedPostgresUnavailable("Port " + port + " for the embedded PostgreSQL of " + cluster + " is in use.",
          "Is another Casebook running on this machine? Stop it, or choose another port with"
              + " CASEBOOK_EMBEDDED_DB_PORT (0 for any free one).", inUse);
    }
  }

  /**
   * A Casebook killed outright (SIGKILL) leaves its server running, holding the cluster and its
   * port. No live Casebook holds the cluster's lock then, so a postmaster still named in
   * {@code postmaster.pid} is that orphan: it is stopped (SIGTERM, PostgreSQL's smart shutdown,
   * its clients being gone) before this start.
   */
  private static void stopOrphan(Path cluster) throws IOException {
    Path pidFile = cluster.resolve("postmaster.pid");
    Path lockFile = cluster.resolve("epg-lock");
    if (!Files.exists(pidFile) || !Files.exists(lockFile)) {
      return;
    }
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock()) {
      if (lock == null) {
        return;
      }
    } catch (OverlappingFileLockException heldHere) {
      return;
    }
    long pid;
    try {
      pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
    } catch (IOException | RuntimeException unreadable) {
      return;
    }
    Optional<ProcessHandle> postmaster = ProcessHandle.of(pid)
        .filter(process -> process.info().command()
            .map(command -> command.endsWith("postgres") || command.endsWith("postgres.exe")).orElse(false));
    if (postmaster.isEmpty()) {
      return;
    }
    log.info("Stopping the embedded PostgreSQL left running by a Casebook that was killed (pid {})", pid);
    postmaster.get().destroy();
    try {
      postmaster.get().onExit().get(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      throw new EmbeddedPostgresUnavailable("The embedded PostgreSQL left running on " + cluster
          + " (pid " + pid + ") did not stop.", "Stop that process, then start Casebook again.", e);
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
