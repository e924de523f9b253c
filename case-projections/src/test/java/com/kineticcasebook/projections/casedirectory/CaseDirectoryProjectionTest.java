package com.kineticcasebook.projections.casedirectory;

import static org.assertj.core.api.Assertions.assertThat;

import com.kineticcasebook.caseload.FindCaseClinic;
import com.kineticcasebook.patientcase.CaseId;
import com.kineticcasebook.patientcase.ClinicId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** The directory remembers the clinics it found, and never that a case was missing. */
class CaseDirectoryProjectionTest {

  /** Answers the clinic look-up from a map, counting how often it was asked. */
  private static final class DirectoryTable extends JdbcTemplate {

    final Map<UUID, UUID> rows;
    int reads;

    DirectoryTable(Map<UUID, UUID> rows) {
      this.rows = rows;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> List<T> query(String sql, RowMapper<T> rowMapper, Object... args) {
      reads++;
      UUID clinic = rows.get((UUID) args[0]);
      List<T> found = new ArrayList<>();
      if (clinic != null) {
        found.add((T) new ClinicId(clinic));
      }
      return found;
    }
  }

  @Test
  void aCaseFoundIsAnsweredAgainWithoutAskingTheTable() {
    UUID caseId = UUID.randomUUID();
    UUID clinicId = UUID.randomUUID();
    DirectoryTable table = new DirectoryTable(Map.of(caseId, clinicId));
    CaseDirectoryProjection directory = new CaseDirectoryProjection(table);

    Optional<ClinicId> first = directory.handle(new FindCaseClinic(new CaseId(caseId)));
    Optional<ClinicId> second = directory.handle(new FindCaseClinic(new CaseId(caseId)));

    assertThat(first).contains(new ClinicId(clinicId));
    assertThat(second).contains(new ClinicId(clinicId));
    assertThat(table.reads).isEqualTo(1);
  }

  @Test
  void aCaseNotFoundIsLookedUpAgainSinceItMayBeOpeningElsewhere() {
    UUID caseId = UUID.randomUUID();
    DirectoryTable table = new DirectoryTable(new java.util.HashMap<>());
    CaseDirectoryProjection directory = new CaseDirectoryProjection(table);

    assertThat(directory.handle(new FindCaseClinic(new CaseId(caseId)))).isEmpty();
    UUID clinicId = UUID.randomUUID();
    table.rows.put(caseId, clinicId);

    assertThat(directory.handle(new FindCaseClinic(new CaseId(caseId)))).contains(new ClinicId(clinicId));
    assertThat(table.reads).isEqualTo(2);
  }
}
