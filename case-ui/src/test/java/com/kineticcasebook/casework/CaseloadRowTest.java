package com.kineticcasebook.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CaseloadRowTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  @Test
  void lastActivityIsATimeOnTheDayItselfInTheClinicsZoneAndADateOtherwise() {
    LocalDate today = LocalDate.of(2026, 7, 3);
    // 09:42 UTC is 10:42 in London in summer.
    assertThat(CaseloadRow.activityInWords(Instant.parse("2026-07-03T09:42:00Z"), today, LONDON))
        .isEqualTo("today 10:42");
    // 23:30 UTC on the 2nd is already the 3rd in London.
    assertThat(CaseloadRow.activityInWords(Instant.parse("2026-07-02T23:30:00Z"), today, LONDON))
        .isEqualTo("today 00:30");
    assertThat(CaseloadRow.activityInWords(Instant.parse("2026-07-02T09:42:00Z"), today, LONDON))
        .isEqualTo("2 Jul 2026");
    assertThat(CaseloadRow.activityInWords(null, today, LONDON)).isEqualTo("—");
  }
}
