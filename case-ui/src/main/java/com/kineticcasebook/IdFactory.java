package com.kineticcasebook;

import java.util.UUID;
import java.util.function.Supplier;

/** The one source of identifiers for new cases, injuries, recordings and treatments. */
public record IdFactory(Supplier<UUID> source) {

  public UUID next() {
    return source.get();
  }
}
