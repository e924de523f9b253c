package com.kineticcasebook.support;

import java.time.Duration;
import tools.jackson.databind.JsonNode;

/** Waits on the admin API until the case-views projection has caught up with the event store. */
public final class Projections {

  private Projections() {}

  /** Returns when no rebuild runs and the projection's position has reached the head. */
  public static void awaitCaughtUp(ApiClient admin, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode views = admin.get("/api/v1/admin/projections").json().valueStream()
          .filter(p -> p.get("name").asString().equals("case-views")).findFirst().orElseThrow();
      if (!views.get("rebuilding").asBoolean() && views.get("position").asLong() >= views.get("headPosition").asLong()) {
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("the case-views projection did not catch up within " + limit);
  }
}
