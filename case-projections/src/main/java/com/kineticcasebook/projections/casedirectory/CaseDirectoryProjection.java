package com.kineticcasebook.projections.casedirectory;

import com.kineticcasebook.caseload.CaseListItem;
import com.kineticcasebook.caseload.CaseListPage;
import com.kineticcasebook.caseload.CaseStatus;
import com.kineticcasebook.caseload.FindCaseClinic;
import com.kineticcasebook.caseload.FindCaseListItem;
import com.kineticcasebook.caseload.ListCases;
import com.kineticcasebook.patientcase.CaseClosed;
import com.kineticcasebook.patientcase.CaseId;
import com.kineticcasebook.patientcase.CaseOpened;
import com.kineticcasebook.patientcase.CaseReopened;
import com.kineticcasebook.patientcase.ClinicId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code case_directory}: one row per case with its clinic and status. It runs in the
 * subscribing processing group {@value #GROUP}, inside the transaction that records the event,
 * so the access check of the very next request already sees a newly opened case.
 */
@Component
@ProcessingGroup(CaseDirectoryProjection.GROUP)
class CaseDirectoryProjection {

  static final String GROUP = "case-directory";

  private final JdbcTemplate jdbc;

  CaseDirectoryProjection(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @EventHandler
  void on(CaseOpened event) {
    jdbc.update("""
        INSERT INTO case_directory (case_id, clinic_id, patient_ref, assigned_clinician_id, opened_on, status)
        VALUES (?, ?, ?, ?, ?, 'OPEN')""",
        event.caseId().value(), event.clinicId().value(), event.patientRef(), event.assignedClinicianId().value(),
        event.openedOn());
  }

  @EventHandler
  void on(CaseClosed event) {
    jdbc.update("UPDATE case_directory SET status = 'CLOSED', closed_on = ? WHERE case_id = ?",
        event.closedOn(), event.caseId().value());
  }

  @EventHandler
  void on(CaseReopened event) {
    jdbc.update("UPDATE case_directory SET status = 'OPEN', closed_on = NULL WHERE case_id = ?",
        event.caseId().value());
  }

  @QueryHandler
  Optional<ClinicId> handle(FindCaseClinic query) {
    return jdbc.query("SELECT clinic_id FROM case_directory WHERE case_id = ?",
            (rs, row) -> new ClinicId(rs.getObject(1, UUID.class)), query.caseId().value())
        .stream().findFirst();
  }

  @QueryHandler
  Optional<CaseListItem> handle(FindCaseListItem query) {
    return jdbc.query("SELECT * FROM case_directory WHERE case_id = ?", CaseDirectoryProjection::item,
            query.caseId().value())
        .stream().findFirst();
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
    Long total = jdbc.queryForObject("SELECT COUNT(*) FROM case_directory WHERE " + where, Long.class,
        arguments.toArray());
    List<Object> paged = new ArrayList<>(arguments);
    paged.add(query.size());
    paged.add((long) query.page() * query.size());
    List<CaseListItem> items = jdbc.query(
        "SELECT * FROM case_directory WHERE " + where + " ORDER BY opened_on DESC, case_id LIMIT ? OFFSET ?",
        CaseDirectoryProjection::item, paged.toArray());
    return new CaseListPage(items, query.page(), query.size(), total == null ? 0 : total);
  }

  private static CaseListItem item(ResultSet rs, int row) throws SQLException {
    return new CaseListItem(
        new CaseId(rs.getObject("case_id", UUID.class)),
        new ClinicId(rs.getObject("clinic_id", UUID.class)),
        rs.getString("patient_ref"),
        CaseStatus.valueOf(rs.getString("status")),
        rs.getObject("opened_on", LocalDate.class),
        rs.getObject("closed_on", LocalDate.class));
  }
}
