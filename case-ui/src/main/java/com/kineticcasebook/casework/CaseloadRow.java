package com.kineticcasebook.casework;

import com.kineticcasebook.caseload.CaseStatus;
import com.kineticcasebook.reference.Wording;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/**
 * One row of the caseload, in words.
 *
 * @param lastActivityAt when the case's latest entry was recorded; null until the case view has it
 * @param lastActivity the same in the clinic's words: "today 10:42" on the day itself, else its date
 */
public record CaseloadRow(UUID caseId, String patientRef, String clinic, CaseStatus status, LocalDate openedOn,
    String primaryCondition, int openInjuries, Instant lastActivityAt, String lastActivity) {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

  /** The open injuries column: a closed case's open injuries are those left unresolved at its closure. */
  public String openInjuriesInWords() {
    return Wording.openInjuries(status == CaseStatus.CLOSED, openInjuries);
  }

  /** An instant in the clinic's words, seen on the given day of the clinic's time zone. */
  static String activityInWords(Instant at, LocalDate today, ZoneId zone) {
    if (at == null) {
      return "—";
    }
    ZonedDateTime local = at.atZone(zone);
    if (local.toLocalDate().equals(today)) {
      return "today " + TIME.format(local);
    }
    return DATE.format(local);
  }
}
