package com.kineticcasebook.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The packaged application as its own process, started as production starts it (profile postgres,
 * {@value #HEAP}), with its memory watched from outside: resident memory from the kernel, heap
 * from its Prometheus metrics, sampled every second.
 */
final class Application implements AutoCloseable {

  static final String HEAP = "-Xmx512m";

  private final Process process;
  private final String base;
  private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "memory-sampler");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicLong peakHeap = new AtomicLong();
  private final AtomicLong peakRss = new AtomicLong();

  private Application(Process process, String base) {
    this.process = process;
    this.base = base;
  }

  static Application start(Path jar, BenchDatabase database, int port, Path log) throws Exception {
    List<String> command = new ArrayList<>(List.of("java", HEAP));
    // Extra JVM options for a closer look, e.g. a flight recording: -XX:StartFlightRecording=filename=app.jfr
    String extra = System.getenv().getOrDefault("CASEBOOK_BENCH_JVM_OPTIONS", "").trim();
    if (!extra.isEmpty()) {
      command.addAll(List.of(extra.split("\\s+")));
    }
    command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port,
        "--casebook.data-dir=" + log.getParent().resolve("data")));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("SPRING_PROFILES_ACTIVE", "postgres");
    builder.environment().put("CASEBOOK_DB_URL", database.url());
    builder.environment().put("CASEBOOK_DB_USER", database.user());
    builder.environment().put("CASEBOOK_DB_PASSWORD", database.password());
    builder.environment().put("CASEBOOK_ADMIN_USERNAME", People.ADMIN);
    builder.environment().put("CASEBOOK_ADMIN_PASSWORD", People.PASSWORD);
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    Process process = builder.start();
    String base = "http://127.0.0.1:" + port;
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The application exited while starting; see " + log);
      }
      try {
        HttpResponse<Void> health = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
            HttpResponse.BodyHandlers.discarding());
        if (health.statusCode() == 200) {
          return new Application(process, base);
        }
      } catch (IOException notYet) {
        // Still starting.
      }
      Thread.sleep(250);
    }
    process.destroyForcibly();
    throw new IllegalStateException("The application did not start within two minutes; see " + log);
  }

  String base() {
    return base;
  }

  long pid() {
    return process.pid();
  }

  /** Samples heap (through the administrator's metrics) and resident memory until closed. */
  void watchMemory(Api admin) {
    sampler.scheduleAtFixedRate(() -> {
      try {
        peakRss.accumulateAndGet(statusKb("VmHWM") * 1024, Math::max);
        Api.Answer metrics = admin.get("/actuator/prometheus");
        long heap = 0;
        for (String line : metrics.body().split("\n")) {
          if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
            heap += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
          }
        }
        peakHeap.accumulateAndGet(heap, Math::max);
      } catch (Exception ignored) {
        // A missed sample only makes the peak less precise.
      }
    }, 0, 1, TimeUnit.SECONDS);
  }

  /** The largest heap in use seen by the sampler, in bytes. */
  long peakHeap() {
    return peakHeap.get();
  }

  /** The kernel's high-water mark of resident memory (VmHWM), in bytes. */
  long peakResident() throws IOException {
    return Math.max(peakRss.get(), statusKb("VmHWM") * 1024);
  }

  private long statusKb(String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
      if (line.startsWith(field + ":")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return 0;
  }

  @Override
  public void close() throws InterruptedException {
    sampler.shutdownNow();
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }
}
