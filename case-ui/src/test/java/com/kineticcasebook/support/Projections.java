package com.kineticcasebook.support;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Waits on the admin API until the case-views projection has caught up with the event store. */
public final class Projections {

  private Projections() {}

  /**
   * Adds a case view that no event gave, with a new case id (returned): a rebuild that really
   * empties the tables leaves it out.
   */
  public static UUID insertStaleView(JdbcTemplate jdbc, String patientRef) {
    UUID stale = UUID.randomUUID();
    jdbc.update("INSERT INTO case_view (case_id, clinic_id, patient_ref, status, opened_on, assigned_clinician_id, "
        + "open_injuries, version, view_json, timeline_json) VALUES (?, ?, ?, 'OPEN', current_date, ?, 0, 0, "
        + "'{}', '{}')", stale, UUID.randomUUID(), patientRef, UUID.randomUUID());
    return stale;
  }

  /**
   * Every row of every case-views read table, in a stable order, keyed by table: what a rebuild
   * must reproduce exactly.
   */
  public static Map<String, List<Map<String, Object>>> readModels(JdbcTemplate jdbc) {
    Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
    tables.put("case_view", rows(jdbc, "SELECT * FROM case_view ORDER BY case_id"));
    tables.put("outcome_secondary",
        rows(jdbc, "SELECT * FROM outcome_secondary ORDER BY case_id, secondary_injury_id, valid_from"));
    tables.put("outcome_measure_change",
        rows(jdbc, "SELECT * FROM outcome_measure_change ORDER BY case_id, injury_id, instrument, valid_from"));
    return tables;
  }

  /** The rows with their array columns (a case's search codes and clinicians) as lists, which compare by content. */
  private static List<Map<String, Object>> rows(JdbcTemplate jdbc, String sql) {
    return jdbc.query(sql, (rs, row) -> {
      Map<String, Object> columns = new LinkedHashMap<>();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        Object value = rs.getObject(i);
        if (value instanceof java.sql.Array array) {
          value = List.of((Object[]) array.getArray());
        }
        columns.put(rs.getMetaData().getColumnLabel(i), value);
      }
      return columns;
    });
  }

  /**
   * Asks for a rebuild of case-views, again every half second while it is refused because another
   * node still counts as running the projection (a node killed just before counts until its
   * heartbeat times out); returns the last answer.
   */
  public static ApiClient.Response rebuildOnceAlone(ApiClient admin, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    ApiClient.Response rebuild = admin.post("/api/v1/admin/projections/case-views/rebuild", Map.of());
    while (rebuild.status() == 409 && System.nanoTime() < deadline) {
      pause();
      rebuild = admin.post("/api/v1/admin/projections/case-views/rebuild", Map.of());
    }
    return rebuild;
  }

  /**
   * Reads the case as its projection shows it once it has the given event position (each read waits
   * on the projection as {@code X-Consistency} does), up to {@code attempts} times half a second
   * apart while the view does not have it yet; returns the last answer.
   */
  public static ApiClient.Response awaitCaseView(ApiClient client, String caseId, String position, int attempts) {
    ApiClient.Response view = client.withHeader("X-Consistency", "after=" + position).get("/api/v1/cases/" + caseId);
    for (int attempt = 1; attempt < attempts && view.status() != 200; attempt++) {
      pause();
      view = client.withHeader("X-Consistency", "after=" + position).get("/api/v1/cases/" + caseId);
    }
    return view;
  }

  private static void pause() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The case-views projection's status as the admin API gives it now. */
  public static JsonNode caseViewsStatus(ApiClient admin) {
    return admin.get("/api/v1/admin/projections").json().valueStream()
        .filter(p -> p.get("name").asString().equals("case-views")).findFirst().orElseThrow();
  }

  /** Returns when no rebuild runs and the projection's position has reached the head. */
  public static void awaitCaughtUp(ApiClient admin, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode views = caseViewsStatus(admin);
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
