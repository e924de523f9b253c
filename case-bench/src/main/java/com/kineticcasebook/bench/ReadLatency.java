package com.kineticcasebook.bench;

import java.util.List;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/** One reader asking the same kind of question again and again, one request at a time. */
final class ReadLatency {

  /** The latencies of one read, in microseconds. */
  record Reads(String name, Histogram latencies) {

    double millis(double percentile) {
      return latencies.getValueAtPercentile(percentile) / 1000.0;
    }
  }

  private ReadLatency() {}

  /** Asks {@code warmUp} times unmeasured, then {@code measured} times; the i-th request's path is path(i). */
  static Reads measure(String name, Api api, IntFunction<String> path, int warmUp, int measured) throws Exception {
    Histogram latencies = new Histogram(60_000_000L, 3);
    for (int i = 0; i < warmUp + measured; i++) {
      Api.Answer answer = api.get(path.apply(i));
      if (answer.status() != 200) {
        throw new IllegalStateException(name + " answered " + answer.status() + " for " + path.apply(i));
      }
      if (i >= warmUp) {
        latencies.recordValue(Math.min(answer.nanos() / 1_000, latencies.getHighestTrackableValue()));
      }
    }
    return new Reads(name, latencies);
  }

  static IntFunction<String> rotating(List<String> paths) {
    return i -> paths.get(Math.floorMod(i * 7_919, paths.size()));
  }
}
