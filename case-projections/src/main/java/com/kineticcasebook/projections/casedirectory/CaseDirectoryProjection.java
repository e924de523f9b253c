package com.kineticcasebook.projections.casedirectory;

import com.kineticcasebook.caseload.FindCaseClinic;
import com.kineticcasebook.patientcase.CaseOpened;
import com.kineticcasebook.patientcase.ClinicId;
import com.kineticcasebook.projections.ProcessingGroups;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code case_directory}: which clinic each case belongs to, for access decisions. It runs in the
 * subscribing processing group {@value ProcessingGroups#CASE_DIRECTORY}, inside the transaction that records the event,
 * so the access check of the very next request already sees a newly opened case.
 */
@Component
@ProcessingGroup(ProcessingGroups.CASE_DIRECTORY)
class CaseDirectoryProjection {

  private final JdbcTemplate jdbc;

  CaseDirectoryProjection(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @EventHandler
  void on(CaseOpened event) {
    jdbc.update("INSERT INTO case_directory (case_id, clinic_id, patient_ref) VALUES (?, ?, ?)",
        event.caseId().value(), event.clinicId().value(), event.patientRef());
  }

  @QueryHandler
  Optional<ClinicId> handle(FindCaseClinic query) {
    return jdbc.query("SELECT clinic_id FROM case_directory WHERE case_id = ?",
            (rs, row) -> new ClinicId(rs.getObject(1, UUID.class)), query.caseId().value())
        .stream().findFirst();
  }
}
