package com.kineticcasebook.projections.caseview;

import com.kineticcasebook.caseload.CaseView;
import com.kineticcasebook.outcomes.MeasureChange;
import com.kineticcasebook.outcomes.SecondaryOutcome;
import com.kineticcasebook.patientcase.CaseEvent;
import com.kineticcasebook.patientcase.CaseEventType;
import com.kineticcasebook.patientcase.InjuryReported;
import com.kineticcasebook.projections.ResetRefused;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tables of the case-views processing group ({@code case_view}, {@code outcome_secondary},
 * {@code outcome_measure_change}, {@code outcome_clinic_version}) and how a folded case is written
 * to them. The view and the timeline are stored as JSON, read back by {@link CaseViewQueries}.
 */
@Component
class CaseViewTables {

  private static final String RAISE_VERSION =
      "UPDATE outcome_clinic_version SET version = version + 1 WHERE clinic_id = ? RETURNING version";

  /** The tables a rebuild empties. */
  private static final String EMPTIED = "outcome_secondary, outcome_measure_change, case_view, outcome_case_change";
  private static final Duration EMPTYING_RETRY = Duration.ofMillis(20);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate savepoint;
  private final Duration emptyingWait;
  private final JsonMapper json = JsonMapper.builder().build();

  /** {@code emptyingWait}: how long a rebuild waits for readers to let go of the tables before it gives up. */
  CaseViewTables(JdbcTemplate jdbc, PlatformTransactionManager transactions,
      @Value("${casebook.projections.rebuild-lock-wait:30s}") Duration emptyingWait) {
    this.jdbc = jdbc;
    this.emptyingWait = emptyingWait;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /**
   * Empties the tables for a rebuild; every clinic's dashboards are out of date from now on. The
   * tables are truncated rather than deleted from: deleting every row wrote each row, its stored
   * JSON and a full image of each page to the write-ahead log, and left the rebuild inserting into
   * tables and indexes full of dead rows. Readers wait for the emptying to commit.
   */
  void clear() {
    lockForEmptying();
    jdbc.execute("TRUNCATE " + EMPTIED);
    // Every node keeping a clinic's rows in memory reloads them whole once it sees this version.
    jdbc.update("UPDATE outcome_clinic_version SET version = version + 1, reset = version + 1");
  }

  /**
   * Takes every table to be emptied at once, or none: a reader may hold one of them while it goes
   * on to read another in the same transaction (a dashboard's query reads the secondaries, then the
   * measures), and an emptying that took them one by one could hold the second while it waits for
   * the first, a deadlock that PostgreSQL ends by cancelling one side. Each attempt asks for all of
   * them without waiting, in a savepoint, and an attempt that finds one busy gives back what it took
   * and tries again shortly. Once the configured wait has passed the rebuild gives up with nothing
   * emptied ({@link ResetRefused}): a session that holds one of the tables for that long (a report
   * left open in a transaction, a maintenance command) is for an administrator to find.
   */
  private void lockForEmptying() {
    long deadline = System.nanoTime() + emptyingWait.toNanos();
    while (true) {
      try {
        savepoint.executeWithoutResult(
            status -> jdbc.execute("LOCK TABLE " + EMPTIED + " IN ACCESS EXCLUSIVE MODE NOWAIT"));
        return;
      } catch (DataAccessException busy) {
        if (!lockNotAvailable(busy)) {
          throw busy;
        }
        if (System.nanoTime() > deadline) {
          throw new ResetRefused("Another database session held one of the tables " + EMPTIED + " for longer than "
              + BigDecimal.valueOf(emptyingWait.toMillis(), 3).stripTrailingZeros().toPlainString()
              + " s (pg_locks shows which); the tables were not emptied.", busy);
        }
        try {
          Thread.sleep(EMPTYING_RETRY.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw busy;
        }
      }
    }
  }

  /** {@link #store} in a savepoint of the surrounding transaction: a failure takes back only these rows. */
  void storeInSavepoint(List<CaseFold.Folded> cases) {
    savepoint.executeWithoutResult(status -> store(cases));
  }

  /** PostgreSQL's refusal of a lock asked for with NOWAIT (SQL state 55P03, lock_not_available). */
  private static boolean lockNotAvailable(DataAccessException e) {
    return e.getMostSpecificCause() instanceof SQLException refused && "55P03".equals(refused.getSQLState());
  }

  /** Replaces the rows of the given cases, each table with one JDBC batch per statement. */
  void store(List<CaseFold.Folded> cases) {
    if (cases.isEmpty()) {
      return;
    }
    List<Object[]> ids = new ArrayList<>(cases.size());
    List<Object[]> views = new ArrayList<>(cases.size());
    List<Object[]> secondaries = new ArrayList<>();
    List<Object[]> measures = new ArrayList<>();
    for (CaseFold.Folded folded : cases) {
      UUID caseId = folded.view().caseId();
      ids.add(new Object[] {caseId});
      views.add(viewColumns(folded, caseId));
      for (Run<SecondaryOutcome> run : runs(folded, CaseFold.OutcomeVersion::secondaries,
          SecondaryOutcome::secondaryInjuryId)) {
        SecondaryOutcome s = run.row();
        secondaries.add(new Object[] {s.caseId(), s.secondaryInjuryId(), s.clinicId(), s.clinicianId(),
            s.secondaryConditionCode(), s.secondaryOnsetOn(), s.primaryInjuryId(), s.primaryConditionCode(),
            s.primaryTreatedOn(), s.primaryModality() == null ? null : s.primaryModality().name(), s.directlyTreated(),
            s.resolvedOn(), s.caseClosedOn(), s.classification().name(), s.linkedAfterClearance(),
            s.ownTreatmentStartedOn(), run.validFrom(), run.validTo()});
      }
      for (Run<MeasureChange> run : runs(folded, CaseFold.OutcomeVersion::measures,
          m -> m.injuryId() + "/" + m.instrument())) {
        MeasureChange m = run.row();
        measures.add(new Object[] {m.caseId(), m.injuryId(), m.instrument().name(), m.clinicId(), m.injuryOnsetOn(),
            m.firstScore(), m.latestScore(), m.measures(), run.validFrom(), run.validTo()});
      }
    }
    jdbc.batchUpdate("DELETE FROM outcome_measure_change WHERE case_id = ?", ids);
    jdbc.batchUpdate("DELETE FROM outcome_secondary WHERE case_id = ?", ids);
    jdbc.batchUpdate("DELETE FROM case_view WHERE case_id = ?", ids);
    jdbc.batchUpdate("""
        INSERT INTO case_view (clinic_id, patient_ref, status, opened_on, closed_on, assigned_clinician_id,
          primary_injury_id, open_injuries, version, view_json, timeline_json, primary_condition_code,
          condition_codes, search_codes, clinician_ids, last_activity_at, case_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?::uuid[], ?, ?)""", views);
    jdbc.batchUpdate("""
        INSERT INTO outcome_secondary (case_id, secondary_injury_id, clinic_id, clinician_id,
          secondary_condition_code, secondary_onset_on, primary_injury_id, primary_condition_code,
          primary_treated_on, primary_modality, directly_treated, resolved_on, case_closed_on, classification,
          linked_after_clearance, own_treatment_started_on, valid_from, valid_to)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", secondaries);
    jdbc.batchUpdate("""
        INSERT INTO outcome_measure_change (case_id, injury_id, instrument, clinic_id, injury_onset_on,
          first_score, latest_score, measures, valid_from, valid_to)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", measures);
    raiseOutcomeVersions(cases);
  }

  /**
   * Raises the outcome version of every clinic of the given cases, in a fixed order so that two
   * segments writing cases of the same clinics never wait for each other in a cycle, and records
   * each case as changed at its clinic's new version. The clinic's version row stays locked until
   * this transaction commits, so a clinic's versions commit in order.
   */
  private void raiseOutcomeVersions(List<CaseFold.Folded> cases) {
    List<UUID> clinics = cases.stream().map(folded -> folded.view().clinicId()).distinct().sorted().toList();
    Map<UUID, Long> versions = new HashMap<>();
    for (UUID clinic : clinics) {
      List<Long> raised = jdbc.queryForList(RAISE_VERSION, Long.class, clinic);
      if (raised.isEmpty()) {
        raised = jdbc.queryForList("INSERT INTO outcome_clinic_version (clinic_id, version) VALUES (?, 1) "
            + "ON CONFLICT DO NOTHING RETURNING version", Long.class, clinic);
      }
      if (raised.isEmpty()) {
        // Another segment created the clinic's row a moment ago.
        raised = jdbc.queryForList(RAISE_VERSION, Long.class, clinic);
      }
      versions.put(clinic, raised.get(0));
    }
    jdbc.batchUpdate("""
        INSERT INTO outcome_case_change (case_id, clinic_id, version) VALUES (?, ?, ?)
        ON CONFLICT (case_id) DO UPDATE SET clinic_id = EXCLUDED.clinic_id, version = EXCLUDED.version""",
        cases.stream().map(folded -> new Object[] {folded.view().caseId(), folded.view().clinicId(),
            versions.get(folded.view().clinicId())}).toList());
  }

  /** One outcome row and the recording instants it was true between; {@code validTo} null while it is. */
  record Run<T>(T row, OffsetDateTime validFrom, OffsetDateTime validTo) {}

  /**
   * The outcome rows of a case's history as runs: a row that stays equal across consecutive
   * versions is one run, from the version it appeared in until the version that changed or
   * dropped it. A case folded without a history has its rows as they are, true since ever.
   */
  static <T> List<Run<T>> runs(CaseFold.Folded folded, Function<CaseFold.OutcomeVersion, List<T>> rows,
      Function<T, Object> key) {
    List<CaseFold.OutcomeVersion> history = folded.outcomeHistory();
    List<Run<T>> runs = new ArrayList<>();
    Map<Object, T> open = new LinkedHashMap<>();
    Map<Object, OffsetDateTime> openSince = new HashMap<>();
    for (CaseFold.OutcomeVersion version : history) {
      OffsetDateTime at = version.recordedFrom().atOffset(ZoneOffset.UTC);
      Map<Object, T> now = new LinkedHashMap<>();
      for (T row : rows.apply(version)) {
        now.put(key.apply(row), row);
      }
      for (Map.Entry<Object, T> was : open.entrySet()) {
        if (!was.getValue().equals(now.get(was.getKey()))) {
          runs.add(new Run<>(was.getValue(), openSince.remove(was.getKey()), at));
        }
      }
      for (Map.Entry<Object, T> is : now.entrySet()) {
        if (!openSince.containsKey(is.getKey())) {
          openSince.put(is.getKey(), at);
        }
      }
      open = now;
    }
    for (Map.Entry<Object, T> is : open.entrySet()) {
      runs.add(new Run<>(is.getValue(), openSince.get(is.getKey()), null));
    }
    return runs;
  }

  private Object[] viewColumns(CaseFold.Folded folded, UUID caseId) {
    CaseView view = folded.view();
    return new Object[] {view.clinicId(), view.patientRef(), view.status().name(), view.openedOn(), view.closedOn(),
        view.assignedClinicianId(), view.primaryInjuryId(), view.openInjuries(), view.version(),
        json.writeValueAsString(view), timelineJson(folded.timeline()), CaseloadSearch.primaryCondition(view),
        CaseloadSearch.conditionCodes(view), folded.caseload().searchCodes().toArray(String[]::new),
        folded.caseload().clinicianIds().stream().map(UUID::toString).toArray(String[]::new),
        folded.caseload().lastActivityAt().atOffset(java.time.ZoneOffset.UTC), caseId};
  }

  CaseView view(String viewJson) {
    return json.readValue(viewJson, CaseView.class);
  }

  String timelineJson(StoredTimeline timeline) {
    return json.writeValueAsString(timeline);
  }

  /** The stored timeline, each event read back as the type its entry names. */
  StoredTimeline timeline(String timelineJson) {
    JsonNode stored = json.readTree(timelineJson);
    List<InjuryReported> injuries = new ArrayList<>();
    stored.get("injuries").forEach(injury -> injuries.add(json.treeToValue(injury, InjuryReported.class)));
    List<StoredTimeline.Entry> entries = new ArrayList<>();
    for (JsonNode entry : stored.get("entries")) {
      CaseEvent event = json.treeToValue(entry.get("event"), CaseEventType.valueOf(entry.get("type").asString()).eventClass());
      entries.add(new StoredTimeline.Entry(entry.get("eventId").asString(), entry.get("sequenceNumber").asLong(),
          entry.get("type").asString(), LocalDate.parse(entry.get("occurredOn").asString()),
          Instant.parse(entry.get("recordedAt").asString()), text(entry.get("recordedBy")), event,
          entry.get("enteredInError").asBoolean(), text(entry.get("errorReason"))));
    }
    return new StoredTimeline(injuries, entries);
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asString();
  }
}
