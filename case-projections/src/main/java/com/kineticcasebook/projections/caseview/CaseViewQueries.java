package com.kineticcasebook.projections.caseview;

import com.kineticcasebook.caseload.CaseListItem;
import com.kineticcasebook.caseload.CaseListPage;
import com.kineticcasebook.caseload.CaseStatus;
import com.kineticcasebook.caseload.CaseloadSort;
import com.kineticcasebook.caseload.CaseTimeline;
import com.kineticcasebook.caseload.CaseView;
import com.kineticcasebook.caseload.FindCaseStateAsOf;
import com.kineticcasebook.caseload.FindCaseTimeline;
import com.kineticcasebook.caseload.FindCaseView;
import com.kineticcasebook.caseload.ListCases;
import com.kineticcasebook.patientcase.CaseId;
import com.kineticcasebook.patientcase.ClinicId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Answers the case queries from the case-views tables, and the auditor's as-of query from the event store. */
@Component
class CaseViewQueries {

  /**
   * The columns a caseload row needs: never the view's and timeline's JSON, which would make the
   * sort before LIMIT carry kilobytes per case (docs/performance.md, the caseload's queries).
   */
  private static final String LIST_COLUMNS = "case_id, clinic_id, patient_ref, status, opened_on, closed_on, "
      + "primary_injury_id, open_injuries, primary_condition_code, last_activity_at";

  private final JdbcTemplate jdbc;
  private final CaseViewTables tables;
  private final EventStore eventStore;
  private final CaseFold fold;

  CaseViewQueries(JdbcTemplate jdbc, CaseViewTables tables, EventStore eventStore, Clock clock) {
    this.jdbc = jdbc;
    this.tables = tables;
    this.eventStore = eventStore;
    this.fold = new CaseFold(clock.getZone());
  }

  @QueryHandler
  Optional<CaseView> handle(FindCaseView query) {
    return jdbc.query("SELECT view_json FROM case_view WHERE case_id = ?",
            (rs, row) -> tables.view(rs.getString(1)), query.caseId().value())
        .stream().findFirst();
  }

  @QueryHandler
  Optional<CaseTimeline> handle(FindCaseTimeline query) {
    return jdbc.query("SELECT timeline_json FROM case_view WHERE case_id = ?",
            (rs, row) -> new CaseTimeline(tables.timeline(rs.getString(1)).worded()), query.caseId().value())
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
    if (query.clinicianId() != null) {
      where.append(" AND clinician_ids @> ARRAY[?::uuid]");
      arguments.add(query.clinicianId());
    }
    Long total = jdbc.queryForObject("SELECT COUNT(*) FROM case_view WHERE " + where, Long.class,
        arguments.toArray());
    List<Object> paged = new ArrayList<>(arguments);
    paged.add(query.size());
    paged.add((long) query.page() * query.size());
    List<CaseListItem> items = jdbc.query(
        "SELECT " + LIST_COLUMNS + " FROM case_view WHERE " + where + " ORDER BY " + orderBy(query.sort(), query.descending())
            + " LIMIT ? OFFSET ?",
        CaseViewQueries::item, paged.toArray());
    return new CaseListPage(items, query.page(), query.size(), total == null ? 0 : total);
  }

  /** The caseload's order: the column, then the case id, so that paging never repeats or skips a case. */
  static String orderBy(CaseloadSort sort, boolean descending) {
    String direction = descending ? " DESC" : " ASC";
    String column = switch (sort) {
      case PATIENT_REF -> "LOWER(patient_ref)" + direction + ", patient_ref" + direction;
      case OPENED_ON -> "opened_on" + direction;
      // Open cases before closed ones when ascending.
      case STATUS -> "CASE status WHEN 'OPEN' THEN 0 ELSE 1 END" + direction;
      case LAST_ACTIVITY_AT -> "last_activity_at" + direction + " NULLS LAST";
    };
    return column + ", case_id";
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
        rs.getString("primary_condition_code"),
        Optional.ofNullable(rs.getObject("last_activity_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant)
            .orElse(null));
  }
}
