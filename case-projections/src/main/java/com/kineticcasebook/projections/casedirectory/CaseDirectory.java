package com.kineticcasebook.projections.casedirectory;

import com.kineticcasebook.patientcase.CaseId;
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

  /** How many cases have been opened. */
  public long count() {
    Long count = jdbc.queryForObject("SELECT COUNT(*) FROM case_directory", Long.class);
    return count == null ? 0 : count;
  }
}
