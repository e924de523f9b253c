package com.kineticcasebook.bench;

import com.kineticcasebook.bench.History.EventRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * The ceiling for commands: independent clients, each inserting one event row per transaction and
 * waiting for its commit to be durable ({@code synchronous_commit = on}) before sending the next,
 * as a command must be before it is answered. The rows have the shape of real event rows (sampled
 * from the generated history) and go into a table built like {@code domain_event_entry}, with its
 * identity column and unique indexes, so every cost but the application's own is in the figure.
 */
final class DurableInserts {

  /** One client count's outcome: commits per second and their latencies in microseconds. */
  record Level(int clients, long inserts, double seconds, Histogram latencies) {

    double perSecond() {
      return inserts / seconds;
    }

    double millis(double percentile) {
      return latencies.getValueAtPercentile(percentile) / 1000.0;
    }
  }

  private static final String TABLE = "bench_durable_event";
  private static final int SAMPLE = 1_000;

  private final BenchDatabase database;
  private final List<EventRow> sample;

  private DurableInserts(BenchDatabase database, List<EventRow> sample) {
    this.database = database;
    this.sample = sample;
  }

  /** Creates the scratch table beside the event table; {@link #drop} removes it after the run. */
  static DurableInserts prepare(BenchDatabase database, List<EventRow> history) throws SQLException {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE " + TABLE + " (LIKE domain_event_entry INCLUDING ALL)");
    }
    List<EventRow> sample = new ArrayList<>();
    int step = Math.max(1, history.size() / SAMPLE);
    for (int i = 0; i < history.size() && sample.size() < SAMPLE; i += step) {
      sample.add(history.get(i));
    }
    return new DurableInserts(database, List.copyOf(sample));
  }

  /** Measures {@code clients} closed-loop clients for the given seconds after a warm-up. */
  Level run(int clients, long warmUpSeconds, long measuredSeconds) throws Exception {
    AtomicBoolean measuring = new AtomicBoolean(false);
    AtomicBoolean stop = new AtomicBoolean(false);
    AtomicReference<Exception> failure = new AtomicReference<>();
    List<Histogram> histograms = new ArrayList<>();
    long[] counts = new long[clients];
    CountDownLatch finished = new CountDownLatch(clients);
    for (int i = 0; i < clients; i++) {
      Histogram histogram = new Histogram(60_000_000L, 3);
      histograms.add(histogram);
      int client = i;
      Thread thread = new Thread(() -> {
        try {
          counts[client] = insertUntilStopped(client, histogram, measuring, stop);
        } catch (Exception e) {
          failure.compareAndSet(null, e);
        } finally {
          finished.countDown();
        }
      }, "durable-insert-" + i);
      thread.start();
    }
    TimeUnit.SECONDS.sleep(warmUpSeconds);
    measuring.set(true);
    long started = System.nanoTime();
    TimeUnit.SECONDS.sleep(measuredSeconds);
    measuring.set(false);
    double seconds = (System.nanoTime() - started) / 1e9;
    stop.set(true);
    finished.await(2, TimeUnit.MINUTES);
    if (failure.get() != null) {
      throw failure.get();
    }
    Histogram all = new Histogram(60_000_000L, 3);
    long inserts = 0;
    for (int i = 0; i < clients; i++) {
      all.add(histograms.get(i));
      inserts += counts[i];
    }
    return new Level(clients, inserts, seconds, all);
  }

  /** One client's loop: returns the inserts committed while measuring. */
  private long insertUntilStopped(int client, Histogram histogram, AtomicBoolean measuring, AtomicBoolean stop)
      throws SQLException {
    long measured = 0;
    try (Connection connection = database.connect()) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET synchronous_commit = on");
      }
      connection.setAutoCommit(true);
      String aggregate = UUID.randomUUID().toString();
      long sequence = 0;
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
          + " (event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp,"
          + " aggregate_identifier, sequence_number, type) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        while (!stop.get()) {
          EventRow row = sample.get((int) ((sequence + client) % sample.size()));
          insert.setString(1, UUID.randomUUID().toString());
          insert.setBytes(2, row.metadata());
          insert.setBytes(3, row.payload());
          insert.setString(4, row.payloadRevision());
          insert.setString(5, row.payloadType());
          insert.setString(6, row.timestamp());
          insert.setString(7, aggregate);
          insert.setLong(8, sequence++);
          insert.setString(9, row.aggregateType());
          boolean counted = measuring.get();
          long started = System.nanoTime();
          insert.executeUpdate();
          long micros = (System.nanoTime() - started) / 1_000;
          if (counted && measuring.get()) {
            histogram.recordValue(Math.min(micros, histogram.getHighestTrackableValue()));
            measured++;
          }
        }
      }
    }
    return measured;
  }

  /** Removes the scratch table, so the rest of the run sees the database as the application made it. */
  void drop() throws SQLException {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE " + TABLE);
    }
  }
}
