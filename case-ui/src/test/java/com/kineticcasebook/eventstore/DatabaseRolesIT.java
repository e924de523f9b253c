package com.kineticcasebook.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.support.CaseScript;
import com.kineticcasebook.support.PostgresApplicationTest;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.ConnectionCallback;

/**
 * The application's own database role may add history but not change, remove or truncate it, nor
 * alter the tables or switch their triggers off: it owns none of them. Each statement is tried on
 * the application's own connection pool, in a transaction that is rolled back whatever happens.
 */
class DatabaseRolesIT extends PostgresApplicationTest {

  private static final List<String> HISTORY = List.of("domain_event_entry", "event_hash", "access_log",
      "event_store_checkpoint", "administration_log");

  @Test
  void theApplicationConnectsAsARoleThatOwnsNoTableAndIsNoSuperuser() {
    assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo("casebook_app_test");
    assertThat(jdbc.queryForObject("SELECT rolsuper OR rolcreaterole OR rolbypassrls FROM pg_roles "
        + "WHERE rolname = current_user", Boolean.class)).isFalse();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public' "
        + "AND tableowner = current_user", Long.class)).isZero();
  }

  @Test
  void theRuntimeRoleCannotChangeRemoveTruncateOrUnguardHistory() {
    CaseScript.open(as("clinician.north"), north.toString(), "N-7101", LocalDate.now().minusDays(3), 0);
    assertThat(as("auditor").post("/api/v1/audit/checkpoints", Map.of()).status()).isEqualTo(201);
    for (String table : HISTORY) {
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class)).as(table).isPositive();
    }
    List<String> allowed = new ArrayList<>();
    for (String table : HISTORY) {
      String column = jdbc.queryForObject("SELECT column_name FROM information_schema.columns WHERE table_name = ? "
          + "ORDER BY ordinal_position LIMIT 1", String.class, table);
      for (String statement : List.of("UPDATE " + table + " SET " + column + " = " + column,
          "DELETE FROM " + table, "TRUNCATE " + table, "ALTER TABLE " + table + " DISABLE TRIGGER ALL",
          "ALTER TABLE " + table + " OWNER TO casebook_app_test", "DROP TABLE " + table)) {
        String refusal = refusal(statement);
        if (refusal == null) {
          allowed.add(statement);
        } else {
          assertThat(refusal).as(statement).containsAnyOf("permission denied", "must be owner");
        }
      }
    }
    assertThat(allowed).isEmpty();
    assertThat(refusal("ALTER TABLE access_log DISABLE TRIGGER access_log_no_update_or_delete"))
        .contains("must be owner");
  }

  @Test
  void theRuntimeRoleStillChangesTheRowsThatChangeByDesign() {
    for (String table : List.of("api_token", "token_entry", "case_view", "case_directory", "login_failure",
        "idempotency_record", "dead_letter_entry", "recent_entry", "projection_node")) {
      assertThat(refusal("DELETE FROM " + table + " WHERE FALSE")).as(table).isNull();
    }
    // A rebuild empties the case views' tables at once, the same power as deleting their rows.
    for (String table : List.of("case_view", "outcome_secondary", "outcome_measure_change", "outcome_case_change")) {
      assertThat(refusal("TRUNCATE " + table)).as(table).isNull();
    }
    for (String table : List.of("case_directory", "token_entry", "outcome_clinic_version")) {
      assertThat(refusal("TRUNCATE " + table)).as(table).contains("permission denied");
    }
  }

  /** The database's refusal of the statement, or null if it ran (and was rolled back). */
  private String refusal(String sql) {
    return jdbc.execute((ConnectionCallback<String>) connection -> {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute(sql);
        return null;
      } catch (SQLException refused) {
        return refused.getMessage();
      } finally {
        connection.rollback();
        connection.setAutoCommit(autoCommit);
      }
    });
  }
}
