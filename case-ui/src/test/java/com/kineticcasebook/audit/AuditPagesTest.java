package com.kineticcasebook.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class AuditPagesTest {

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void anInstantComesFromAnEventLinkOrFromTheDateTimeInputReadAsUtc() {
    assertThat(AuditPages.parseInstant("2026-03-14T09:30:00.123456Z")).contains(Instant.parse("2026-03-14T09:30:00.123456Z"));
    assertThat(AuditPages.parseInstant("2026-03-14T09:30")).contains(Instant.parse("2026-03-14T09:30:00Z"));
    assertThat(AuditPages.parseInstant("2026-03-14T09:30:05.250")).contains(Instant.parse("2026-03-14T09:30:05.250Z"));
    assertThat(AuditPages.parseInstant("yesterday")).isEmpty();
  }

  @Test
  void theInputShowsAnInstantInUtcToTheMillisecond() {
    assertThat(AuditPages.inputValue(Instant.parse("2026-03-14T09:30:05.250999Z"))).isEqualTo("2026-03-14T09:30:05.250");
    assertThat(AuditPages.shown(Instant.parse("2026-03-14T09:30:05.250999Z"))).isEqualTo("14 Mar 2026, 09:30:05.250 UTC");
  }

  @Test
  void anEventRowNamesItsAuthorAndLabelsItsPayloadFields() {
    UUID author = UUID.randomUUID();
    var event = new CaseHistory.RecordedEvent("e1", 41, 3, "GAIT_FILMED", "1", Instant.parse("2026-03-14T09:30:00Z"),
        author.toString(), json.readTree("[\"CLINICIAN\"]"), "c-1", json.createObjectNode(),
        json.readTree("{\"caseId\":\"x\",\"filmedOn\":\"2026-03-14\",\"findings\":{\"cadenceSpm\":168,\"antalgic\":true},"
            + "\"evidence\":[],\"video\":null}"),
        "a".repeat(64), AuditPages.GENESIS_HASH, "{}");
    AuditPages.EventRow row = AuditPages.rows(List.of(event), Map.of(author, "clinician.north"), "e1").get(0);
    assertThat(row.who()).isEqualTo("clinician.north");
    assertThat(row.type()).isEqualTo("Gait filmed");
    assertThat(row.roles()).isEqualTo("Clinician");
    assertThat(row.fields()).containsExactly(new AuditPages.Field("Filmed on", "2026-03-14"),
        new AuditPages.Field("Findings · cadence spm", "168"), new AuditPages.Field("Findings · antalgic", "true"),
        new AuditPages.Field("Evidence", "none"), new AuditPages.Field("Video", "—"));
    assertThat(row.previousHashShown()).isEqualTo("start of chain");
    assertThat(row.hashShown()).isEqualTo("aaaaaaaaaaaa…");
    assertThat(row.firstBroken()).isTrue();
  }
}
