package com.kineticcasebook.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The figures of one run beside the limits measured in it, as a table, a markdown file and a chart. */
final class Report {

  static final String CHART = "latency-vs-concurrency.png";

  /** Everything one run measured. */
  record Results(String machine, String command, long events, int cases, int longCaseEvents,
      EventTable.Timed writeLimit, EventTable.Timed readLimit, List<DurableInserts.Level> durable,
      EventTable.Timed firstProjection,
      EventTable.Timed rebuild, List<CommandLoad.Level> commands, ReadLatency.Reads dashboard,
      ReadLatency.Reads dashboardComputed, ReadLatency.Reads dashboardAsOf, ReadLatency.Reads timeline, ReadLatency.Reads asOf, long peakHeap, long peakResident, String durations) {}

  private Report() {}

  static String markdown(Results r) {
    List<String[]> rows = new ArrayList<>();
    double write = r.writeLimit().perSecond();
    double read = r.readLimit().perSecond();
    for (CommandLoad.Level level : r.commands()) {
      DurableInserts.Level limit = r.durable().stream().filter(d -> d.clients() == level.clients()).findFirst()
          .orElseThrow();
      double ratio = level.eventsPerSecond() / limit.perSecond();
      String target = switch (level.clients()) {
        case 1 -> "p50 ≤ 1.5 ms";
        case 32 -> "≥ 1/10 of the limit, p99 ≤ 25 ms";
        default -> "";
      };
      String met = switch (level.clients()) {
        case 1 -> met(level.millis(50) <= 1.5);
        case 32 -> met(ratio >= 0.1 && level.millis(99) <= 25);
        default -> "";
      };
      rows.add(new String[] {
          "commands, " + clients(level.clients()),
          String.format(Locale.ROOT, "%,.0f events/s; p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%s",
              level.eventsPerSecond(), level.millis(50), level.millis(95), level.millis(99),
              level.rejected() > 0 ? "; " + level.rejected() + " rejected" : ""),
          String.format(Locale.ROOT, "%,.0f durable single-row insert transactions/s from %s; p50 %.2f ms, "
              + "p99 %.2f ms", limit.perSecond(), clients(limit.clients()), limit.millis(50), limit.millis(99)),
          ratio(ratio), target, met});
    }
    rows.add(new String[] {"bulk load of the history",
        String.format(Locale.ROOT, "%,.0f rows/s in batches of %,d, one transaction each", write,
            EventTable.BATCH), "", "", "", ""});
    double rebuild = r.rebuild().perSecond();
    rows.add(new String[] {"rebuild of all projections",
        String.format(Locale.ROOT, "%,.0f events/s (%,d events in %.1f s)", rebuild, r.rebuild().rows(),
            r.rebuild().nanos() / 1e9),
        String.format(Locale.ROOT, "%,.0f events/s raw ordered scan + JSON parse", read),
        ratio(rebuild / read), "≥ 50,000 events/s and ≥ 1/3 of the limit",
        met(rebuild >= 50_000 && rebuild / read >= 1.0 / 3)});
    rows.add(new String[] {"first projection after the bulk load",
        String.format(Locale.ROOT, "%,.0f events/s (%,d events in %.1f s)", r.firstProjection().perSecond(),
            r.firstProjection().rows(), r.firstProjection().nanos() / 1e9),
        String.format(Locale.ROOT, "%,.0f events/s", read), ratio(r.firstProjection().perSecond() / read), "", ""});
    rows.add(readRow("outcomes dashboard over " + String.format(Locale.ROOT, "%,d", r.cases()) + " cases",
        r.dashboard(), 50));
    rows.add(readRow("the same dashboard computed afresh (a new date range each request)", r.dashboardComputed(),
        50));
    rows.add(new String[] {"the same dashboard as of an instant (a new instant each request; row versions read from "
        + "PostgreSQL and computed row by row, as every dashboard computed afresh was before: the baseline)",
        String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, max %.1f ms (%,d requests)", r.dashboardAsOf().millis(50),
            r.dashboardAsOf().millis(95), r.dashboardAsOf().millis(100), r.dashboardAsOf().latencies().getTotalCount()),
        String.format(Locale.ROOT, "computed afresh in memory: p95 %.1f ms", r.dashboardComputed().millis(95)),
        ratio(r.dashboardComputed().millis(95) / r.dashboardAsOf().millis(95)), "within 2 s",
        met(r.dashboardAsOf().millis(100) <= 2_000)});
    rows.add(readRow("case timeline", r.timeline(), 10));
    rows.add(readRow("audit as-of state, " + r.longCaseEvents() + " events", r.asOf(), 30));
    rows.add(new String[] {"application memory",
        String.format(Locale.ROOT, "peak heap in use %s (sampled each second), peak resident %s (VmHWM)",
            mib(r.peakHeap()), mib(r.peakResident())),
        "heap limit 512 MiB (" + Application.HEAP + ")", ratio(r.peakHeap() / (512.0 * 1024 * 1024)),
        "everything above with -Xmx512m", met(r.peakHeap() <= 512L * 1024 * 1024)});

    StringBuilder md = new StringBuilder();
    md.append("Machine: ").append(r.machine()).append("\n\n");
    md.append("Command: `").append(r.command()).append("`\n\n");
    md.append(String.format(Locale.ROOT, "Data: %,d generated events in %,d cases (one of them %d events long); "
        + "write limit %,d rows in %.1f s; read limit %,d rows in %.1f s.%n%n", r.events(), r.cases(),
        r.longCaseEvents(), r.writeLimit().rows(), r.writeLimit().nanos() / 1e9, r.readLimit().rows(),
        r.readLimit().nanos() / 1e9));
    md.append("| figure | measured | limit of this machine, same run | ratio | target | met |\n");
    md.append("|---|---|---|---|---|---|\n");
    for (String[] row : rows) {
      md.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    md.append("\nPhases: ").append(r.durations()).append('\n');
    return md.toString();
  }

  private static String[] readRow(String name, ReadLatency.Reads reads, double targetP95) {
    return new String[] {name,
        String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms (%,d requests)", reads.millis(50), reads.millis(95),
            reads.latencies().getTotalCount()),
        "", "", String.format(Locale.ROOT, "p95 ≤ %.0f ms", targetP95), met(reads.millis(95) <= targetP95)};
  }

  private static String clients(int clients) {
    return clients + (clients == 1 ? " client" : " clients");
  }

  private static String ratio(double ratio) {
    return String.format(Locale.ROOT, "%.2f", ratio);
  }

  private static String met(boolean met) {
    return met ? "yes" : "**no**";
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%,.0f MiB", bytes / 1024.0 / 1024.0);
  }

  /** Latency percentiles (left axis) and throughput (right axis) against the number of clients. */
  static void chart(List<CommandLoad.Level> levels, Path file) throws IOException {
    XYChart chart = new XYChartBuilder().width(900).height(540)
        .title("Recording events through the JSON API").xAxisTitle("concurrent clients").yAxisTitle("latency (ms)")
        .build();
    chart.getStyler().setXAxisLogarithmic(true);
    chart.setYAxisGroupTitle(1, "recorded events per second");
    chart.getStyler().setYAxisGroupPosition(1, org.knowm.xchart.style.Styler.YAxisPosition.Right);
    chart.getStyler().setXAxisDecimalPattern("0");
    double[] clients = levels.stream().mapToDouble(CommandLoad.Level::clients).toArray();
    for (double percentile : new double[] {50, 95, 99}) {
      XYSeries series = chart.addSeries(String.format(Locale.ROOT, "p%.0f latency", percentile), clients,
          levels.stream().mapToDouble(l -> l.millis(percentile)).toArray());
      series.setMarker(SeriesMarkers.CIRCLE);
    }
    XYSeries throughput = chart.addSeries("events/s", clients,
        levels.stream().mapToDouble(CommandLoad.Level::eventsPerSecond).toArray());
    throughput.setYAxisGroup(1);
    throughput.setMarker(SeriesMarkers.SQUARE);
    Files.createDirectories(file.getParent());
    BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
  }
}
