package com.kineticcasebook.projections.outcomes;

import com.kineticcasebook.outcomes.Classification;
import com.kineticcasebook.outcomes.OutcomeDashboard;
import com.kineticcasebook.outcomes.SecondaryOutcome;
import com.kineticcasebook.reference.OutcomeInstrument;
import com.kineticcasebook.reference.TreatmentModality;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The current outcome rows of each clinic, kept in memory in the narrow form the figures need, so
 * that a dashboard for any date range is computed without reading the clinic's rows again.
 *
 * <p>Each node keeps its own copy and brings it up to date before every dashboard from what
 * changed since the clinic's outcome version it last saw: the projection records every case whose
 * rows it wrote at the clinic's new version ({@code outcome_case_change}), and a clinic's versions
 * commit in order, so the cases changed after the version seen are all the node must reload. A
 * rebuild empties the tables and marks the clinic's version as a reset; a node that saw an
 * earlier version reloads the clinic whole.
 *
 * <p>A row keeps no ids but the clinician's, and shares its clinic, clinician, condition codes and
 * dates with every other row, so 100,000 secondaries take about {@value #BYTES_PER_SECONDARY}
 * bytes each (measured, see docs/performance.md).
 */
@Component
class CurrentOutcomeRows {

  /** About what one secondary with its case's share of the map costs, as measured. */
  static final int BYTES_PER_SECONDARY = 200;

  /** More changed cases than this are reloaded with the whole clinic, in one pass. */
  private static final int RELOAD_WHOLE_ABOVE = 20_000;

  private static final String SECONDARY_COLUMNS = """
      s.case_id, s.clinician_id, s.secondary_condition_code, s.secondary_onset_on, s.primary_condition_code,
      s.primary_treated_on, s.primary_modality, s.directly_treated, s.resolved_on, s.case_closed_on,
      s.classification, s.linked_after_clearance, s.own_treatment_started_on""";
  private static final String MEASURE_COLUMNS = "m.case_id, m.instrument, m.injury_onset_on, m.first_score, m.latest_score";

  /** An injury measured at least twice on an instrument: its onset and its first and latest score. */
  record Measure(LocalDate onsetOn, OutcomeInstrument instrument, double firstScore, double latestScore) {}

  /**
   * A clinic's current rows at the version they were brought up to: the secondaries as columns,
   * and the measured injuries as the onsets (sorted) of each instrument, first and latest score.
   */
  record Snapshot(long version, OutcomeColumns secondaries, Map<Measure, int[]> measureOnsets) {

    static final Snapshot EMPTY = of(0, new SecondaryOutcome[0], new Measure[0]);

    static Snapshot of(long version, SecondaryOutcome[] secondaries, Measure[] measures) {
      Map<Measure, List<LocalDate>> byScores = new HashMap<>();
      for (Measure m : measures) {
        byScores.computeIfAbsent(new Measure(null, m.instrument(), m.firstScore(), m.latestScore()),
            k -> new ArrayList<>()).add(m.onsetOn());
      }
      Map<Measure, int[]> onsets = new HashMap<>();
      byScores.forEach((scores, days) -> onsets.put(scores,
          days.stream().mapToInt(day -> (int) day.toEpochDay()).sorted().toArray()));
      return new Snapshot(version, new OutcomeColumns(secondaries), onsets);
    }

    /** The dashboard of the secondaries and measured injuries whose onset is within the range. */
    OutcomeDashboard dashboard(UUID clinicId, LocalDate from, LocalDate to, LocalDate today, Instant computedAt) {
      return secondaries.dashboard(clinicId, from, to, measures(from, to), today, computedAt);
    }

    /** The measured injuries within the range, counted by instrument, first and latest score. */
    List<OutcomeStatistics.MeasureTally> measures(LocalDate from, LocalDate to) {
      int first = from == null ? Integer.MIN_VALUE : (int) from.toEpochDay();
      int last = to == null ? Integer.MAX_VALUE : (int) to.toEpochDay();
      List<OutcomeStatistics.MeasureTally> counted = new ArrayList<>(measureOnsets.size());
      measureOnsets.forEach((m, onsets) -> {
        int n = firstAbove(onsets, last) - firstAbove(onsets, first - 1L);
        if (n > 0) {
          counted.add(new OutcomeStatistics.MeasureTally(m.instrument(), m.firstScore(), m.latestScore(), n));
        }
      });
      return counted;
    }

    /** The index of the first onset after {@code day} in the sorted onsets. */
    private static int firstAbove(int[] onsets, long day) {
      int low = 0;
      int high = onsets.length;
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (onsets[mid] <= day) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      return low;
    }
  }

  /** One case's current rows. */
  private record CaseRows(SecondaryOutcome[] secondaries, Measure[] measures) {}

  /** What this node holds of one clinic; changed only under its own lock. */
  private static final class Clinic {
    long version = -1;
    final Map<UUID, CaseRows> cases = new HashMap<>();
    Snapshot snapshot = Snapshot.EMPTY;
  }

  private final JdbcTemplate jdbc;
  private final Map<UUID, Clinic> clinics = new ConcurrentHashMap<>();
  /** One instance of each clinician, condition code and date, shared by every row that has it. */
  private final Map<Object, Object> shared = new ConcurrentHashMap<>();

  CurrentOutcomeRows(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The clinic's current rows, brought up to its latest committed outcome version first. */
  Snapshot current(UUID clinicId) {
    Clinic clinic = clinics.computeIfAbsent(clinicId, id -> new Clinic());
    synchronized (clinic) {
      refresh(clinicId, clinic);
      return clinic.snapshot;
    }
  }

  private void refresh(UUID clinicId, Clinic clinic) {
    List<long[]> row = jdbc.query("SELECT version, reset FROM outcome_clinic_version WHERE clinic_id = ?",
        (rs, n) -> new long[] {rs.getLong("version"), rs.getLong("reset")}, clinicId);
    long version = row.isEmpty() ? 0 : row.get(0)[0];
    long reset = row.isEmpty() ? 0 : row.get(0)[1];
    if (version == clinic.version) {
      return;
    }
    boolean whole = clinic.version < 0 || reset > clinic.version || version < clinic.version;
    if (!whole) {
      List<UUID> changed = jdbc.queryForList(
          "SELECT case_id FROM outcome_case_change WHERE clinic_id = ? AND version > ?", UUID.class, clinicId,
          clinic.version);
      if (changed.size() > RELOAD_WHOLE_ABOVE) {
        whole = true;
      } else {
        changed.forEach(clinic.cases::remove);
        load(clinic.cases, " JOIN outcome_case_change c ON c.case_id = %s.case_id"
            + " WHERE c.clinic_id = ? AND c.version > ? AND %s.valid_to IS NULL", clinicId, clinic.version);
      }
    }
    if (whole) {
      clinic.cases.clear();
      load(clinic.cases, " WHERE %s.clinic_id = ? AND %s.valid_to IS NULL", clinicId);
    }
    clinic.version = version;
    clinic.snapshot = snapshot(version, clinic.cases);
  }

  /** Reads the current rows that {@code where} selects ({@code %s} the table's alias) into {@code cases}. */
  private void load(Map<UUID, CaseRows> cases, String where, Object... arguments) {
    Map<UUID, List<SecondaryOutcome>> secondaries = new HashMap<>();
    jdbc.query("SELECT " + SECONDARY_COLUMNS + " FROM outcome_secondary s" + where.formatted("s", "s"),
        rs -> {
          secondaries.computeIfAbsent(rs.getObject("case_id", UUID.class), id -> new ArrayList<>(2))
              .add(secondary(rs));
        }, arguments);
    Map<UUID, List<Measure>> measures = new HashMap<>();
    jdbc.query("SELECT " + MEASURE_COLUMNS + " FROM outcome_measure_change m" + where.formatted("m", "m")
        + " AND m.measures >= 2", rs -> {
          measures.computeIfAbsent(rs.getObject("case_id", UUID.class), id -> new ArrayList<>(1))
              .add(new Measure(date(rs, "injury_onset_on"), OutcomeInstrument.valueOf(rs.getString("instrument")),
                  rs.getDouble("first_score"), rs.getDouble("latest_score")));
        }, arguments);
    Set<UUID> ids = new HashSet<>(secondaries.keySet());
    ids.addAll(measures.keySet());
    for (UUID id : ids) {
      cases.put(id, new CaseRows(secondaries.getOrDefault(id, List.of()).toArray(SecondaryOutcome[]::new),
          measures.getOrDefault(id, List.of()).toArray(Measure[]::new)));
    }
  }

  private SecondaryOutcome secondary(ResultSet rs) throws SQLException {
    String modality = rs.getString("primary_modality");
    return new SecondaryOutcome(null, null, share(rs.getObject("clinician_id", UUID.class)), null,
        share(rs.getString("secondary_condition_code")), date(rs, "secondary_onset_on"), null,
        share(rs.getString("primary_condition_code")), date(rs, "primary_treated_on"),
        modality == null ? null : TreatmentModality.valueOf(modality), rs.getBoolean("directly_treated"),
        date(rs, "resolved_on"), date(rs, "case_closed_on"), Classification.valueOf(rs.getString("classification")),
        rs.getBoolean("linked_after_clearance"), date(rs, "own_treatment_started_on"));
  }

  private LocalDate date(ResultSet rs, String column) throws SQLException {
    return share(rs.getObject(column, LocalDate.class));
  }

  @SuppressWarnings("unchecked")
  private <T> T share(T value) {
    return value == null ? null : (T) shared.computeIfAbsent(value, v -> v);
  }

  /** The rows of every case in one array each; no figure depends on their order. */
  private static Snapshot snapshot(long version, Map<UUID, CaseRows> cases) {
    int secondaries = 0;
    int measures = 0;
    for (CaseRows rows : cases.values()) {
      secondaries += rows.secondaries().length;
      measures += rows.measures().length;
    }
    SecondaryOutcome[] allSecondaries = new SecondaryOutcome[secondaries];
    Measure[] allMeasures = new Measure[measures];
    int s = 0;
    int m = 0;
    for (CaseRows rows : cases.values()) {
      System.arraycopy(rows.secondaries(), 0, allSecondaries, s, rows.secondaries().length);
      s += rows.secondaries().length;
      System.arraycopy(rows.measures(), 0, allMeasures, m, rows.measures().length);
      m += rows.measures().length;
    }
    return Snapshot.of(version, allSecondaries, allMeasures);
  }
}
