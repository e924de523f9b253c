package com.kineticcasebook.casework;

import com.kineticcasebook.caseload.CaseStatus;
import com.kineticcasebook.reference.Wording;
import java.time.LocalDate;
import java.util.UUID;

/** One row of the caseload, in words. */
public record CaseloadRow(UUID caseId, String patientRef, String clinic, CaseStatus status, LocalDate openedOn,
    String primaryCondition, int openInjuries) {

  /** The open injuries column: a closed case's open injuries are those left unresolved at its closure. */
  public String openInjuriesInWords() {
    return Wording.openInjuries(status == CaseStatus.CLOSED, openInjuries);
  }
}
