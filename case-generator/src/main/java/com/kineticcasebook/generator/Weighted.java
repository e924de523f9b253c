package com.kineticcasebook.generator;

/** One entry of a weighted table: {@code value} is drawn with probability weight / total weight. */
record Weighted<T>(T value, int weight) {

  Weighted {
    if (weight <= 0) {
      throw new IllegalArgumentException("A weight must be positive: " + weight);
    }
  }

  static <T> Weighted<T> w(T value, int weight) {
    return new Weighted<>(value, weight);
  }
}
