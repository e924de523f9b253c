package com.kineticcasebook.generator;

import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Every random choice of the generator, all from one seeded {@link Random} so a seed replays exactly. */
final class Draws {

  private final Random random;

  Draws(Random random) {
    this.random = random;
  }

  /** A version-4-shaped UUID; the version bits only make the ids look like the ones the application makes. */
  UUID uuid() {
    long most = (random.nextLong() & ~0xF000L) | 0x4000L;
    long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(most, least);
  }

  /** A whole number from {@code low} to {@code high}, both included. */
  int between(int low, int high) {
    return low + random.nextInt(high - low + 1);
  }

  /** A number from {@code low} to {@code high}, rounded to one decimal as a clinician would note it. */
  double decimal(double low, double high) {
    return Math.round((low + random.nextDouble() * (high - low)) * 10) / 10.0;
  }

  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  <T> T pick(List<Weighted<T>> table) {
    int total = table.stream().mapToInt(Weighted::weight).sum();
    int ticket = random.nextInt(total);
    for (Weighted<T> entry : table) {
      ticket -= entry.weight();
      if (ticket < 0) {
        return entry.value();
      }
    }
    throw new IllegalStateException("unreachable: the ticket is below the total weight");
  }

  @SafeVarargs
  final <T> T oneOf(T... values) {
    return values[random.nextInt(values.length)];
  }

  /**
   * A duration in days from a log-normal distribution: recovery times are right-skewed (most
   * runners recover in weeks, a few take many months), which a normal distribution cannot show.
   */
  int lognormalDays(double medianDays, double sigma, int minimumDays) {
    long days = Math.round(medianDays * Math.exp(sigma * random.nextGaussian()));
    return (int) Math.max(minimumDays, days);
  }
}
