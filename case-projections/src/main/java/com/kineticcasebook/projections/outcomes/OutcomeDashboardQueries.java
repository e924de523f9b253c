package com.kineticcasebook.projections.outcomes;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.kineticcasebook.outcomes.Classification;
import com.kineticcasebook.outcomes.FindOutcomeDashboard;
import com.kineticcasebook.outcomes.OutcomeDashboard;
import com.kineticcasebook.outcomes.SecondaryOutcome;
import com.kineticcasebook.reference.OutcomeInstrument;
import com.kineticcasebook.reference.TreatmentModality;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers the outcomes dashboard from the outcome rows of the case-views projection. The current
 * dashboard, for any date range, is computed from the clinic's rows this node keeps in memory
 * ({@link CurrentOutcomeRows}), brought up to date first; a dashboard as of an instant reads the
 * versions of the rows true then from the tables. A computed dashboard is kept and served again
 * while the clinic's outcome version (raised with every change of its rows, on any node) and the
 * date stand.
 */
@Component
class OutcomeDashboardQueries {

  /** One computed dashboard: the query, the clinic's outcome version and the day it was computed for. */
  private record Computed(FindOutcomeDashboard query, long version, LocalDate today) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final CurrentOutcomeRows current;
  private final Cache<Computed, OutcomeDashboard> computed = Caffeine.newBuilder()
      .maximumSize(500)
      .expireAfterAccess(Duration.ofHours(1))
      .build();

  OutcomeDashboardQueries(JdbcTemplate jdbc, Clock clock, CurrentOutcomeRows current) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.current = current;
  }

  @QueryHandler
  OutcomeDashboard handle(FindOutcomeDashboard query) {
    if (query.asOf() != null) {
      return computed.get(new Computed(query, version(query), LocalDate.ofInstant(query.asOf(), clock.getZone())),
          key -> compute(query, key.today()));
    }
    CurrentOutcomeRows.Snapshot rows = current.current(query.clinicId().value());
    LocalDate today = LocalDate.now(clock);
    return computed.get(new Computed(query, rows.version(), today), key -> rows.dashboard(query.clinicId().value(),
        query.from(), query.to(), today, clock.instant().truncatedTo(ChronoUnit.SECONDS)));
  }

  private long version(FindOutcomeDashboard query) {
    List<Long> version = jdbc.queryForList("SELECT version FROM outcome_clinic_version WHERE clinic_id = ?",
        Long.class, query.clinicId().value());
    return version.isEmpty() ? 0 : version.get(0);
  }

  /**
   * Reads the clinic's rows from the outcome tables and computes the dashboard: for a dashboard as
   * of an instant, the versions of the rows true then; else the current ones.
   */
  private OutcomeDashboard compute(FindOutcomeDashboard query, LocalDate today) {
    UUID clinic = query.clinicId().value();
    List<Object> arguments = new ArrayList<>(List.of(clinic));
    String onset = onsetFilter("secondary_onset_on", query, arguments) + recordedFilter(query, arguments);
    List<SecondaryOutcome> secondaries = jdbc.query(
        "SELECT * FROM outcome_secondary WHERE clinic_id = ?" + onset,
        (rs, row) -> new SecondaryOutcome(
            rs.getObject("case_id", UUID.class), rs.getObject("clinic_id", UUID.class),
            rs.getObject("clinician_id", UUID.class), rs.getObject("secondary_injury_id", UUID.class),
            rs.getString("secondary_condition_code"), rs.getObject("secondary_onset_on", LocalDate.class),
            rs.getObject("primary_injury_id", UUID.class), rs.getString("primary_condition_code"),
            rs.getObject("primary_treated_on", LocalDate.class),
            rs.getString("primary_modality") == null ? null : TreatmentModality.valueOf(rs.getString("primary_modality")),
            rs.getBoolean("directly_treated"), rs.getObject("resolved_on", LocalDate.class),
            rs.getObject("case_closed_on", LocalDate.class), Classification.valueOf(rs.getString("classification")),
            rs.getBoolean("linked_after_clearance"), rs.getObject("own_treatment_started_on", LocalDate.class)),
        arguments.toArray());
    List<Object> measureArguments = new ArrayList<>(List.of(clinic));
    String measureOnset = onsetFilter("injury_onset_on", query, measureArguments)
        + recordedFilter(query, measureArguments);
    List<OutcomeStatistics.MeasureTally> measures = jdbc.query("""
        SELECT instrument, first_score, latest_score, COUNT(*) AS injuries FROM outcome_measure_change
        WHERE clinic_id = ? AND measures >= 2""" + measureOnset + " GROUP BY instrument, first_score, latest_score",
        (rs, row) -> new OutcomeStatistics.MeasureTally(OutcomeInstrument.valueOf(rs.getString("instrument")),
            rs.getDouble("first_score"), rs.getDouble("latest_score"), rs.getInt("injuries")),
        measureArguments.toArray());
    return OutcomeStatistics.dashboard(clinic, query.from(), query.to(), secondaries, measures, today,
        clock.instant().truncatedTo(ChronoUnit.SECONDS), query.asOf());
  }

  /**
   * The versions of the outcome rows true at the query's instant (recorded by then, and not yet
   * changed by an event recorded by then), or the current ones.
   */
  private static String recordedFilter(FindOutcomeDashboard query, List<Object> arguments) {
    if (query.asOf() == null) {
      return " AND valid_to IS NULL";
    }
    OffsetDateTime asOf = query.asOf().atOffset(ZoneOffset.UTC);
    arguments.add(asOf);
    arguments.add(asOf);
    return " AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)";
  }

  private static String onsetFilter(String column, FindOutcomeDashboard query, List<Object> arguments) {
    StringBuilder filter = new StringBuilder();
    if (query.from() != null) {
      filter.append(" AND ").append(column).append(" >= ?");
      arguments.add(query.from());
    }
    if (query.to() != null) {
      filter.append(" AND ").append(column).append(" <= ?");
      arguments.add(query.to());
    }
    return filter.toString();
  }
}
