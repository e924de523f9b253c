package com.kineticcasebook.projections.casedirectory;

import com.kineticcasebook.patientcase.CaseId;
import com.kineticcasebook.patientcase.ClinicId;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the command side may ask of the case directory directly, without SQL of its own on a
 * table the read side owns.
 */
@Component
public class CaseDirectory {

  private final JdbcTemplate jdbc;

  CaseDirectory(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Locks the case's directory row until the current transaction ends, so that two writers of one
   * case, on any node, record one after the other. Must run inside a transaction.
   */
  public void lock(CaseId caseId) {
    jdbc.query("SELECT case_id FROM case_directory WHERE case_id = ? FOR UPDATE", rs -> { }, caseId.value());
  }

  /**
   * The patient's open case in the clinic, if any, decided inside the transaction that would open
   * another. The patient's reference (in any letter case) is locked until that transaction ends, so
   * two requests opening a case for one patient, on any node, decide one after the other; the
   * directory is written in the opening transaction, so a case opened a moment ago counts before the
   * case views show it. A case counts as open until the case views show it closed. Must run inside a
   * transaction.
   */
  public Optional<CaseId> lockOpenCaseOf(ClinicId clinicId, String patientRef) {
    String patient = clinicId.value() + " " + patientRef.toLowerCase(Locale.ROOT);
    jdbc.query("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> { }, patient);
    return jdbc.query("""
            SELECT d.case_id FROM case_directory d
            LEFT JOIN case_view v ON v.case_id = d.case_id
            WHERE d.clinic_id = ? AND lower(d.patient_ref) = lower(?) AND (v.status IS NULL OR v.status <> 'CLOSED')
            ORDER BY v.opened_on NULLS LAST, d.case_id LIMIT 1""",
            (rs, row) -> new CaseId(rs.getObject(1, UUID.class)), clinicId.value(), patientRef)
        .stream().findFirst();
  }

  /** How many cases have been opened. */
  public long count() {
    Long count = jdbc.queryForObject("SELECT COUNT(*) FROM case_directory", Long.class);
    return count == null ? 0 : count;
  }
}
