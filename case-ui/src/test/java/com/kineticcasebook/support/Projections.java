package com.kineticcasebook.support;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Waits on the admin API until the case-views projection has caught up with the event store. */
public final class Projections {

  private Projections() {}

  /**
   * Every row of every case-views read table, in a stable order, keyed by table: what a rebuild
   * must reproduce exactly.
   */
  public static Map<String, List<Map<String, Object>>> readModels(JdbcTemplate jdbc) {
    Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
    tables.put("case_view", jdbc.queryForList("SELECT * FROM case_view ORDER BY case_id"));
    tables.put("outcome_secondary",
        jdbc.queryForList("SELECT * FROM outcome_secondary ORDER BY case_id, secondary_injury_id, valid_from"));
    tables.put("outcome_measure_change",
        jdbc.queryForList("SELECT * FROM outcome_measure_change ORDER BY case_id, injury_id, instrument, valid_from"));
    return tables;
  }

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
