package com.kineticcasebook.projections.caseview;

import com.kineticcasebook.caseload.CaseListItem;
import com.kineticcasebook.caseload.CaseListPage;
import com.kineticcasebook.caseload.CaseStatus;
import com.kineticcasebook.caseload.CaseTimeline;
import com.kineticcasebook.caseload.CaseView;
import com.kineticcasebook.caseload.FindCaseStateAsOf;
import com.kineticcasebook.caseload.FindCaseTimeline;
import com.kineticcasebook.caseload.FindCaseView;
import com.kineticcasebook.caseload.ListCases;
import com.kineticcasebook.caseload.TimelineEntry;
import com.kineticcasebook.outcomes.MeasureChange;
import com.kineticcasebook.outcomes.SecondaryOutcome;
import com.kineticcasebook.patientcase.CaseId;
import com.kineticcasebook.patientcase.ClinicId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the case views, timelines and outcome rows of the {@value #GROUP} streaming processor.
 * For each event it folds the case's events up to that one, read from the event store, and
 * replaces the case's rows: the result depends only on the events, so a rebuild gives exactly what
 * the live run gave. Axon commits the processor's token in the same transaction as these rows.
 */
@Component
@ProcessingGroup(CaseViewProjection.GROUP)
public class CaseViewProjection {

  public static final String GROUP = "case-views";

  private static final TypeReference<List<TimelineEntry>> TIMELINE = new TypeReference<>() {};

  private final JdbcTemplate jdbc;
  private final EventStore eventStore;
  private final CaseFold fold;
  private final JsonMapper json = JsonMapper.builder().build();

  CaseViewProjection(JdbcTemplate jdbc, EventStore eventStore, Clock clock) {
    this.jdbc = jdbc;
    this.eventStore = eventStore;
    this.fold = new CaseFold(clock.getZone());
  }

  @EventHandler
  void on(Object payload, DomainEventMessage<?> event) {
    String caseId = event.getAggregateIdentifier();
    List<? extends DomainEventMessage<?>> events = eventStore.readEvents(caseId).asStream()
        .filter(e -> e.getSequenceNumber() <= event.getSequenceNumber())
        .toList();
    CaseFold.Folded folded = fold.fold(events);
    if (folded != null) {
      store(folded);
    }
  }

  @ResetHandler
  void reset() {
    jdbc.update("DELETE FROM outcome_measure_change");
    jdbc.update("DELETE FROM outcome_secondary");
    jdbc.update("DELETE FROM case_view");
  }

  private void store(CaseFold.Folded folded) {
    CaseView view = folded.view();
    int updated = jdbc.update("""
        UPDATE case_view SET clinic_id = ?, patient_ref = ?, status = ?, opened_on = ?, closed_on = ?,
          assigned_clinician_id = ?, primary_injury_id = ?, open_injuries = ?, version = ?, view_json = ?,
          timeline_json = ?, primary_condition_code = ?, condition_codes = ?
        WHERE case_id = ?""", viewColumns(folded, view.caseId()));
    if (updated == 0) {
      jdbc.update("""
          INSERT INTO case_view (clinic_id, patient_ref, status, opened_on, closed_on, assigned_clinician_id,
            primary_injury_id, open_injuries, version, view_json, timeline_json, primary_condition_code,
            condition_codes, case_id)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", viewColumns(folded, view.caseId()));
    }
    jdbc.update("DELETE FROM outcome_secondary WHERE case_id = ?", view.caseId());
    for (SecondaryOutcome s : folded.secondaries()) {
      jdbc.update("""
          INSERT INTO outcome_secondary (case_id, secondary_injury_id, clinic_id, clinician_id,
            secondary_condition_code, secondary_onset_on, primary_injury_id, primary_condition_code,
            primary_treated_on, primary_modality, directly_treated, resolved_on, case_closed_on, classification)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
          s.caseId(), s.secondaryInjuryId(), s.clinicId(), s.clinicianId(), s.secondaryConditionCode(),
          s.secondaryOnsetOn(), s.primaryInjuryId(), s.primaryConditionCode(), s.primaryTreatedOn(),
          s.primaryModality() == null ? null : s.primaryModality().name(), s.directlyTreated(), s.resolvedOn(),
          s.caseClosedOn(), s.classification().name());
    }
    jdbc.update("DELETE FROM outcome_measure_change WHERE case_id = ?", view.caseId());
    for (MeasureChange m : folded.measures()) {
      jdbc.update("""
          INSERT INTO outcome_measure_change (case_id, injury_id, instrument, clinic_id, injury_onset_on,
            first_score, latest_score, measures)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
          m.caseId(), m.injuryId(), m.instrument().name(), m.clinicId(), m.injuryOnsetOn(), m.firstScore(),
          m.latestScore(), m.measures());
    }
  }

  private Object[] viewColumns(CaseFold.Folded folded, UUID caseId) {
    CaseView view = folded.view();
    return new Object[] {view.clinicId(), view.patientRef(), view.status().name(), view.openedOn(), view.closedOn(),
        view.assignedClinicianId(), view.primaryInjuryId(), view.openInjuries(), view.version(),
        json.writeValueAsString(view), json.writeValueAsString(folded.timeline()), CaseloadSearch.primaryCondition(view),
        CaseloadSearch.conditionCodes(view), caseId};
  }

  @QueryHandler
  Optional<CaseView> handle(FindCaseView query) {
    return jdbc.query("SELECT view_json FROM case_view WHERE case_id = ?",
            (rs, row) -> json.readValue(rs.getString(1), CaseView.class), query.caseId().value())
        .stream().findFirst();
  }

  @QueryHandler
  Optional<CaseTimeline> handle(FindCaseTimeline query) {
    return jdbc.query("SELECT timeline_json FROM case_view WHERE case_id = ?",
            (rs, row) -> new CaseTimeline(json.readValue(rs.getString(1), TIMELINE)), query.caseId().value())
        .stream().findFirst();
  }

  /** The auditor's as-of view: the same fold over the events recorded up to the instant. */
  @QueryHandler
  Optional<CaseView> handle(FindCaseStateAsOf query) {
    List<? extends DomainEventMessage<?>> events = eventStore.readEvents(query.caseId().toString()).asStream()
        .filter(e -> !e.getTimestamp().isAfter(query.asOf()))
        .toList();
    return Optional.ofNullable(fold.fold(events)).map(CaseFold.Folded::view);
  }

  @QueryHandler
  CaseListPage handle(ListCases query) {
    if (query.clinicIds().isEmpty()) {
      return new CaseListPage(List.of(), query.page(), query.size(), 0);
    }
    StringBuilder where = new StringBuilder("clinic_id IN (");
    List<Object> arguments = new ArrayList<>();
    for (ClinicId clinic : query.clinicIds()) {
      where.append(arguments.isEmpty() ? "?" : ", ?");
      arguments.add(clinic.value());
    }
    where.append(')');
    if (query.status() != null) {
      where.append(" AND status = ?");
      arguments.add(query.status().name());
    }
    if (query.search() != null) {
      CaseloadSearch.where(query.search(), where, arguments);
    }
    Long total = jdbc.queryForObject("SELECT COUNT(*) FROM case_view WHERE " + where, Long.class,
        arguments.toArray());
    List<Object> paged = new ArrayList<>(arguments);
    paged.add(query.size());
    paged.add((long) query.page() * query.size());
    List<CaseListItem> items = jdbc.query(
        "SELECT * FROM case_view WHERE " + where + " ORDER BY opened_on DESC, case_id LIMIT ? OFFSET ?",
        CaseViewProjection::item, paged.toArray());
    return new CaseListPage(items, query.page(), query.size(), total == null ? 0 : total);
  }

  private static CaseListItem item(ResultSet rs, int row) throws SQLException {
    return new CaseListItem(
        new CaseId(rs.getObject("case_id", UUID.class)),
        new ClinicId(rs.getObject("clinic_id", UUID.class)),
        rs.getString("patient_ref"),
        CaseStatus.valueOf(rs.getString("status")),
        rs.getObject("opened_on", LocalDate.class),
        rs.getObject("closed_on", LocalDate.class),
        rs.getObject("primary_injury_id", UUID.class),
        rs.getInt("open_injuries"),
        rs.getString("primary_condition_code"));
  }
}
