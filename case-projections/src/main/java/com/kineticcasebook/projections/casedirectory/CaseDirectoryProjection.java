package com.kineticcasebook.projections.casedirectory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.kineticcasebook.caseload.CaseStatus;
import com.kineticcasebook.caseload.FindCaseClinic;
import com.kineticcasebook.caseload.FindCasesOfPatient;
import com.kineticcasebook.patientcase.CaseId;
import com.kineticcasebook.patientcase.CaseOpened;
import com.kineticcasebook.patientcase.ClinicId;
import com.kineticcasebook.projections.ProcessingGroups;
import java.sql.Date;
import java.util.List;
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
 *
 * <p>A case's clinic is fixed when it opens and never changes, so each node keeps the clinics it
 * has found (up to {@value #REMEMBERED_CASES} cases): the access rule of every request on a case
 * then costs no round trip. A case not found is not remembered; it may be opening on another node.
 */
@Component
@ProcessingGroup(ProcessingGroups.CASE_DIRECTORY)
class CaseDirectoryProjection {

  static final int REMEMBERED_CASES = 100_000;

  private final JdbcTemplate jdbc;
  private final Cache<UUID, ClinicId> clinics = Caffeine.newBuilder().maximumSize(REMEMBERED_CASES).build();

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
    UUID caseId = query.caseId().value();
    ClinicId known = clinics.getIfPresent(caseId);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<ClinicId> found = jdbc.query("SELECT clinic_id FROM case_directory WHERE case_id = ?",
            (rs, row) -> new ClinicId(rs.getObject(1, UUID.class)), caseId)
        .stream().findFirst();
    found.ifPresent(clinic -> clinics.put(caseId, clinic));
    return found;
  }

  /**
   * The auditor's look-up of a patient's cases in a clinic, by the directory's index on the clinic and
   * the reference in lower case; the opening date and status come from the case views beside it.
   */
  @QueryHandler
  List<FindCasesOfPatient.CaseFound> handle(FindCasesOfPatient query) {
    return jdbc.query("""
            SELECT d.case_id, d.clinic_id, d.patient_ref, v.opened_on, v.status
            FROM case_directory d LEFT JOIN case_view v ON v.case_id = d.case_id
            WHERE d.clinic_id = ? AND lower(d.patient_ref) = lower(?)
            ORDER BY v.opened_on NULLS LAST, d.case_id""",
        (rs, row) -> {
          Date openedOn = rs.getDate("opened_on");
          String status = rs.getString("status");
          return new FindCasesOfPatient.CaseFound(new CaseId(rs.getObject("case_id", UUID.class)),
              new ClinicId(rs.getObject("clinic_id", UUID.class)), rs.getString("patient_ref"),
              openedOn == null ? null : openedOn.toLocalDate(), status == null ? CaseStatus.OPEN : CaseStatus.valueOf(status));
        },
        query.clinicId().value(), query.patientRef());
  }
}
