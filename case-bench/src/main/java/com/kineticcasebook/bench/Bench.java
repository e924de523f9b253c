package com.kineticcasebook.bench;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import tools.jackson.databind.JsonNode;

/**
 * The benchmark run (bench/run): a fresh database, the bulk history loaded as the write limit,
 * the read limit, the ceiling for commands (durable single-row inserts from 1, 8 and 32 clients),
 * then the packaged application measured from outside: first projection, reads,
 * a rebuild, and commands at 1, 8 and 32 clients, with its memory watched throughout.
 *
 * <p>Arguments: {@code --events N} (default 1,500,000, about 100,000 cases), {@code --seconds S} measured per
 * concurrency level (default 20), {@code --warm-up S} of commands before the first level (default 60),
 * {@code --out DIR} (default target/bench), {@code --jar PATH}.
 */
public final class Bench {

  private static final int LONG_CASE_EVENTS = 200;
  private static final int[] CONCURRENCY = {1, 8, 32};

  private Bench() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("java.awt.headless", "true");
    Map<String, String> options = options(args);
    // About 1.5 million events make the 100,000 cases of the dashboard target (15 events a case).
    int events = Integer.parseInt(options.getOrDefault("events", "1500000"));
    int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
    int warmUpSeconds = Integer.parseInt(options.getOrDefault("warm-up", "60"));
    Path out = Path.of(options.getOrDefault("out", "target/bench"));
    Path jar = Path.of(options.getOrDefault("jar", "case-ui/target/case-ui-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
    String command = options.getOrDefault("command", "bench/run");
    Files.createDirectories(out);
    Clock clock = Clock.system(ZoneId.of(System.getenv().getOrDefault("CASEBOOK_TIME_ZONE", "Europe/London")));
    Phases phases = new Phases();

    try (BenchDatabase database = BenchDatabase.create()) {
      say("Database %s on %s", database.name(), database.url());
      // The application's first start creates the schema with its own migrations; the history is
      // then loaded beside it, as if recorded over the years.
      try (Application migrating = Application.start(jar, database, freePort(), out.resolve("migration.log"))) {
        phases.done("schema");
      }
      People people = new People();
      History.Generated history;
      EventTable.Timed writeLimit;
      EventTable.Timed readLimit;
      try (Connection connection = database.connect()) {
        people.create(connection);
        history = new History(clock).generate(events, LONG_CASE_EVENTS, people.clinicians);
        phases.done("generate");
        say("Generated %,d events in %,d cases", history.rows().size(), history.cases());
        writeLimit = EventTable.insert(connection, history.rows());
        phases.done("write limit");
        say("Write limit: %,.0f rows/s", writeLimit.perSecond());
        EventTable.chainAndDirectory(connection, history.rows(), people.clinicId);
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
          statement.execute("VACUUM (ANALYZE) domain_event_entry");
          statement.execute("VACUUM (ANALYZE) event_hash");
          statement.execute("VACUUM (ANALYZE) case_directory");
        }
        phases.done("hash chain and directory");
        readLimit = EventTable.scan(connection);
        phases.done("read limit");
        say("Read limit: %,.0f events/s", readLimit.perSecond());
      }
      // The ceiling for commands, measured before the application starts, on the same database.
      List<DurableInserts.Level> durable = new ArrayList<>();
      DurableInserts inserts = DurableInserts.prepare(database, history.rows());
      for (int clients : CONCURRENCY) {
        DurableInserts.Level level = inserts.run(clients, 2, seconds);
        durable.add(level);
        say("Durable single-row inserts at %d clients: %,.0f/s, p50 %.2f ms, p99 %.2f ms", clients,
            level.perSecond(), level.millis(50), level.millis(99));
      }
      inserts.drop();
      phases.done("durable inserts");
      long loaded = history.rows().size();
      List<String> caseIds = history.caseIds();
      String longCase = history.longCaseId();
      history = null;
      System.gc();

      Path log = out.resolve("application.log");
      try (Application app = Application.start(jar, database, freePort(), log)) {
        phases.done("start");
        Api admin = Api.signIn(app.base(), People.ADMIN, People.PASSWORD);
        app.watchMemory(admin);
        long firstStarted = System.nanoTime();
        awaitProjection(admin, false);
        EventTable.Timed first = new EventTable.Timed(loaded, System.nanoTime() - firstStarted);
        phases.done("first projection");
        say("First projection: %,.0f events/s", first.perSecond());

        Api owner = Api.signIn(app.base(), People.OWNER, People.PASSWORD);
        Api auditor = Api.signIn(app.base(), People.AUDITOR, People.PASSWORD);
        Api reader = Api.signIn(app.base(), people.clinicianNames.get(0), People.PASSWORD);
        ReadLatency.Reads dashboard = ReadLatency.measure("dashboard", owner,
            i -> "/api/v1/dashboards/outcomes?clinicId=" + people.clinicId, 10, 100);
        say("Dashboard p95 %.1f ms", dashboard.millis(95));
        // Each request asks for another date range (all of them covering every case), so none is
        // served from the dashboards already computed: the cost right after the clinic's data changed.
        LocalDate earliest = LocalDate.of(2000, 1, 1);
        ReadLatency.Reads dashboardComputed = ReadLatency.measure("dashboard computed", owner,
            i -> "/api/v1/dashboards/outcomes?clinicId=" + people.clinicId + "&from=" + earliest.plusDays(i), 10, 100);
        say("Dashboard computed afresh p95 %.1f ms", dashboardComputed.millis(95));
        // As of an instant, each request another one (all after the bulk load, so over every case): the
        // versions of the rows true then are read from PostgreSQL and the figures computed row by row, as
        // every dashboard computed afresh was before the clinic's rows were kept in memory: the baseline.
        Instant asOfBase = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        ReadLatency.Reads dashboardAsOf = ReadLatency.measure("dashboard as of", owner,
            i -> "/api/v1/dashboards/outcomes?clinicId=" + people.clinicId + "&asOf=" + asOfBase.minusSeconds(i), 2, 10);
        say("Dashboard as of an instant p95 %.1f ms, max %.1f ms", dashboardAsOf.millis(95), dashboardAsOf.millis(100));
        ReadLatency.Reads timeline = ReadLatency.measure("timeline", reader,
            ReadLatency.rotating(caseIds.stream().map(id -> "/api/v1/cases/" + id + "/timeline").toList()), 200, 2_000);
        say("Timeline p95 %.1f ms", timeline.millis(95));
        String asOf = Instant.now().toString();
        IntFunction<String> asOfPath = i -> "/api/v1/audit/cases/" + longCase + "/state?asOf=" + asOf;
        ReadLatency.Reads stateAsOf = ReadLatency.measure("as-of state", auditor, asOfPath, 20, 300);
        say("As-of state p95 %.1f ms", stateAsOf.millis(95));
        phases.done("reads");

        long rebuildStarted = System.nanoTime();
        Api.Answer accepted = admin.post("/api/v1/admin/projections/case-views/rebuild", Map.of());
        if (accepted.status() != 202) {
          throw new IllegalStateException("The rebuild was not accepted: " + accepted.status());
        }
        awaitProjection(admin, true);
        EventTable.Timed rebuild = new EventTable.Timed(loaded, System.nanoTime() - rebuildStarted);
        phases.done("rebuild");
        say("Rebuild: %,.0f events/s", rebuild.perSecond());

        List<Api> clients = new ArrayList<>();
        for (String name : people.clinicianNames) {
          clients.add(Api.signIn(app.base(), name, People.PASSWORD));
        }
        CommandLoad load = new CommandLoad(clients, people.clinicians, LocalDate.now(clock));
        // A node that has been recording for a while: the JIT compiler has finished with the command
        // path (on 2 cores it takes about ten thousand requests), so it no longer competes for them.
        CommandLoad.Level warmUp = load.run(8, warmUpSeconds, 1);
        say("Commands warmed up for %d s at 8 clients (%d rejected)", warmUpSeconds, warmUp.rejected());
        phases.done("command warm-up");
        List<CommandLoad.Level> levels = new ArrayList<>();
        for (int concurrency : CONCURRENCY) {
          CommandLoad.Level level = load.run(concurrency, 5, seconds);
          levels.add(level);
          say("Commands at %d clients: %,.0f events/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %d rejected",
              concurrency, level.eventsPerSecond(), level.millis(50), level.millis(95), level.millis(99),
              level.rejected());
        }
        phases.done("commands");

        Report.Results results = new Report.Results(machine(database), command, loaded, caseIds.size() + 1,
            LONG_CASE_EVENTS, writeLimit, readLimit, durable, first, rebuild, levels, dashboard, dashboardComputed,
            dashboardAsOf, timeline, stateAsOf, app.peakHeap(), app.peakResident(), phases.toString());
        String markdown = Report.markdown(results);
        Files.writeString(out.resolve("results.md"), markdown);
        Report.chart(levels, out.resolve(Report.CHART));
        System.out.println();
        System.out.println(markdown);
        say("Results in %s and %s", out.resolve("results.md"), out.resolve(Report.CHART));
      }
    }
  }

  /**
   * Waits until the case-views projection has processed every event, polling the admin API as an
   * operator would; after a rebuild request, until the rebuild has started and then finished.
   */
  private static void awaitProjection(Api admin, boolean rebuilding) throws Exception {
    boolean seenRebuilding = !rebuilding;
    long deadline = System.nanoTime() + 30L * 60 * 1_000_000_000L;
    while (System.nanoTime() < deadline) {
      JsonNode views = null;
      for (JsonNode projection : admin.get("/api/v1/admin/projections").json()) {
        if (projection.get("name").asString().equals("case-views")) {
          views = projection;
        }
      }
      if (views == null) {
        throw new IllegalStateException("No case-views projection is listed");
      }
      seenRebuilding |= views.get("rebuilding").asBoolean();
      if (seenRebuilding && !views.get("rebuilding").asBoolean()
          && views.get("position").asLong() >= views.get("headPosition").asLong()) {
        return;
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("The projection did not catch up within 30 minutes");
  }

  private static String machine(BenchDatabase database) throws Exception {
    String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
        .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
    long memKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
        .findFirst().map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).orElse(0L);
    String postgres;
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SHOW server_version")) {
      rs.next();
      postgres = rs.getString(1);
    }
    return String.format(Locale.ROOT, "%d cores (%s), %.0f GiB memory, PostgreSQL %s on the same machine, "
            + "Java %s; run %s", Runtime.getRuntime().availableProcessors(), cpu, memKb / 1024.0 / 1024.0,
        postgres, System.getProperty("java.version"), Instant.now().toString().substring(0, 16) + "Z");
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("Options are --name value pairs: " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }

  private static void say(String format, Object... arguments) {
    System.out.printf(Locale.ROOT, "[bench] " + format + "%n", arguments);
  }

  /** How long each phase of the run took. */
  private static final class Phases {

    private final StringBuilder text = new StringBuilder();
    private long last = System.nanoTime();

    void done(String phase) {
      long now = System.nanoTime();
      text.append(text.isEmpty() ? "" : ", ")
          .append(String.format(Locale.ROOT, "%s %.0f s", phase, (now - last) / 1e9));
      last = now;
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }
}
